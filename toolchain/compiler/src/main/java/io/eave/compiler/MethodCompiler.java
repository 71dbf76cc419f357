package io.eave.compiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;

import io.eave.compiler.debug.DebugInfo;
import io.eave.compiler.image.Constant;
import io.eave.compiler.image.MethodAssembler;
import io.eave.compiler.image.MethodAssembler.Label;
import io.eave.compiler.image.MethodRecord;
import io.eave.compiler.image.Opcode;
import io.eave.compiler.image.Primitive;
import io.eave.compiler.model.ClassModel;
import io.eave.compiler.model.FieldModel;
import io.eave.compiler.model.GlobalModel;
import io.eave.compiler.model.MethodModel;
import io.eave.compiler.model.Nodes;
import io.eave.compiler.model.ParameterModel;
import io.eave.compiler.model.ProgramModel;
import io.eave.compiler.model.SourceUnit;
import io.eave.toit.ast.As;
import io.eave.toit.ast.Assert;
import io.eave.toit.ast.Assignment;
import io.eave.toit.ast.AstPackage;
import io.eave.toit.ast.Binary;
import io.eave.toit.ast.Block;
import io.eave.toit.ast.BoolLiteral;
import io.eave.toit.ast.Break;
import io.eave.toit.ast.ByteArrayLiteral;
import io.eave.toit.ast.Call;
import io.eave.toit.ast.CharLiteral;
import io.eave.toit.ast.Conditional;
import io.eave.toit.ast.Continue;
import io.eave.toit.ast.Expression;
import io.eave.toit.ast.FloatLiteral;
import io.eave.toit.ast.For;
import io.eave.toit.ast.Identifier;
import io.eave.toit.ast.If;
import io.eave.toit.ast.Index;
import io.eave.toit.ast.IntLiteral;
import io.eave.toit.ast.Interpolation;
import io.eave.toit.ast.Is;
import io.eave.toit.ast.ListLiteral;
import io.eave.toit.ast.LocalVariable;
import io.eave.toit.ast.MapLiteral;
import io.eave.toit.ast.MemberAccess;
import io.eave.toit.ast.NamedArgument;
import io.eave.toit.ast.NullLiteral;
import io.eave.toit.ast.Parameter;
import io.eave.toit.ast.Postfix;
import io.eave.toit.ast.Range;
import io.eave.toit.ast.Return;
import io.eave.toit.ast.Sequence;
import io.eave.toit.ast.SetLiteral;
import io.eave.toit.ast.StringLiteral;
import io.eave.toit.ast.StringTemplate;
import io.eave.toit.ast.Super;
import io.eave.toit.ast.This;
import io.eave.toit.ast.Try;
import io.eave.toit.ast.TypeRef;
import io.eave.toit.ast.Unary;
import io.eave.toit.ast.While;

/**
 * Generates the bytecode of one method, block or lambda body from the front end's tree
 * (docs/bytecode.md): a stack machine walk where every expression leaves exactly one value.
 * Blocks and lambdas get a child compiler of their own; the linker numbers what it references.
 */
final class MethodCompiler {
    record Result(MethodRecord record, DebugInfo.MethodInfo info) {}

    enum Kind { METHOD, BLOCK, LAMBDA }

    /** A named slot; {@code block} marks block parameters, called with CALL_BLOCK. */
    private static final class Local {
        final String name;
        final int slot;
        final int from;
        final String type;
        final boolean block;
        /** Captured by a lambda and assigned: the slot holds a one-element array shared by both. */
        boolean boxed;

        Local(String name, int slot, int from, String type, boolean block) {
            this.name = name;
            this.slot = slot;
            this.from = from;
            this.type = type;
            this.block = block;
        }
    }

    /** A local found by name: how many block frames out, and its slot. */
    private record Found(int level, Local local) {}

    private record Loop(Label breakLabel, Label continueLabel, int depth, int finallyDepth) {}

    private final Linker linker;
    private final ProgramModel program;
    private final MethodModel method;
    private final SourceUnit unit;
    private final ClassModel holder;
    private final MethodCompiler parent;
    private final Kind kind;
    private final MethodAssembler asm = new MethodAssembler();
    private final Deque<Map<String, Local>> scopes = new ArrayDeque<>();
    private final List<int[]> lines = new ArrayList<>();
    private final List<DebugInfo.Local> debugLocals = new ArrayList<>();
    private final Deque<Loop> loops = new ArrayDeque<>();
    /** NON_LOCAL_BRANCH targets in another frame's code: (label, offset of the target operand). */
    private final List<Object[]> pendingBranches = new ArrayList<>();
    /**
     * Code generators for the finally bodies around the code being generated, innermost last, to
     * run on return, break and continue: a `try`'s finally, or a monitor method's unlock.
     */
    private final List<Runnable> finallies = new ArrayList<>();
    /**
     * Names that lambdas of this method capture and that are assigned somewhere in it: their
     * locals are boxed so the lambda and the method see one variable. By name, over the whole
     * method, so a few variables may be boxed that need not be.
     */
    private java.util.Set<String> boxedNames;
    private int nextSlot;
    private int maxSlot;
    private int lastLine = -1;
    private boolean staticContext;

    MethodCompiler(Linker linker, MethodModel method) {
        this(linker, method, method.unit, method.holder, null, Kind.METHOD);
        this.staticContext = !method.isInstance();
        this.boxedNames = boxedNames(method.ast);
    }

    /** For a global's initialiser. */
    MethodCompiler(Linker linker, GlobalModel global) {
        this(linker, null, global.unit, global.holder, null, Kind.METHOD);
        this.staticContext = true;
        this.globalBeingInitialised = global;
        this.boxedNames = boxedNames(global.ast);
    }

    /** Names referenced inside a lambda of {@code root} and assigned anywhere in it. */
    private static java.util.Set<String> boxedNames(EObject root) {
        java.util.Set<String> captured = new java.util.HashSet<>();
        java.util.Set<String> assigned = new java.util.HashSet<>();
        if (root == null) {
            return java.util.Set.of();
        }
        var all = root.eAllContents();
        while (all.hasNext()) {
            EObject node = all.next();
            if (node instanceof Block b && b.isLambda()) {
                var inside = b.eAllContents();
                while (inside.hasNext()) {
                    if (inside.next() instanceof Identifier id) {
                        captured.add(Nodes.text(id, AstPackage.Literals.IDENTIFIER__DECLARATION));
                    }
                }
            } else if (node instanceof Assignment a && a.getTarget() instanceof Identifier id) {
                assigned.add(Nodes.text(id, AstPackage.Literals.IDENTIFIER__DECLARATION));
            } else if (node instanceof Postfix p && p.getOperand() instanceof Identifier id) {
                assigned.add(Nodes.text(id, AstPackage.Literals.IDENTIFIER__DECLARATION));
            } else if (node instanceof Unary u && "++".equals(u.getOperator()) && u.getOperand() instanceof Identifier id) {
                assigned.add(Nodes.text(id, AstPackage.Literals.IDENTIFIER__DECLARATION));
            }
        }
        captured.retainAll(assigned);
        return captured;
    }

    private GlobalModel globalBeingInitialised;

    private MethodCompiler(Linker linker, MethodModel method, SourceUnit unit, ClassModel holder, MethodCompiler parent,
                           Kind kind) {
        this.linker = linker;
        this.program = linker.program;
        this.method = method;
        this.unit = unit;
        this.holder = holder;
        this.parent = parent;
        this.kind = kind;
        this.boxedNames = parent != null ? parent.boxedNames : java.util.Set.of();
        scopes.push(new LinkedHashMap<>());
    }

    // ---- entry points ------------------------------------------------------------------------

    Result compileGlobalInitializer() {
        GlobalModel g = globalBeingInitialised;
        mark(g.ast);
        expr(g.ast.getInitializer());
        asm.emit(Opcode.RETURN);
        return finish(0, 0, g.qualifiedName() + " (initializer)", "global-initializer", g.ast);
    }

    Result compileBody() {
        if (method.field != null) {
            return compileFieldAccessor();
        }
        if (method.primitive != null) {
            return compilePrimitive();
        }
        int flags = method.isInstance() ? MethodRecord.INSTANCE : 0;
        if (method.isInstance()) {
            declare("this", null, false);
        }
        List<Local> parameters = new ArrayList<>();
        for (ParameterModel p : method.parameters) {
            parameters.add(declare(p.name(), p.type(), p.block()));
        }
        int arity = nextSlot;
        for (Local parameter : parameters) {
            if (!parameter.block && boxedNames.contains(parameter.name)) {
                asm.emit(Opcode.LOAD_LOCAL, parameter.slot);
                box(parameter);
                asm.emit(Opcode.POP);
            }
        }
        if (method.isAbstract) {
            mark(method.ast);
            asm.emit(Opcode.LOAD_CONST, linker.constant(new Constant.Str(
                    "ABSTRACT_METHOD_CALLED: " + method.qualifiedName() + " has no body")));
            asm.emit(Opcode.THROW);
        } else if (method.kind == MethodModel.Kind.CONSTRUCTOR) {
            constructorPrologue();
            statements(method.ast == null ? null : method.ast.getBody());
            asm.emit(Opcode.LOAD_LOCAL, 0);
            asm.emit(Opcode.RETURN);
        } else if (holder != null && holder.kind == ClassModel.Kind.MONITOR && method.isInstance()) {
            lockedBody();
        } else {
            statements(method.ast.getBody());
            asm.emit(Opcode.LOAD_NULL);
            asm.emit(Opcode.RETURN);
        }
        return finish(flags, arity, displayName(), kindName(), method.ast);
    }

