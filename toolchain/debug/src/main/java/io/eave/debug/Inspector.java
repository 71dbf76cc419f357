package io.eave.debug;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackFramePresentationHint;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.Variable;

import io.eave.compiler.debug.DebugInfo.Local;
import io.eave.compiler.debug.DebugInfo.MethodInfo;
import io.eave.debug.protocol.DebugMessage.Frame;
import io.eave.debug.protocol.DebugMessage.Frames;
import io.eave.debug.protocol.Value;

/**
 * What the user sees of a stopped container: stack frames with source lines, scopes, variables
 * (lazy, paged, objects by reference) and evaluated expressions. Frame ids and variable
 * references are handed out per stop and forgotten when the container resumes, like the agent's
 * object references; ids are never reused, so a stale one is reported, not misread.
 */
final class Inspector {
    /** Bytes of a byte array shown in its one-line value. */
    static final int BYTES_PREVIEW = 16;
    /** The longest string an evaluation (not a hover) fetches in full. */
    static final int FULL_STRING = 4096;
    /** Frames fetched when the client asks for "all". */
    static final int ALL_FRAMES = 1000;

    static final String STRING_CLASS = "String_", BYTE_ARRAY_CLASS = "ByteArray_", ARRAY_CLASS = "Array_";

    private final AgentClient agent;
    private final SourceMap map;

    /** A frame of one stop: the task, its index (0 innermost), where it is. */
    record FrameRef(long task, long index, long method, long offset) {}

    private sealed interface Node {}
    private record LocalsNode(FrameRef frame) implements Node {}
    private record ThisNode(FrameRef frame, int slot) implements Node {}
    private record GlobalsNode() implements Node {}
    private record ObjectNode(Value.Obj object) implements Node {}

    private final Map<Integer, FrameRef> frames = new HashMap<>();
    private final Map<Integer, Node> nodes = new HashMap<>();
    private final Map<Long, Integer> objectIds = new HashMap<>();
    private final Map<Long, Frame> topFrames = new HashMap<>();
    private int nextFrameId = 1;
    private int nextNodeId = 1;

    Inspector(AgentClient agent, SourceMap map) {
        this.agent = agent;
        this.map = map;
    }

    /** Forgets everything of the last stop (the container resumed). */
    synchronized void reset() {
        frames.clear();
        nodes.clear();
        objectIds.clear();
        topFrames.clear();
    }

    private synchronized int frameId(FrameRef frame) {
        int id = nextFrameId++;
        frames.put(id, frame);
        return id;
    }

    private synchronized FrameRef frame(int id) {
        FrameRef frame = frames.get(id);
        if (frame == null) {
            throw new CompletionException(Errors.user("frame " + id + " is gone: the container resumed since; look at the new stop"));
        }
        return frame;
    }

    private synchronized int nodeId(Node node) {
        if (node instanceof ObjectNode o) {
            Integer known = objectIds.get(o.object().reference());
            if (known != null) {
                return known;
            }
        }
        int id = nextNodeId++;
        nodes.put(id, node);
        if (node instanceof ObjectNode o) {
            objectIds.put(o.object().reference(), id);
        }
        return id;
    }

    private synchronized Node node(int id) {
        Node node = nodes.get(id);
        if (node == null) {
            throw new CompletionException(Errors.user("variables " + id + " are gone: the container resumed since"));
        }
        return node;
    }

    /** The innermost frame of a task at this stop (cached). */
    CompletableFuture<Frame> topFrame(long task) {
        synchronized (this) {
            Frame known = topFrames.get(task);
            if (known != null) {
                return CompletableFuture.completedFuture(known);
            }
        }
        return agent.stack(task, 0, 1).thenApply(f -> {
            if (f.frames().isEmpty()) {
                throw new CompletionException(Errors.user("task " + task + " has no frames"));
            }
            synchronized (this) {
                topFrames.put(task, f.frames().get(0));
            }
            return f.frames().get(0);
        });
    }

    // ------------------------------------------------------------------ stack

    CompletableFuture<StackTraceResponse> stackTrace(long task, int start, Integer levels) {
        long count = levels == null || levels <= 0 ? ALL_FRAMES : levels;
        return agent.stack(task, start, count).thenApply(got -> stackFrames(task, start, got));
    }