    /**
     * A monitor method's body runs holding the monitor's lock (core library `Monitor_`): taken on
     * entry, given back on every way out — the end of the body and `return` through the finally
     * list, exceptions and non-local returns through a finally handler around the whole body.
     */
    private void lockedBody() {
        Runnable unlock = () -> callOnThis("leave-monitor_");
        Sequence body = method.ast.getBody();
        // Taking the lock belongs to the first statement's line: a step into the method stops
        // there, as it does in any other method.
        mark(body != null && !body.getStatements().isEmpty() ? body.getStatements().get(0) : method.ast);
        callOnThis("enter-monitor_");
        int start = asm.offset();
        finallies.add(unlock);
        statements(body);
        finallies.remove(finallies.size() - 1);
        int stop = asm.offset();
        if (asm.reachable()) {
            unlock.run();
            asm.emit(Opcode.LOAD_NULL);
            asm.emit(Opcode.RETURN);
        }
        finallyHandler(start, stop, 0, unwind -> unlock.run());
    }

    /**
     * The handler that runs a finally body when an exception or a non-local return leaves the
     * code in [start, stop): it keeps the unwind value in a local, runs {@code body} (given that
     * local) and goes on unwinding. Nothing is emitted for an empty range.
     */
    private void finallyHandler(int start, int stop, int depth, java.util.function.Consumer<Local> body) {
        if (stop <= start) {
            return;
        }
        Label handler = new Label();
        asm.handler(MethodRecord.Handler.FINALLY, start, stop, handler, depth);
        asm.place(handler);
        pushScope();
        Local unwind = declare("<unwind>", null, false);
        asm.emit(Opcode.STORE_LOCAL, unwind.slot);
        asm.emit(Opcode.POP);
        body.accept(unwind);
        asm.emit(Opcode.LOAD_LOCAL, unwind.slot);
        asm.emit(Opcode.RETHROW);
        popScope();
    }

    private void callOnThis(String selector) {
        asm.emit(Opcode.LOAD_LOCAL, 0);
        asm.emitCall(Opcode.CALL_VIRTUAL, linker.selector(selector, Shape.of(0)), 1, 1);
        asm.emit(Opcode.POP);
    }

    /** Constructors are named `constructor` or `constructor.name` in the debug info. */
    private String displayName() {
        if (method.kind == MethodModel.Kind.CONSTRUCTOR || method.kind == MethodModel.Kind.FACTORY) {
            return method.name.isEmpty() ? "constructor" : "constructor." + method.name;
        }
        return method.name;
    }

    /**
     * The positional parameters that {@code count} positional arguments bind, in order. Block
     * arguments come last and bind the trailing block parameters, so optional parameters before
     * a block ({@code chunk-up from to available max=available [block]}) take their defaults.
     */
    private static List<ParameterModel> boundPositional(List<ParameterModel> positional, int count) {
        int blocks = 0;
        while (blocks < positional.size() && positional.get(positional.size() - 1 - blocks).block()) {
            blocks++;
        }
        if (count >= positional.size() || count < blocks) {
            return positional.subList(0, count);
        }
        List<ParameterModel> bound = new ArrayList<>(positional.subList(0, count - blocks));
        bound.addAll(positional.subList(positional.size() - blocks, positional.size()));
        return bound;
    }

    /** A stub for a call shape: adds the defaults and calls the full body. */
    Result compileStub(Shape shape, int full) {
        int flags = method.isInstance() ? MethodRecord.INSTANCE : 0;
        if (method.isInstance()) {
            declare("this", null, false);
        }
        Map<String, Integer> provided = new HashMap<>();
        for (ParameterModel p : boundPositional(method.positional(), shape.positional())) {
            provided.put(p.name(), declare(p.name(), p.type(), p.block()).slot);
        }
        for (String named : shape.named()) {
            ParameterModel p = parameter(named);
            provided.put(named, declare(named, p.type(), p.block()).slot);
        }
        int arity = nextSlot;
        if (method.isInstance()) {
            asm.emit(Opcode.LOAD_LOCAL, 0);
        }
        for (ParameterModel p : method.parameters) {
            Integer slot = provided.get(p.name());
            if (slot != null) {
                asm.emit(Opcode.LOAD_LOCAL, slot);
            } else if (p.defaultValue() != null) {
                expr(p.defaultValue());
            } else if (p.named() && "bool".equals(p.type())) {
                asm.emit(Opcode.LOAD_FALSE);
            } else {
                asm.emit(Opcode.LOAD_NULL);
            }
        }
        asm.emitCall(Opcode.CALL_STATIC, full, 0, linker.record(full) == null
                ? (method.isInstance() ? 1 : 0) + method.parameters.size() : linker.record(full).arity());
        asm.emit(Opcode.RETURN);
        return finish(flags, arity, displayName(), "stub", method.ast);
    }

    private ParameterModel parameter(String name) {
        for (ParameterModel p : method.parameters) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalStateException("no parameter " + name);
    }

    private Result compileFieldAccessor() {
        int slot = method.holder.fieldSlot(method.field.name);
        declare("this", null, false);
        if (method.kind == MethodModel.Kind.FIELD_GETTER) {
            asm.emit(Opcode.LOAD_THIS_FIELD, slot);
        } else {
            declare("value", null, false);
            asm.emit(Opcode.LOAD_LOCAL, 1);
            asm.emit(Opcode.STORE_THIS_FIELD, slot);
        }
        asm.emit(Opcode.RETURN);
        return finish(MethodRecord.INSTANCE, nextSlot, method.name, method.kind == MethodModel.Kind.FIELD_GETTER
                ? "getter" : "setter", method.field.ast);
    }

    /** A method whose body is `#primitive.core.name`: its arguments go to the primitive. */
    private Result compilePrimitive() {
        int flags = method.isInstance() ? MethodRecord.INSTANCE : 0;
        if (method.isInstance()) {
            declare("this", null, false);
        }
        for (ParameterModel p : method.parameters) {
            declare(p.name(), p.type(), p.block());
        }
        int arity = nextSlot;
        String name = method.primitive.substring(method.primitive.indexOf('.') + 1);
        switch (name) {
            case "identical" -> {
                asm.emit(Opcode.LOAD_LOCAL, 0);
                asm.emit(Opcode.LOAD_LOCAL, 1);
                asm.emit(Opcode.IDENTICAL);
                asm.emit(Opcode.RETURN);
            }
            case "throw" -> {
                asm.emit(Opcode.LOAD_LOCAL, 0);
                asm.emit(Opcode.THROW);
            }
            case "call" -> {
                // Block and lambda calls; a call without arguments passes null as `it`.
                for (int i = 0; i < arity; i++) {
                    asm.emit(Opcode.LOAD_LOCAL, i);
                }
                int count = arity;
                if (arity == 1) {
                    asm.emit(Opcode.LOAD_NULL);
                    count = 2;
                }
                asm.emitCall(Opcode.CALL_BLOCK, count, 0, count);
                asm.emit(Opcode.RETURN);
            }
            case "catch" -> compileCatch();
            default -> {
                Primitive primitive = primitive(name);
                if (primitive == null || primitive.arity != arity) {
                    error(method.ast, "unknown-primitive", primitive == null
                            ? "unknown primitive '" + method.primitive + "'"
                            : "primitive '" + name + "' takes " + primitive.arity + " arguments, not " + arity);
                    asm.emit(Opcode.LOAD_NULL);
                    asm.emit(Opcode.RETURN);
                } else {
                    for (int i = 0; i < arity; i++) {
                        asm.emit(Opcode.LOAD_LOCAL, i);
                    }
                    asm.emitCall(Opcode.CALL_PRIMITIVE, primitive.number, arity, arity);
                    asm.emit(Opcode.RETURN);
                }
            }
        }
        return finish(flags, arity, method.name, "primitive", method.ast);
    }

    /**
     * Calls a static method or function whose arguments are pushed. One whose body is only
     * `#primitive.core.name` of a VM primitive, called with exactly its parameters, becomes that
     * CALL_PRIMITIVE in place: no frame for the wrapper (the core library's array-at_, array-size_
     * ... sit in every collection's inner loop). A throwing primitive's trace then names the caller.
     */
    private void callStatic(MethodModel m, Shape shape) {
        if (m.primitive != null && !m.isInstance() && m.takesExactly(shape)) {
            Primitive primitive = primitive(m.primitive.substring(m.primitive.indexOf('.') + 1));
            if (primitive != null && primitive.arity == shape.arguments() && m.parameters.size() == primitive.arity
                    && m.parameters.stream().noneMatch(ParameterModel::block)) {
                asm.emitCall(Opcode.CALL_PRIMITIVE, primitive.number, primitive.arity, primitive.arity);
                return;
            }
        }
        asm.emitCall(Opcode.CALL_STATIC, linker.method(m, shape), 0, shape.arguments());
    }

    /** catch --trace --unwind [block]: null, or what the block threw (slots: trace, unwind, block). */
    private void compileCatch() {
        int start = asm.offset();
        asm.emit(Opcode.LOAD_LOCAL, 2);
        asm.emit(Opcode.LOAD_NULL);
        asm.emitCall(Opcode.CALL_BLOCK, 2, 0, 2);
        asm.emit(Opcode.POP);
        asm.emit(Opcode.LOAD_NULL);
        asm.emit(Opcode.RETURN);
        Label handler = new Label();
        asm.handler(MethodRecord.Handler.CATCH, start, asm.offset(), handler, 0);
        asm.place(handler);
        Label noTrace = new Label();
        asm.emit(Opcode.LOAD_LOCAL, 0);
        asm.jump(Opcode.JUMP_IF_FALSE, noTrace);
        asm.emit(Opcode.DUP);
        asm.emitCall(Opcode.CALL_VIRTUAL, linker.selector("stringify", Shape.of(0)), 1, 1);
        asm.emitCall(Opcode.CALL_PRIMITIVE, Primitive.PRINT.number, 1, 1);
        asm.emit(Opcode.POP);
        asm.place(noTrace);
        Label keep = new Label();
        asm.emit(Opcode.LOAD_LOCAL, 1);
        asm.jump(Opcode.JUMP_IF_FALSE, keep);
        asm.emit(Opcode.THROW);
        asm.place(keep);
        asm.emit(Opcode.RETURN);
    }