    private StackTraceResponse stackFrames(long task, int start, Frames got) {
        List<StackFrame> result = new ArrayList<>();
        for (int i = 0; i < got.frames().size(); i++) {
            Frame f = got.frames().get(i);
            if (start + i == 0) {
                synchronized (this) {
                    topFrames.put(task, f);
                }
            }
            StackFrame frame = new StackFrame();
            frame.setId(frameId(new FrameRef(task, start + i, f.method(), f.offset())));
            frame.setName(map.frameName(f.method()));
            String path = map.path(f.method());
            frame.setLine(map.line(f.method(), f.offset()));
            frame.setColumn(path == null ? 0 : 1);
            if (path != null) {
                frame.setSource(source(path));
            } else {
                frame.setPresentationHint(StackFramePresentationHint.SUBTLE);
            }
            result.add(frame);
        }
        StackTraceResponse response = new StackTraceResponse();
        response.setStackFrames(result.toArray(StackFrame[]::new));
        response.setTotalFrames((int) got.total());
        return response;
    }

    static Source source(String path) {
        Source source = new Source();
        source.setPath(path);
        source.setName(java.nio.file.Path.of(path).getFileName().toString());
        return source;
    }

    // ------------------------------------------------------------------ scopes and variables

    Scope[] scopes(int frameId) {
        FrameRef frame = frame(frameId);
        MethodInfo method = map.method(frame.method());
        List<Scope> scopes = new ArrayList<>();
        List<Local> live = method == null ? List.of() : method.liveAt((int) frame.offset());
        long locals = live.stream().filter(l -> !l.name().equals("this")).count();
        scopes.add(scope("Locals", nodeId(new LocalsNode(frame)), (int) locals, false));
        live.stream().filter(l -> l.name().equals("this")).findFirst()
                .ifPresent(l -> scopes.add(scope("This", nodeId(new ThisNode(frame, l.slot())), null, false)));
        if (map.globalCount() > 0) {
            scopes.add(scope("Globals", nodeId(new GlobalsNode()), map.globalCount(), true));
        }
        return scopes.toArray(Scope[]::new);
    }

    private static Scope scope(String name, int reference, Integer named, boolean expensive) {
        Scope scope = new Scope();
        scope.setName(name);
        scope.setVariablesReference(reference);
        scope.setNamedVariables(named);
        scope.setExpensive(expensive);
        return scope;
    }

    CompletableFuture<Variable[]> variables(int reference, Integer start, Integer count) {
        Node node = node(reference);
        CompletableFuture<List<Variable>> result = switch (node) {
            case LocalsNode n -> locals(n.frame());
            case ThisNode n -> agent.locals(n.frame().task(), n.frame().index(), n.slot(), 1).thenCompose(values -> {
                if (values.isEmpty() || !(values.get(0) instanceof Value.Obj receiver)) {
                    return CompletableFuture.completedFuture(List.<Variable>of());
                }
                return children(receiver, start, count);
            });
            case GlobalsNode n -> globals(start, count);
            case ObjectNode n -> children(n.object(), start, count);
        };
        return result.thenApply(list -> list.toArray(Variable[]::new));
    }

    private CompletableFuture<List<Variable>> locals(FrameRef frame) {
        MethodInfo method = map.method(frame.method());
        if (method == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<Local> live = method.liveAt((int) frame.offset()).stream().filter(l -> !l.name().equals("this")).toList();
        if (live.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        int first = live.get(0).slot();
        int last = live.get(live.size() - 1).slot();
        return agent.locals(frame.task(), frame.index(), first, last - first + 1).thenCompose(values -> {
            List<CompletableFuture<Variable>> vars = new ArrayList<>();
            for (Local local : live) {
                int i = local.slot() - first;
                if (i < values.size()) {
                    vars.add(variable(local.name(), local.name(), values.get(i), local.type()));
                }
            }
            return all(vars);
        });
    }

    private CompletableFuture<List<Variable>> globals(Integer start, Integer count) {
        int from = start == null ? 0 : start;
        int n = count == null || count <= 0 ? map.globalCount() - from : Math.min(count, map.globalCount() - from);
        if (n <= 0) {
            return CompletableFuture.completedFuture(List.of());
        }
        return agent.globals(from, n).thenCompose(values -> {
            List<CompletableFuture<Variable>> vars = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                String name = map.globalName(from + i);
                vars.add(variable(name, name, values.get(i), null));
            }
            return all(vars);
        });
    }

    private CompletableFuture<List<Variable>> children(Value.Obj object, Integer start, Integer count) {
        String cls = map.className(object.classIndex());
        boolean indexed = cls.equals(BYTE_ARRAY_CLASS) || cls.equals(ARRAY_CLASS);
        long from = indexed && start != null ? start : 0;
        long n = indexed && count != null && count > 0 ? Math.min(count, object.size() - from) : object.size() - from;
        if (n <= 0 || cls.equals(STRING_CLASS)) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<String> fields = map.fields(object.classIndex());
        return agent.object(object.reference(), from, n).thenCompose(values -> {
            List<CompletableFuture<Variable>> vars = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                long at = from + i;
                String name = indexed ? "[" + at + "]" : at < fields.size() ? fields.get((int) at) : "field " + at;
                vars.add(variable(name, null, values.get(i), null));
            }
            return all(vars);
        });
    }

    private static CompletableFuture<List<Variable>> all(List<CompletableFuture<Variable>> vars) {
        return CompletableFuture.allOf(vars.toArray(CompletableFuture[]::new))
                .thenApply(done -> vars.stream().map(CompletableFuture::join).toList());
    }

    /** A variable as the Variables view shows it; byte arrays fetch their first bytes for the one-line value. */
    CompletableFuture<Variable> variable(String name, String evaluateName, Value value, String declaredType) {
        return describe(value).thenApply(d -> {
            Variable v = new Variable();
            v.setName(name);
            v.setValue(d.text());
            v.setType(declaredType != null ? declaredType : d.type());
            v.setEvaluateName(evaluateName);
            v.setVariablesReference(d.reference());
            v.setNamedVariables(d.named());
            v.setIndexedVariables(d.indexed());
            return v;
        });
    }

    /** A value's one-line text, type, and how it expands. */
    record Description(String text, String type, int reference, Integer named, Integer indexed) {}

    CompletableFuture<Description> describe(Value value) {
        return switch (value) {
            case Value.Null n -> done(new Description("null", "Null", 0, null, null));
            case Value.Bool b -> done(new Description(Boolean.toString(b.value()), "bool", 0, null, null));
            case Value.Int i -> done(new Description(Long.toString(i.value()), "int", 0, null, null));
            case Value.Float f -> done(new Description(formatFloat(f.value()), "float", 0, null, null));
            case Value.Str s -> done(new Description(quote(s.prefix()) + (s.complete() ? "" : "… (" + s.size() + " bytes)"),
                    "string", 0, null, null));
            case Value.Obj o -> describeObject(o);
        };
    }