    static Primitive primitive(String kebab) {
        try {
            return Primitive.valueOf(kebab.replace('-', '_').toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void constructorPrologue() {
        for (FieldModel f : holder.fields) {
            if (!f.isStatic && f.ast.getInitializer() != null) {
                mark(f.ast);
                expr(f.ast.getInitializer());
                asm.emit(Opcode.STORE_THIS_FIELD, holder.fieldSlot(f.name));
                asm.emit(Opcode.POP);
            }
        }
        for (ParameterModel p : method.parameters) {
            if (p.fieldParameter()) {
                int slot = holder.fieldSlot(p.name());
                if (slot < 0) {
                    error(p.ast(), "unknown-field", "'" + p.name() + "' is not a field of " + holder.name);
                    continue;
                }
                asm.emit(Opcode.LOAD_LOCAL, lookup(p.name()).local.slot);
                asm.emit(Opcode.STORE_THIS_FIELD, slot);
                asm.emit(Opcode.POP);
            }
        }
        ClassModel superclass = holder.superclass;
        if (superclass != null && !superclass.name.equals("Object") && !callsSuper(method.ast == null ? null : method.ast.getBody())) {
            MethodModel constructor = superclass.staticMember("", Shape.of(0), true);
            if (constructor == null || constructor.kind != MethodModel.Kind.CONSTRUCTOR) {
                error(method.ast != null ? method.ast : holder.ast, "super-constructor",
                        "the superclass " + superclass.name + " has no constructor without arguments: call 'super ...' explicitly");
            } else {
                asm.emit(Opcode.LOAD_LOCAL, 0);
                asm.emitCall(Opcode.CALL_STATIC, linker.method(constructor, Shape.of(0)), 0, 1);
                asm.emit(Opcode.POP);
            }
        }
    }

    private static boolean callsSuper(Sequence body) {
        if (body == null) {
            return false;
        }
        for (Expression s : body.getStatements()) {
            if (s instanceof Call c && c.getTarget() instanceof Super || s instanceof Super
                    || s instanceof Call c2 && c2.getTarget() instanceof MemberAccess m && m.getReceiver() instanceof Super) {
                return true;
            }
        }
        return false;
    }

    private String kindName() {
        return switch (method.kind) {
            case FUNCTION -> method.name.equals("main") && method.holder == null ? "main" : "method";
            case METHOD -> method.ast != null && method.ast.isOperator() ? "operator"
                    : method.ast != null && method.ast.isSetter() ? "setter" : "method";
            case STATIC -> "static";
            case CONSTRUCTOR, FACTORY -> "constructor";
            case FIELD_GETTER -> "getter";
            case FIELD_SETTER -> "setter";
        };
    }

    // ---- slots and scopes -------------------------------------------------------------------

    private Local declare(String name, String type, boolean block) {
        Local local = new Local(name, nextSlot++, asm.offset(), type, block);
        maxSlot = Math.max(maxSlot, nextSlot);
        scopes.peek().put(name, local);
        return local;
    }

    private void pushScope() {
        scopes.push(new LinkedHashMap<>());
    }

    private void popScope() {
        Map<String, Local> scope = scopes.pop();
        for (Local local : scope.values()) {
            record(local);
            nextSlot = Math.min(nextSlot, local.slot);
        }
    }

    private void record(Local local) {
        if (local.name.startsWith("<")) {
            return;
        }
        debugLocals.add(new DebugInfo.Local(local.name, local.slot, local.from, Math.max(asm.offset(), local.from + 1),
                local.type));
    }

    /** A local of this frame or, through blocks, of the frames around it. */
    private Found lookup(String name) {
        for (Map<String, Local> scope : scopes) {
            Local local = scope.get(name);
            if (local != null) {
                return new Found(0, local);
            }
        }
        if (kind == Kind.BLOCK && parent != null) {
            Found outer = parent.lookup(name);
            return outer == null ? null : new Found(outer.level + 1, outer.local);
        }
        return null;
    }

    private void load(Found found) {
        loadSlot(found);
        if (found.local.boxed) {
            asm.emit(Opcode.LOAD_SMI, 0);
            asm.emitCall(Opcode.CALL_PRIMITIVE, Primitive.ARRAY_AT.number, 2, 2);
        }
    }

    /** The slot itself: for a boxed variable, the box. */
    private void loadSlot(Found found) {
        if (found.level == 0) {
            asm.emit(Opcode.LOAD_LOCAL, found.local.slot);
        } else {
            asm.emit(Opcode.LOAD_OUTER, found.level, found.local.slot);
        }
    }

    /** Stores the value on top of the stack into the variable; the value stays. */
    private void store(Found found) {
        if (found.local.boxed) {
            pushScope();
            Local value = declare("<store>", null, false);
            asm.emit(Opcode.STORE_LOCAL, value.slot);
            asm.emit(Opcode.POP);
            loadSlot(found);
            asm.emit(Opcode.LOAD_SMI, 0);
            asm.emit(Opcode.LOAD_LOCAL, value.slot);
            asm.emitCall(Opcode.CALL_PRIMITIVE, Primitive.ARRAY_AT_PUT.number, 3, 3);
            popScope();
        } else if (found.level == 0) {
            asm.emit(Opcode.STORE_LOCAL, found.local.slot);
        } else {
            asm.emit(Opcode.STORE_OUTER, found.level, found.local.slot);
        }
    }

    /** Makes {@code local} boxed if its name needs it: its slot gets a box holding the value on top. */
    private void box(Local local) {
        if (!boxedNames.contains(local.name)) {
            asm.emit(Opcode.STORE_LOCAL, local.slot);
            return;
        }
        asm.emit(Opcode.STORE_LOCAL, local.slot);   // the plain value, for a moment
        asm.emit(Opcode.POP);
        asm.emit(Opcode.LOAD_SMI, 1);
        asm.emit(Opcode.LOAD_NULL);
        asm.emitCall(Opcode.CALL_PRIMITIVE, Primitive.ARRAY_NEW.number, 2, 2);
        asm.emit(Opcode.DUP);
        asm.emit(Opcode.LOAD_SMI, 0);
        asm.emit(Opcode.LOAD_LOCAL, local.slot);
        asm.emitCall(Opcode.CALL_PRIMITIVE, Primitive.ARRAY_AT_PUT.number, 3, 3);
        asm.emit(Opcode.POP);
        asm.emit(Opcode.STORE_LOCAL, local.slot);
        asm.emit(Opcode.POP);
        local.boxed = true;
        asm.emit(Opcode.LOAD_LOCAL, local.slot);
        asm.emit(Opcode.LOAD_SMI, 0);
        asm.emitCall(Opcode.CALL_PRIMITIVE, Primitive.ARRAY_AT.number, 2, 2);
    }

    private boolean hasThis() {
        return lookup("this") != null;
    }

    private void loadThis(EObject site) {
        Found self = lookup("this");
        if (self == null) {
            error(site, "no-this", "'this' is not available here (a static method or global)");
            asm.emit(Opcode.LOAD_NULL);
        } else {
            load(self);
        }
    }

    // ---- statements -------------------------------------------------------------------------

    private void statements(Sequence body) {
        if (body == null) {
            return;
        }
        pushScope();
        for (Expression s : body.getStatements()) {
            statement(s);
        }
        popScope();
    }

    private void statement(Expression s) {
        if (s == null) {
            return;
        }
        mark(s);
        if (s instanceof LocalVariable v) {
            defineLocal(v);
            asm.emit(Opcode.POP);
        } else {
            effect(s);
        }
    }

    /**
     * An expression whose value is not used: `x++` as `++x` (no copy of the old value to drop),
     * `if` without a value (no null pushed for a missing branch); anything else is evaluated and
     * popped. Leaves the stack as it was.
     */
    private void effect(Expression e) {
        if (e instanceof Postfix p) {
            update(p, p.getOperand(), "++".equals(p.getOperator()) ? Opcode.ADD : Opcode.SUB, false);
            asm.emit(Opcode.POP);
        } else if (e instanceof If i) {
            ifStatement(i);
        } else {
            expr(e);
            asm.emit(Opcode.POP);
        }
    }

    private void ifStatement(If i) {
        Label otherwise = new Label();
        Label end = new Label();
        pushScope();
        condition(i.getCondition());
        asm.jump(Opcode.JUMP_IF_FALSE, otherwise);
        statements(i.getThen());
        if (i.getElse() != null) {
            asm.jump(Opcode.JUMP, end);
        }
        asm.place(otherwise);
        if (i.getElse() instanceof If elseIf) {
            ifStatement(elseIf);
        } else if (i.getElse() instanceof Sequence s) {
            statements(s);
        }
        asm.place(end);
        popScope();
    }

    /** The statements of a body, leaving the value of the last one (null when there is none). */
    private void sequenceValue(Sequence body) {
        if (body == null || body.getStatements().isEmpty()) {
            asm.emit(Opcode.LOAD_NULL);
            return;
        }
        pushScope();
        List<Expression> all = body.getStatements();
        for (int i = 0; i < all.size() - 1; i++) {
            statement(all.get(i));
        }
        Expression last = all.get(all.size() - 1);
        mark(last);
        if (last instanceof LocalVariable v) {
            defineLocal(v);
        } else if (last instanceof While || last instanceof For) {
            expr(last);
        } else {
            expr(last);
        }
        popScope();
    }

    private void defineLocal(LocalVariable v) {
        String type = v.getType() == null ? null : Nodes.text(v.getType(), AstPackage.Literals.TYPE_REF__TYPE);
        if (v.isDeferred() || v.getValue() == null) {
            asm.emit(Opcode.LOAD_NULL);
        } else {
            expr(v.getValue());
        }
        Local local = declare(v.getName(), type, false);
        box(local);
    }

    private void mark(EObject node) {
        int line = Nodes.line(node);
        if (line > 0 && line != lastLine && asm.reachable()) {
            if (!lines.isEmpty() && lines.get(lines.size() - 1)[0] == asm.offset()) {
                lines.get(lines.size() - 1)[1] = line;
            } else {
                lines.add(new int[] {asm.offset(), line});
            }
            lastLine = line;
        }
    }

    // ---- expressions ------------------------------------------------------------------------

    private void expr(Expression e) {
        switch (e) {
            case null -> asm.emit(Opcode.LOAD_NULL);
            case IntLiteral i -> integer(i.getValue());
            case FloatLiteral f -> asm.emit(Opcode.LOAD_CONST, linker.constant(new Constant.Float(f.getValue())));
            case CharLiteral c -> integer(c.getValue());
            case BoolLiteral b -> asm.emit(b.isValue() ? Opcode.LOAD_TRUE : Opcode.LOAD_FALSE);
            case NullLiteral n -> asm.emit(Opcode.LOAD_NULL);
            case StringLiteral s -> string(s.getValue());
            case StringTemplate t -> template(t);
            case ListLiteral l -> collection("List", l.getElements(), "add");
            case SetLiteral s -> collection("Set", s.getElements(), "add");
            case MapLiteral m -> map(m);
            case ByteArrayLiteral b -> byteArray(b);
            case This t -> loadThis(t);
            case Identifier id -> identifier(id, List.of());
            case Call c -> call(c);
            case MemberAccess m -> member(m, List.of());
            case Index i -> index(i);
            case Binary b -> binary(b);
            case Unary u -> unary(u);
            case Assignment a -> assignment(a);
            case Postfix p -> postfix(p);
            case LocalVariable v -> defineLocal(v);
            case If i -> ifExpr(i);
            case While w -> whileLoop(w);
            case For f -> forLoop(f);
            case Try t -> tryFinally(t);
            case Assert a -> assertion(a);
            case Return r -> returnStatement(r);
            case Break b -> breakStatement(b);
            case Continue c -> continueStatement(c);
            case Conditional c -> conditional(c);
            case Is i -> isCheck(i);
            case As a -> asCheck(a);
            case Block b -> {
                if (b.isLambda()) {
                    lambda(b);
                } else {
                    block(b);
                }
            }
            case Super s -> loadThis(s);
            default -> {
                error(e, "unsupported", "the compiler does not support " + e.eClass().getName() + " here yet");
                asm.emit(Opcode.LOAD_NULL);
            }
        }
    }

    private void integer(long value) {
        if (value >= -128 && value <= 127) {
            asm.emit(Opcode.LOAD_SMI, (int) value);
        } else {
            asm.emit(Opcode.LOAD_CONST, linker.constant(new Constant.Int(value)));
        }
    }

    private void string(String value) {
        asm.emit(Opcode.LOAD_CONST, linker.constant(new Constant.Str(value)));
    }

    /** "a $b c": the text pieces joined with the stringified (or formatted) parts. */
    private void template(StringTemplate t) {
        List<String> texts = io.eave.toit.parser.ToitStrings.templateTexts(t.getTexts());
        List<Interpolation> parts = t.getParts();
        int plus = linker.selector("+", Shape.of(1));
        string(texts.get(0));
        for (int i = 0; i < parts.size(); i++) {
            Interpolation part = parts.get(i);
            if (part.getFormat() != null) {
                MethodModel format = program.function("string-format_", Shape.of(2));
                string(part.getFormat());
                expr(part.getExpression());
                asm.emitCall(Opcode.CALL_STATIC, linker.method(format, Shape.of(2)), 0, 2);
            } else {
                expr(part.getExpression());
                asm.emitCall(Opcode.CALL_VIRTUAL, linker.selector("stringify", Shape.of(0)), 1, 1);
            }
            asm.emit(Opcode.ADD, plus);
            if (i + 1 < texts.size() && !texts.get(i + 1).isEmpty()) {
                string(texts.get(i + 1));
                asm.emit(Opcode.ADD, plus);
            }
        }
    }

    private void collection(String className, List<Expression> elements, String adder) {
        construct(className, null);
        int add = linker.selector(adder, Shape.of(1));
        for (Expression element : elements) {
            asm.emit(Opcode.DUP);
            expr(element);
            asm.emitCall(Opcode.CALL_VIRTUAL, add, 2, 2);
            asm.emit(Opcode.POP);
        }
    }

    private void map(MapLiteral m) {
        construct("Map", m);
        int put = linker.selector("[]=", Shape.of(2));
        for (int i = 0; i < m.getKeys().size(); i++) {
            asm.emit(Opcode.DUP);
            expr(m.getKeys().get(i));
            expr(m.getValues().get(i));
            asm.emitCall(Opcode.CALL_VIRTUAL, put, 3, 3);
            asm.emit(Opcode.POP);
        }
    }

    private void byteArray(ByteArrayLiteral b) {
        integer(b.getElements().size());
        constructWithArguments("ByteArray", b, Shape.of(1));
        int put = linker.selector("[]=", Shape.of(2));
        for (int i = 0; i < b.getElements().size(); i++) {
            asm.emit(Opcode.DUP);
            integer(i);
            expr(b.getElements().get(i));
            asm.emitCall(Opcode.CALL_VIRTUAL, put, 3, 3);
            asm.emit(Opcode.POP);
        }
    }

    /** A new instance of a core class by its constructor without arguments. */
    private void construct(String className, EObject site) {
        constructWithArguments(className, site, Shape.of(0));
    }

    /** Calls the unnamed constructor of a core class; the arguments are already on the stack. */
    private void constructWithArguments(String className, EObject site, Shape shape) {
        ClassModel c = program.clazz(className);
        MethodModel constructor = c == null ? null : c.staticMember("", shape, true);
        if (constructor == null) {
            error(site, "core-library", "the core library has no constructor " + className + " for this literal");
            asm.emit(Opcode.LOAD_NULL);
            return;
        }
        callConstructor(c, constructor, shape, true);
    }

    /**
     * Calls a constructor whose arguments are on the stack. For a real constructor the new
     * instance goes below them: we allocate first and rotate by storing the arguments in temps.
     */
    private void callConstructor(ClassModel c, MethodModel constructor, Shape shape, boolean argumentsPushed) {
        int target = linker.method(constructor, shape);
        int count = shape.arguments();
        if (constructor.kind == MethodModel.Kind.FACTORY) {
            asm.emitCall(Opcode.CALL_STATIC, target, 0, count);
            return;
        }
        linker.instantiate(c);
        if (count == 0) {
            asm.emit(Opcode.ALLOCATE, linker.classIndex(c));
            asm.emitCall(Opcode.CALL_STATIC, target, 0, 1);
            return;
        }
        // Arguments are on the stack already: park them, allocate, reload.
        pushScope();
        List<Local> temps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            temps.add(declare("<arg" + i + ">", null, false));
        }
        for (int i = count - 1; i >= 0; i--) {   // the last argument is on top
            asm.emit(Opcode.STORE_LOCAL, temps.get(i).slot);
            asm.emit(Opcode.POP);
        }
        asm.emit(Opcode.ALLOCATE, linker.classIndex(c));
        for (Local temp : temps) {
            asm.emit(Opcode.LOAD_LOCAL, temp.slot);
        }
        asm.emitCall(Opcode.CALL_STATIC, target, 0, count + 1);
        popScope();
    }

    // ---- calls ------------------------------------------------------------------------------

    /** The arguments of a call: positional in order, then named sorted by name. */
    private record Arguments(List<Expression> positional, Map<String, NamedArgument> named, Shape shape) {}

    private static Arguments arguments(List<Expression> all) {
        List<Expression> positional = new ArrayList<>();
        Map<String, NamedArgument> named = new java.util.TreeMap<>();
        for (Expression a : all) {
            if (a instanceof NamedArgument n) {
                named.put(n.getName(), n);
            } else {
                positional.add(a);
            }
        }
        return new Arguments(positional, named, new Shape(positional.size(), new ArrayList<>(named.keySet())));
    }

    private void pushArguments(Arguments args) {
        for (Expression a : args.positional) {
            expr(a);
        }
        for (NamedArgument n : args.named.values()) {
            if (n.isNegated()) {
                asm.emit(Opcode.LOAD_FALSE);
            } else if (n.getValue() == null) {
                asm.emit(Opcode.LOAD_TRUE);
            } else {
                expr(n.getValue());
            }
        }
    }

    private void call(Call c) {
        Expression target = c.getTarget();
        List<Expression> args = c.getArguments();
        switch (target) {
            case Identifier id -> identifier(id, args);
            case MemberAccess m -> member(m, args);
            case Super s -> superCall(s, null, args);
            default -> {
                error(c, "not-callable", "only names and members can be called; use '.call' to call a block or lambda");
                asm.emit(Opcode.LOAD_NULL);
            }
        }
    }

    private void identifier(Identifier id, List<Expression> args) {
        callName(id, Nodes.text(id, AstPackage.Literals.IDENTIFIER__DECLARATION), args);
    }

    /** Whether {@code name} is the prefix of an import of this file (`import math`, `import x as y`). */
    private boolean isImportPrefix(String name) {
        if (unit == null || lookup(name) != null) {
            return false;
        }
        for (io.eave.toit.ast.Import i : unit.ast().getImports()) {
            String prefix = i.getPrefix() != null ? i.getPrefix() : i.getPath().isEmpty() ? null : i.getPath().get(i.getPath().size() - 1);
            if (name.equals(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** A name used as a value or called: a local, a member of this class, a function, a global or a class. */
    private void callName(EObject id, String name, List<Expression> args) {
        Arguments a = arguments(args);
        Found local = lookup(name);
        if (local != null) {
            if (!args.isEmpty()) {
                error(id, "call-variable", "'" + name + "' is a variable: call a block or lambda with '" + name + ".call'");
            }
            load(local);
            return;
        }
        if (holder != null) {
            ClassModel cls = holder;
            MethodModel m = cls.declared(name, a.shape);
            if (m != null && m.isInstance() && hasThis()) {
                if (m.kind == MethodModel.Kind.FIELD_GETTER && kind == Kind.METHOD && args.isEmpty()) {
                    asm.emit(Opcode.LOAD_THIS_FIELD, cls.fieldSlot(name));
                    return;
                }
                loadThis(id);
                pushArguments(a);
                asm.emitCall(Opcode.CALL_VIRTUAL, linker.selector(name, a.shape), 1 + a.shape.arguments(),
                        1 + a.shape.arguments());
                return;
            }
            for (ClassModel c = cls; c != null; c = c.superclass) {
                MethodModel s = c.staticMember(name, a.shape, false);
                if (s != null) {
                    pushArguments(a);
                    callStatic(s, a.shape);
                    return;
                }
                FieldModel f = c.field(name);
                if (f != null && f.isStatic && args.isEmpty()) {
                    asm.emit(Opcode.LOAD_GLOBAL, linker.global(f.global));
                    return;
                }
            }
        }
        MethodModel function = program.function(name, a.shape);
        if (function != null) {
            pushArguments(a);
            callStatic(function, a.shape);
            return;
        }
        GlobalModel global = program.globals.get(name);
        if (global != null && args.isEmpty()) {
            asm.emit(Opcode.LOAD_GLOBAL, linker.global(global));
            return;
        }
        ClassModel cls = program.clazz(name);
        if (cls != null) {
            MethodModel constructor = cls.staticMember("", a.shape, true);
            if (constructor == null) {
                error(id, "no-constructor", "the class " + name + " has no constructor for these arguments");
                asm.emit(Opcode.LOAD_NULL);
                return;
            }
            pushArguments(a);
            callConstructor(cls, constructor, a.shape, true);
            return;
        }
        if (program.functions.containsKey(name) || holder != null && holder.hasMember(name)) {
            error(id, "argument-mismatch", "no '" + name + "' takes " + describe(a.shape));
        } else {
            error(id, "unresolved", "unresolved name '" + name + "'");
        }
        asm.emit(Opcode.LOAD_NULL);
    }

    private static String describe(Shape shape) {
        String s = shape.positional() + " positional argument" + (shape.positional() == 1 ? "" : "s");
        if (!shape.named().isEmpty()) {
            s += " and --" + String.join(" --", shape.named());
        }
        return s;
    }

    private void member(MemberAccess m, List<Expression> args) {
        String name = Nodes.text(m, AstPackage.Literals.MEMBER_ACCESS__MEMBER);
        Arguments a = arguments(args);
        Expression receiver = m.getReceiver();
        if (receiver instanceof Super s) {
            superCall(s, name, args);
            return;
        }
        if (receiver instanceof Identifier id) {
            String receiverName = Nodes.text(id, AstPackage.Literals.IDENTIFIER__DECLARATION);
            Found local = lookup(receiverName);
            if (local != null && local.local.block && name.equals("call")) {
                load(local);
                pushArguments(a);
                int count = 1 + a.shape.arguments();
                if (count == 1) {
                    asm.emit(Opcode.LOAD_NULL);
                    count = 2;
                }
                asm.emitCall(Opcode.CALL_BLOCK, count, 0, count);
                return;
            }
            ClassModel cls = local == null && !isMemberName(receiverName) ? program.clazz(receiverName) : null;
            if (cls != null) {
                staticAccess(m, cls, name, a);
                return;
            }
            if (local == null && isImportPrefix(receiverName)) {
                // math.PI, gpio.Pin 2: the library's declarations share the program's namespace.
                callName(m, name, args);
                return;
            }
        }
        expr(receiver);
        pushArguments(a);
        asm.emitCall(Opcode.CALL_VIRTUAL, linker.selector(name, a.shape), 1 + a.shape.arguments(), 1 + a.shape.arguments());
    }

    private boolean isMemberName(String name) {
        return holder != null && holder.hasMember(name) || program.globals.containsKey(name);
    }

    /** Class.member: a named constructor, a static method or a static field. */
    private void staticAccess(EObject site, ClassModel cls, String name, Arguments a) {
        MethodModel constructor = cls.staticMember(name, a.shape, true);
        if (constructor != null) {
            pushArguments(a);
            callConstructor(cls, constructor, a.shape, true);
            return;
        }
        MethodModel s = cls.staticMember(name, a.shape, false);
        if (s != null) {
            pushArguments(a);
            asm.emitCall(Opcode.CALL_STATIC, linker.method(s, a.shape), 0, a.shape.arguments());
            return;
        }
        FieldModel f = cls.field(name);
        if (f != null && f.isStatic && a.shape.arguments() == 0) {
            asm.emit(Opcode.LOAD_GLOBAL, linker.global(f.global));
            return;
        }
        error(site, "unresolved-member", "the class " + cls.name + " has no static member or constructor '" + name
                + "' taking " + describe(a.shape));
        asm.emit(Opcode.LOAD_NULL);
    }

    /** `super args` in a constructor, or `super.name args` in a method. */
    private void superCall(EObject site, String name, List<Expression> args) {
        Arguments a = arguments(args);
        ClassModel superclass = holder == null ? null : holder.superclass;
        if (superclass == null) {
            error(site, "no-super", "'super' needs a superclass");
            asm.emit(Opcode.LOAD_NULL);
            return;
        }
        if (name == null && method != null && method.kind == MethodModel.Kind.CONSTRUCTOR) {
            MethodModel constructor = superclass.staticMember("", a.shape, true);
            if (constructor == null) {
                error(site, "super-constructor", superclass.name + " has no constructor taking " + describe(a.shape));
                asm.emit(Opcode.LOAD_NULL);
                return;
            }
            loadThis(site);
            pushArguments(a);
            asm.emitCall(Opcode.CALL_STATIC, linker.method(constructor, a.shape), 0, 1 + a.shape.arguments());
            return;
        }
        String methodName = name == null ? (method == null ? "" : method.name) : name;
        MethodModel m = superclass.lookup(methodName, a.shape);
        if (m == null) {
            error(site, "unresolved-super", superclass.name + " has no method '" + methodName + "' taking " + describe(a.shape));
            asm.emit(Opcode.LOAD_NULL);
            return;
        }
        loadThis(site);
        pushArguments(a);
        asm.emitCall(Opcode.CALL_STATIC, linker.method(m, a.shape), 0, 1 + a.shape.arguments());
    }

    private void index(Index i) {
        expr(i.getReceiver());
        List<Expression> args = i.getArguments();
        if (args.size() == 1 && args.get(0) instanceof Range r) {
            List<String> named = new ArrayList<>();
            if (r.getFrom() != null) {
                named.add("from");
                expr(r.getFrom());
            }
            if (r.getTo() != null) {
                named.add("to");
                expr(r.getTo());
            }
            Shape shape = new Shape(0, named);
            asm.emitCall(Opcode.CALL_VIRTUAL, linker.selector("[..]", shape), 1 + named.size(), 1 + named.size());
            return;
        }
        for (Expression a : args) {
            expr(a);
        }
        asm.emitCall(Opcode.CALL_VIRTUAL, linker.selector("[]", Shape.of(args.size())), 1 + args.size(), 1 + args.size());
    }

    // ---- operators --------------------------------------------------------------------------

    private static final Map<String, Opcode> BINARY = Map.ofEntries(
            Map.entry("+", Opcode.ADD), Map.entry("-", Opcode.SUB), Map.entry("*", Opcode.MUL),
            Map.entry("/", Opcode.DIV), Map.entry("%", Opcode.MOD), Map.entry("<", Opcode.LT),
            Map.entry("<=", Opcode.LE), Map.entry(">", Opcode.GT), Map.entry(">=", Opcode.GE),
            Map.entry("==", Opcode.EQ), Map.entry("&", Opcode.BIT_AND), Map.entry("|", Opcode.BIT_OR),
            Map.entry("^", Opcode.BIT_XOR), Map.entry("<<", Opcode.SHL), Map.entry(">>", Opcode.SHR),
            Map.entry(">>>", Opcode.USHR));

    private void binary(Binary b) {
        String op = b.getOperator();
        switch (op) {
            case "and", "or" -> {
                Label end = new Label();
                expr(b.getLeft());
                asm.emit(Opcode.DUP);
                asm.jump(op.equals("and") ? Opcode.JUMP_IF_FALSE : Opcode.JUMP_IF_TRUE, end);
                asm.emit(Opcode.POP);
                expr(b.getRight());
                asm.place(end);
            }
            case "!=" -> {
                expr(b.getLeft());
                expr(b.getRight());
                asm.emit(Opcode.EQ, linker.selector("==", Shape.of(1)));
                asm.emit(Opcode.NOT);
            }
            default -> {
                if (RELATIONAL.contains(op) && b.getLeft() instanceof Binary left && RELATIONAL.contains(left.getOperator())
                        && !Nodes.text(left).startsWith("(")) {
                    chain(b);
                    return;
                }
                Opcode opcode = BINARY.get(op);
                expr(b.getLeft());
                expr(b.getRight());
                asm.emit(opcode, linker.selector(op, Shape.of(1)));
            }
        }
    }

    private static final java.util.Set<String> RELATIONAL = java.util.Set.of("<", "<=", ">", ">=");

    /** lo <= v < hi: both comparisons, the middle operand evaluated once, the second only if needed. */
    private void chain(Binary b) {
        List<Binary> links = new ArrayList<>();
        Expression first = b;
        while (first instanceof Binary link && RELATIONAL.contains(link.getOperator())
                && (links.isEmpty() || !Nodes.text(link).startsWith("("))) {
            links.add(0, link);
            first = link.getLeft();
        }
        Label end = new Label();
        pushScope();
        Local middle = declare("<chain>", null, false);
        expr(first);
        for (int i = 0; i < links.size(); i++) {
            Binary link = links.get(i);
            if (i > 0) {
                asm.emit(Opcode.DUP);
                asm.jump(Opcode.JUMP_IF_FALSE, end);
                asm.emit(Opcode.POP);
                asm.emit(Opcode.LOAD_LOCAL, middle.slot);
            }
            expr(link.getRight());
            if (i + 1 < links.size()) {
                asm.emit(Opcode.STORE_LOCAL, middle.slot);
            }
            asm.emit(BINARY.get(link.getOperator()), linker.selector(link.getOperator(), Shape.of(1)));
        }
        asm.place(end);
        popScope();
    }

    private void unary(Unary u) {
        String op = u.getOperator();
        Expression operand = u.getOperand();
        switch (op) {
            case "not" -> {
                expr(operand);
                asm.emit(Opcode.NOT);
            }
            case "~" -> {
                expr(operand);
                asm.emit(Opcode.BIT_NOT, linker.selector("~", Shape.of(0)));
            }
            case "++" -> update(u, operand, Opcode.ADD, false);
            default -> {   // prefix minus
                if (operand instanceof IntLiteral i) {
                    integer(-i.getValue());
                } else if (operand instanceof FloatLiteral f) {
                    asm.emit(Opcode.LOAD_CONST, linker.constant(new Constant.Float(-f.getValue())));
                } else {
                    expr(operand);
                    asm.emit(Opcode.NEG, linker.selector("-", Shape.of(0)));
                }
            }
        }
    }

    private void postfix(Postfix p) {
        update(p, p.getOperand(), "++".equals(p.getOperator()) ? Opcode.ADD : Opcode.SUB, true);
    }

    /** ++ and --: x = x ± 1, leaving the old value (postfix) or the new one (prefix). */
    private void update(EObject site, Expression target, Opcode op, boolean postfix) {
        String symbol = op == Opcode.ADD ? "+" : "-";
        assign(site, target, () -> {
            asm.emit(Opcode.LOAD_SMI, 1);
            asm.emit(op, linker.selector(symbol, Shape.of(1)));
        }, true, postfix);
    }

    private void assignment(Assignment a) {
        String op = a.getOperator();
        if (op.equals("=")) {
            assign(a, a.getTarget(), () -> expr(a.getValue()), false, false);
            return;
        }
        String binary = op.substring(0, op.length() - 1);
        assign(a, a.getTarget(), () -> {
            expr(a.getValue());
            asm.emit(BINARY.get(binary), linker.selector(binary, Shape.of(1)));
        }, true, false);
    }

    /**
     * Stores into a variable, field, global, setter or index. With {@code compound} the current
     * value is pushed before {@code value} runs (which then combines it); the assignment leaves
     * the new value, or with {@code old} the value before.
     */
    private void assign(EObject site, Expression target, Runnable value, boolean compound, boolean old) {
        if (target instanceof Identifier id) {
            String name = Nodes.text(id, AstPackage.Literals.IDENTIFIER__DECLARATION);
            Found local = lookup(name);
            if (local != null) {
                update(() -> load(local), value, () -> store(local), compound, old);
                return;
            }
            if (holder != null && hasThis()) {
                int slot = holder.fieldSlot(name);
                if (slot >= 0 && holder.lookup(name + "=", Shape.of(1)) != null || slot >= 0 && kind == Kind.METHOD) {
                    if (kind == Kind.METHOD) {
                        thisFieldAssign(slot, value, compound, old);
                    } else {
                        memberAssign(site, () -> loadThis(site), name, value, compound, old);
                    }
                    return;
                }
                FieldModel f = holder.field(name);
                if (f != null && f.isStatic) {
                    globalAssign(f.global, value, compound, old);
                    return;
                }
            }
            GlobalModel global = program.globals.get(name);
            if (global != null) {
                globalAssign(global, value, compound, old);
                return;
            }
            error(id, "unresolved", "cannot assign to '" + name + "': no such variable, field or global");
            asm.emit(Opcode.LOAD_NULL);
            return;
        }
        if (target instanceof MemberAccess m) {
            String name = Nodes.text(m, AstPackage.Literals.MEMBER_ACCESS__MEMBER);
            if (m.getReceiver() instanceof Identifier id) {
                String receiverName = Nodes.text(id, AstPackage.Literals.IDENTIFIER__DECLARATION);
                ClassModel cls = lookup(receiverName) == null && !isMemberName(receiverName) ? program.clazz(receiverName) : null;
                if (cls != null) {
                    FieldModel f = cls.field(name);
                    if (f != null && f.isStatic) {
                        globalAssign(f.global, value, compound, old);
                        return;
                    }
                }
            }
            if (m.getReceiver() instanceof This && holder != null && holder.fieldSlot(name) >= 0 && kind == Kind.METHOD) {
                thisFieldAssign(holder.fieldSlot(name), value, compound, old);
                return;
            }
            memberAssign(site, () -> expr(m.getReceiver()), name, value, compound, old);
            return;
        }
        if (target instanceof Index i) {
            pushScope();
            Local receiver = declare("<receiver>", null, false);
            Local indexTemp = declare("<index>", null, false);
            Local result = declare("<value>", null, false);
            expr(i.getReceiver());
            asm.emit(Opcode.STORE_LOCAL, receiver.slot);
            asm.emit(Opcode.POP);
            Expression index = i.getArguments().isEmpty() ? null : i.getArguments().get(0);
            expr(index);
            asm.emit(Opcode.STORE_LOCAL, indexTemp.slot);
            asm.emit(Opcode.POP);
            if (compound) {
                asm.emit(Opcode.LOAD_LOCAL, receiver.slot);
                asm.emit(Opcode.LOAD_LOCAL, indexTemp.slot);
                asm.emitCall(Opcode.CALL_VIRTUAL, linker.selector("[]", Shape.of(1)), 2, 2);
                if (old) {
                    asm.emit(Opcode.DUP);
                    asm.emit(Opcode.STORE_LOCAL, result.slot);
                    asm.emit(Opcode.POP);
                }
            }
            value.run();
            if (!old) {
                asm.emit(Opcode.STORE_LOCAL, result.slot);
            }
            Local newValue = declare("<new>", null, false);
            asm.emit(Opcode.STORE_LOCAL, newValue.slot);
            asm.emit(Opcode.POP);
            asm.emit(Opcode.LOAD_LOCAL, receiver.slot);
            asm.emit(Opcode.LOAD_LOCAL, indexTemp.slot);
            asm.emit(Opcode.LOAD_LOCAL, newValue.slot);
            asm.emitCall(Opcode.CALL_VIRTUAL, linker.selector("[]=", Shape.of(2)), 3, 3);
            asm.emit(Opcode.POP);
            asm.emit(Opcode.LOAD_LOCAL, result.slot);
            popScope();
            return;
        }
        error(site, "bad-assignment", "this cannot be assigned to: assign to a variable, a field or an index");
        asm.emit(Opcode.LOAD_NULL);
    }

    private void globalAssign(GlobalModel global, Runnable value, boolean compound, boolean old) {
        int index = linker.global(global);
        update(() -> asm.emit(Opcode.LOAD_GLOBAL, index), value, () -> asm.emit(Opcode.STORE_GLOBAL, index), compound, old);
    }

    private void thisFieldAssign(int slot, Runnable value, boolean compound, boolean old) {
        update(() -> asm.emit(Opcode.LOAD_THIS_FIELD, slot), value, () -> asm.emit(Opcode.STORE_THIS_FIELD, slot), compound,
                old);
    }

    /**
     * The shape of every assignment to a place with a load and a store that keeps the value:
     * the current value first when compound (kept below when the old value is the result), then
     * the new value, stored.
     */
    private void update(Runnable load, Runnable value, Runnable store, boolean compound, boolean old) {
        if (compound) {
            load.run();
            if (old) {
                asm.emit(Opcode.DUP);
            }
        }
        value.run();
        store.run();
        if (old) {
            asm.emit(Opcode.POP);
        }
    }

    /** obj.name = value through the setter `name=`; leaves the assigned (or old) value. */
    private void memberAssign(EObject site, Runnable receiver, String name, Runnable value, boolean compound, boolean old) {
        pushScope();
        Local object = declare("<object>", null, false);
        Local result = declare("<result>", null, false);
        receiver.run();
        asm.emit(Opcode.STORE_LOCAL, object.slot);
        asm.emit(Opcode.POP);
        if (compound) {
            asm.emit(Opcode.LOAD_LOCAL, object.slot);
            asm.emitCall(Opcode.CALL_VIRTUAL, linker.selector(name, Shape.of(0)), 1, 1);
            if (old) {
                asm.emit(Opcode.STORE_LOCAL, result.slot);
            }
        }
        value.run();
        if (!old) {
            asm.emit(Opcode.STORE_LOCAL, result.slot);
        }
        Local newValue = declare("<new>", null, false);
        asm.emit(Opcode.STORE_LOCAL, newValue.slot);
        asm.emit(Opcode.POP);
        asm.emit(Opcode.LOAD_LOCAL, object.slot);
        asm.emit(Opcode.LOAD_LOCAL, newValue.slot);
        asm.emitCall(Opcode.CALL_VIRTUAL, linker.selector(name + "=", Shape.of(1)), 2, 2);
        asm.emit(Opcode.POP);
        asm.emit(Opcode.LOAD_LOCAL, result.slot);
        popScope();
    }

    // ---- control flow -----------------------------------------------------------------------

    private void ifExpr(If i) {
        Label otherwise = new Label();
        Label end = new Label();
        pushScope();
        condition(i.getCondition());
        asm.jump(Opcode.JUMP_IF_FALSE, otherwise);
        sequenceValue(i.getThen());
        asm.jump(Opcode.JUMP, end);
        asm.place(otherwise);
        if (i.getElse() instanceof If elseIf) {
            ifExpr(elseIf);
        } else if (i.getElse() instanceof Sequence s) {
            sequenceValue(s);
        } else {
            asm.emit(Opcode.LOAD_NULL);
        }
        asm.place(end);
        popScope();
    }

    private void condition(Expression c) {
        if (c instanceof LocalVariable v) {
            defineLocal(v);
        } else {
            expr(c);
        }
    }

    private void whileLoop(While w) {
        Label head = new Label();
        Label end = new Label();
        pushScope();
        asm.place(head);
        mark(w.getCondition());
        condition(w.getCondition());
        asm.jump(Opcode.JUMP_IF_FALSE, end);
        loops.push(new Loop(end, head, asm.depth(), finallies.size()));
        statements(w.getBody());
        loops.pop();
        asm.jump(Opcode.JUMP, head);
        asm.place(end);
        popScope();
        asm.emit(Opcode.LOAD_NULL);
    }

    private void forLoop(For f) {
        Label head = new Label();
        Label next = new Label();
        Label end = new Label();
        pushScope();
        if (f.getInitializer() != null) {
            statement(f.getInitializer());
        }
        asm.place(head);
        if (f.getCondition() != null) {
            mark(f.getCondition());
            expr(f.getCondition());
            asm.jump(Opcode.JUMP_IF_FALSE, end);
        }
        loops.push(new Loop(end, next, asm.depth(), finallies.size()));
        statements(f.getBody());
        loops.pop();
        asm.place(next);
        if (f.getUpdate() != null) {
            mark(f.getUpdate());
            effect(f.getUpdate());
        }
        asm.jump(Opcode.JUMP, head);
        asm.place(end);
        popScope();
        asm.emit(Opcode.LOAD_NULL);
    }

    private void breakStatement(Break b) {
        loopBranch(b, true);
    }

    private void continueStatement(Continue c) {
        if (c.getLabel() != null) {
            // continue.label value: returns the value from the block.
            if (kind != Kind.BLOCK && kind != Kind.LAMBDA) {
                error(c, "continue-label", "'continue." + c.getLabel() + "' is only allowed inside a block");
            }
            expr(c.getValue());
            asm.emit(Opcode.RETURN);
            return;
        }
        loopBranch(c, false);
    }

    /** `break` or `continue`: to the innermost loop, in this frame or (from a block) one further out. */
    private void loopBranch(EObject statement, boolean isBreak) {
        Loop loop = loops.peek();
        if (loop == null) {
            if (!branchOutOfBlock(isBreak)) {
                // the front end reports it first (with a hint for blocks); this is the generator's net
                String word = isBreak ? "break" : "continue";
                error(statement, word + "-outside-loop", "'" + word + "' outside a loop");
                asm.emit(Opcode.LOAD_NULL);
            }
            return;
        }
        runFinallies(loop.finallyDepth);
        cut(loop.depth);
        asm.jump(Opcode.JUMP, isBreak ? loop.breakLabel : loop.continueLabel);
    }

    /**
     * `break` or `continue` inside a block acts on the innermost loop around the block, in a
     * frame `levels` block levels out (a lambda is a boundary: it may run after the loop is gone).
     * Returns false when there is no such loop.
     */
    private boolean branchOutOfBlock(boolean isBreak) {
        if (kind != Kind.BLOCK) {
            return false;
        }
        int levels = 1;
        for (MethodCompiler outer = parent; outer != null; outer = outer.parent, levels++) {
            if (!outer.loops.isEmpty()) {
                Loop target = outer.loops.peek();
                int at = asm.offset();
                asm.emitNonLocalBranch(levels, target.depth, 0);
                if (asm.offset() > at) {
                    pendingBranches.add(new Object[] {isBreak ? target.breakLabel : target.continueLabel, at + 3});
                }
                return true;
            }
            if (outer.kind != Kind.BLOCK) {
                return false;
            }
        }
        return false;
    }

    /** Drops operand stack values above a loop's depth before a jump out of an expression. */
    private void cut(int depth) {
        while (asm.reachable() && asm.depth() > depth) {
            asm.emit(Opcode.POP);
        }
    }

    private void returnStatement(Return r) {
        if (r.getValue() != null) {
            expr(r.getValue());
        } else if (method != null && method.kind == MethodModel.Kind.CONSTRUCTOR && kind == Kind.METHOD) {
            asm.emit(Opcode.LOAD_LOCAL, 0);
        } else {
            asm.emit(Opcode.LOAD_NULL);
        }
        if (kind == Kind.BLOCK) {
            asm.emit(Opcode.NON_LOCAL_RETURN);
            return;
        }
        if (!finallies.isEmpty()) {
            pushScope();
            Local value = declare("<return>", null, false);
            asm.emit(Opcode.STORE_LOCAL, value.slot);
            asm.emit(Opcode.POP);
            runFinallies(0);
            asm.emit(Opcode.LOAD_LOCAL, value.slot);
            popScope();
        }
        asm.emit(Opcode.RETURN);
    }

    /** Inlines the finally bodies above {@code depth}, innermost first (return, break, continue). */
    private void runFinallies(int depth) {
        List<Runnable> saved = new ArrayList<>(finallies);
        for (int i = saved.size() - 1; i >= depth; i--) {
            while (finallies.size() > i) {
                finallies.remove(finallies.size() - 1);
            }
            saved.get(i).run();
        }
        finallies.clear();
        finallies.addAll(saved);
    }

    private void tryFinally(Try t) {
        Label end = new Label();
        int depth = asm.depth();
        int start = asm.offset();
        finallies.add(() -> statements(t.getHandler()));
        statements(t.getBody());
        finallies.remove(finallies.size() - 1);
        int stop = asm.offset();
        // Completed normally: the finally body runs inline.
        pushScope();
        bindFinallyParameters(t, false);
        statements(t.getHandler());
        popScope();
        asm.jump(Opcode.JUMP, end);
        finallyHandler(start, stop, depth, unwind -> {
            bindFinallyParameters(t, true, unwind);
            statements(t.getHandler());
        });
        asm.place(end);
        asm.emit(Opcode.LOAD_NULL);
    }

    private void bindFinallyParameters(Try t, boolean exceptional, Local... unwind) {
        List<Parameter> parameters = t.getParameters();
        if (parameters.size() == 2) {
            asm.emit(exceptional ? Opcode.LOAD_TRUE : Opcode.LOAD_FALSE);
            Local isException = declare(parameters.get(0).getName(), "bool", false);
            asm.emit(Opcode.STORE_LOCAL, isException.slot);
            asm.emit(Opcode.POP);
            if (exceptional) {
                asm.emit(Opcode.LOAD_LOCAL, unwind[0].slot);
            } else {
                asm.emit(Opcode.LOAD_NULL);
            }
            Local exception = declare(parameters.get(1).getName(), null, false);
            asm.emit(Opcode.STORE_LOCAL, exception.slot);
            asm.emit(Opcode.POP);
        }
    }

    private void assertion(Assert a) {
        Label ok = new Label();
        Block block = a.getBlock();
        sequenceValue(block.getBody());
        asm.jump(Opcode.JUMP_IF_TRUE, ok);
        string("ASSERTION_FAILED");
        asm.emitCall(Opcode.CALL_STATIC, throwFunction(), 0, 1);
        asm.place(ok);
        asm.emit(Opcode.LOAD_NULL);
    }

    private int throwFunction() {
        return linker.method(program.function("throw", Shape.of(1)), Shape.of(1));
    }

    private void conditional(Conditional c) {
        Label otherwise = new Label();
        Label end = new Label();
        expr(c.getCondition());
        asm.jump(Opcode.JUMP_IF_FALSE, otherwise);
        expr(c.getThen());
        asm.jump(Opcode.JUMP, end);
        asm.place(otherwise);
        expr(c.getElse());
        asm.place(end);
    }

    private void isCheck(Is i) {
        expr(i.getOperand());
        ClassModel type = typeClass(i.getType());
        if (type == null) {
            asm.emit(Opcode.POP);
            asm.emit(i.isNegated() ? Opcode.LOAD_FALSE : Opcode.LOAD_TRUE);
            return;
        }
        asm.emit(Opcode.IS, linker.classIndex(type));
        if (i.isNegated()) {
            asm.emit(Opcode.NOT);
        }
    }

    private void asCheck(As a) {
        expr(a.getOperand());
        ClassModel type = typeClass(a.getType());
        if (type == null) {
            return;
        }
        if (a.getType().isNullable()) {
            Label skip = new Label();
            asm.emit(Opcode.DUP);
            asm.emit(Opcode.LOAD_NULL);
            asm.emit(Opcode.IDENTICAL);
            asm.jump(Opcode.JUMP_IF_TRUE, skip);
            asm.emit(Opcode.AS, linker.classIndex(type));
            asm.place(skip);
        } else {
            asm.emit(Opcode.AS, linker.classIndex(type));
        }
    }

    /** The class a type names; null for `any` (every value passes). */
    private ClassModel typeClass(TypeRef ref) {
        String name = Nodes.text(ref, AstPackage.Literals.TYPE_REF__TYPE);
        if (name == null || name.equals("any")) {
            return null;
        }
        String simple = name.substring(name.lastIndexOf('.') + 1);
        ClassModel c = program.clazz(simple);
        if (c == null) {
            error(ref, "unresolved-type", "unknown class '" + name + "'");
        }
        return c;
    }

    // ---- blocks and lambdas -----------------------------------------------------------------

    private void block(Block b) {
        MethodCompiler child = new MethodCompiler(linker, method, unit, holder, this, Kind.BLOCK);
        child.staticContext = staticContext;
        int index = linker.reserveNested();
        linker.fill(index, child.compileClosure(b, List.of(), List.of()));
        asm.emit(Opcode.CREATE_BLOCK, index);
    }

    private void lambda(Block b) {
        // Captured by value: every variable of the creating frames that the body names, and `this`.
        List<String> captured = new ArrayList<>();
        if (hasThis()) {
            captured.add("this");
        }
        var contents = b.eAllContents();
        while (contents.hasNext()) {
            if (contents.next() instanceof Identifier id) {
                String name = Nodes.text(id, AstPackage.Literals.IDENTIFIER__DECLARATION);
                if (name != null && !captured.contains(name) && lookup(name) != null) {
                    captured.add(name);
                }
            }
        }
        MethodCompiler child = new MethodCompiler(linker, method, unit, holder, this, Kind.LAMBDA);
        child.staticContext = staticContext;
        int index = linker.reserveNested();
        List<Boolean> boxed = captured.stream().map(name -> lookup(name).local.boxed).toList();
        linker.fill(index, child.compileClosure(b, captured, boxed));
        for (String name : captured) {
            loadSlot(lookup(name));   // a boxed variable is captured as its box
        }
        asm.emitCall(Opcode.CREATE_LAMBDA, index, captured.size(), captured.size());
    }

    /** The body of a block or lambda: slot 0 is the closure, then its parameters (or `it`). */
    private Result compileClosure(Block b, List<String> captured, List<Boolean> boxed) {
        declare("<closure>", null, false);
        if (b.getParameters().isEmpty()) {
            declare("it", null, false);
        } else {
            for (Parameter p : b.getParameters()) {
                declare(p.getName(), p.getType() == null ? null : Nodes.text(p.getType(), AstPackage.Literals.TYPE_REF__TYPE),
                        false);
            }
        }
        int arity = nextSlot;
        for (int i = 0; i < captured.size(); i++) {
            asm.emit(Opcode.LOAD_CAPTURED, i);
            Local local = declare(captured.get(i), null, false);
            local.boxed = boxed.get(i);
            asm.emit(Opcode.STORE_LOCAL, local.slot);
            asm.emit(Opcode.POP);
        }
        sequenceValue(b.getBody());
        asm.emit(Opcode.RETURN);
        int flags = kind == Kind.LAMBDA ? MethodRecord.LAMBDA : MethodRecord.BLOCK;
        return finish(flags, arity, kind == Kind.LAMBDA ? "<lambda>" : "<block>", kind == Kind.LAMBDA ? "lambda" : "block", b);
    }

    // ---- results and errors -----------------------------------------------------------------

    private Result finish(int flags, int arity, String name, String kindName, EObject node) {
        for (Map<String, Local> scope : scopes) {
            for (Local local : scope.values()) {
                record(local);
            }
        }
        if (asm.reachable()) {
            asm.emit(Opcode.LOAD_NULL);
            asm.emit(Opcode.RETURN);
        }
        MethodRecord record = asm.finish(flags, arity, Math.max(0, maxSlot - arity));
        for (Object[] branch : pendingBranches) {
            int at = (Integer) branch[1];
            ((Label) branch[0]).whenPlaced(offset -> {
                record.code()[at] = (byte) offset;
                record.code()[at + 1] = (byte) (offset >> 8);
            });
        }
        int file = unit == null ? -1 : unit.fileIndex();
        int[] start = node == null ? null : new int[] {Nodes.line(node), Nodes.column(node, unit.text())};
        int[] end = node == null ? null : new int[] {Nodes.endLine(node), 1};
        String holderName = holder == null ? null : holder.name;
        DebugInfo.MethodInfo info = new DebugInfo.MethodInfo(name, holderName, kindName, file, start, end, -1, lines,
                debugLocals);
        return new Result(record, info);
    }

    private void error(EObject node, String code, String message) {
        String file = unit == null ? "<unknown>" : unit.path().toString();
        linker.errors.add(new CompileError(file, Nodes.line(node), unit == null ? 0 : Nodes.column(node, unit.text()),
                Nodes.length(node), code, message));
    }
}