    private CompletableFuture<Description> describeObject(Value.Obj o) {
        String cls = map.className(o.classIndex());
        int size = (int) Math.min(o.size(), Integer.MAX_VALUE);
        switch (cls) {
            case BYTE_ARRAY_CLASS -> {
                int id = nodeId(new ObjectNode(o));
                return agent.object(o.reference(), 0, Math.min(size, BYTES_PREVIEW)).thenApply(bytes -> {
                    StringBuilder text = new StringBuilder("#[");
                    for (int i = 0; i < bytes.size(); i++) {
                        text.append(i == 0 ? "" : ", ").append(bytes.get(i) instanceof Value.Int b ? Long.toString(b.value()) : "?");
                    }
                    text.append(size > bytes.size() ? ", …]" : "]").append(" (").append(size).append(size == 1 ? " byte)" : " bytes)");
                    return new Description(text.toString(), "ByteArray", size == 0 ? 0 : id, null, size);
                });
            }
            case ARRAY_CLASS -> {
                return done(new Description("Array (" + size + (size == 1 ? " element)" : " elements)"), "Array",
                        size == 0 ? 0 : nodeId(new ObjectNode(o)), null, size));
            }
            case STRING_CLASS -> {
                return done(new Description("string (" + size + " bytes)", "string", 0, null, null));
            }
            default -> {
                return done(new Description(cls, cls, size == 0 ? 0 : nodeId(new ObjectNode(o)), size, null));
            }
        }
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    static String formatFloat(double d) {
        return Double.toString(d);
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    // ------------------------------------------------------------------ evaluate

    /**
     * Evaluates a name of a live local, a field of {@code this} or a global, followed by field
     * names: {@code a}, {@code a.b.c}. Without a frame only globals are known.
     */
    CompletableFuture<EvaluateResponse> evaluate(String expression, Integer frameId, String context) {
        String text = expression.trim();
        if (!text.matches("[A-Za-z_][A-Za-z0-9_-]*(\\s*\\.\\s*[A-Za-z_][A-Za-z0-9_-]*)*")) {
            return CompletableFuture.failedFuture(Errors.user("cannot evaluate '" + text
                    + "': only names of variables and their fields (a.b.c) can be evaluated yet"));
        }
        String[] path = text.split("\\s*\\.\\s*");
        FrameRef frame = frameId == null ? null : frame(frameId);
        return root(path[0], frame).thenCompose(value -> follow(value, path, 1, path[0])).thenCompose(value -> {
            if (value instanceof Value.Str s && !s.complete() && !"hover".equals(context) && s.size() <= FULL_STRING) {
                return agent.object(s.reference(), 0, s.size()).thenApply(bytes -> {
                    byte[] raw = new byte[bytes.size()];
                    for (int i = 0; i < raw.length; i++) {
                        raw[i] = bytes.get(i) instanceof Value.Int b ? (byte) b.value() : (byte) '?';
                    }
                    EvaluateResponse response = new EvaluateResponse();
                    response.setResult(quote(new String(raw, StandardCharsets.UTF_8)));
                    response.setType("string");
                    return response;
                });
            }
            return describe(value).thenApply(d -> {
                EvaluateResponse response = new EvaluateResponse();
                response.setResult(d.text());
                response.setType(d.type());
                response.setVariablesReference(d.reference());
                response.setNamedVariables(d.named());
                response.setIndexedVariables(d.indexed());
                return response;
            });
        });
    }

    private CompletableFuture<Value> root(String name, FrameRef frame) {
        MethodInfo method = frame == null ? null : map.method(frame.method());
        List<Local> live = method == null ? List.of() : method.liveAt((int) frame.offset());
        for (Local local : live) {
            if (local.name().equals(name)) {
                return agent.locals(frame.task(), frame.index(), local.slot(), 1).thenApply(values -> first(values, name));
            }
        }
        for (Local local : live) {
            if (local.name().equals("this")) {
                return agent.locals(frame.task(), frame.index(), local.slot(), 1).thenCompose(values -> {
                    Value self = first(values, "this");
                    if (self instanceof Value.Obj o && map.fields(o.classIndex()).contains(name)) {
                        return field(o, name, "this");
                    }
                    return global(name, frame);
                });
            }
        }
        return global(name, frame);
    }

    private CompletableFuture<Value> global(String name, FrameRef frame) {
        for (int i = 0; i < map.globalCount(); i++) {
            if (map.globalName(i).equals(name)) {
                return agent.globals(i, 1).thenApply(values -> first(values, name));
            }
        }
        String where = frame == null ? "" : " at line " + map.line(frame.method(), frame.offset()) + " of " + map.frameName(frame.method());
        return CompletableFuture.failedFuture(Errors.user("'" + name + "' is not a live local, a field of this, or a global" + where));
    }

    private CompletableFuture<Value> follow(Value value, String[] path, int at, String so) {
        if (at == path.length) {
            return CompletableFuture.completedFuture(value);
        }
        if (!(value instanceof Value.Obj o)) {
            return CompletableFuture.failedFuture(Errors.user(so + " is " + (value instanceof Value.Null ? "null" : "not an object")
                    + ": it has no field '" + path[at] + "'"));
        }
        return field(o, path[at], so).thenCompose(next -> follow(next, path, at + 1, so + "." + path[at]));
    }

    private CompletableFuture<Value> field(Value.Obj object, String name, String so) {
        int index = map.fields(object.classIndex()).indexOf(name);
        if (index < 0) {
            return CompletableFuture.failedFuture(Errors.user(so + " (a " + map.className(object.classIndex()) + ") has no field '" + name + "'"));
        }
        return agent.object(object.reference(), index, 1).thenApply(values -> first(values, so + "." + name));
    }

    private static Value first(List<Value> values, String what) {
        if (values.isEmpty()) {
            throw new CompletionException(Errors.user("the debug agent returned no value for " + what));
        }
        return values.get(0);
    }
}
