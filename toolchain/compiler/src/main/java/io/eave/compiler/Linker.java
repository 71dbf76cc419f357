package io.eave.compiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.eave.compiler.debug.DebugInfo;
import io.eave.compiler.image.ClassRecord;
import io.eave.compiler.image.Constant;
import io.eave.compiler.image.MethodRecord;
import io.eave.compiler.image.ProgramImage;
import io.eave.compiler.image.WellKnown;
import io.eave.compiler.model.ClassModel;
import io.eave.compiler.model.GlobalModel;
import io.eave.compiler.model.MethodModel;
import io.eave.compiler.model.ProgramModel;

/**
 * Puts a program together: numbers constants, classes, methods, globals and selectors in order of
 * first use, compiles only what is reached from {@code main} (tree shaking by rapid type analysis:
 * a virtual method is compiled when its class is instantiated and its selector is called), and
 * produces the image with its debug info.
 */
final class Linker {
    final ProgramModel program;
    final List<CompileError> errors = new ArrayList<>();

    private final List<Constant> constants = new ArrayList<>();
    private final Map<Constant, Integer> constantIndex = new HashMap<>();
    private final List<ClassModel> classes = new ArrayList<>();
    private final Set<ClassModel> instantiated = new LinkedHashSet<>();
    private final List<GlobalModel> globals = new ArrayList<>();
    private final Map<GlobalModel, Integer> globalInitializers = new HashMap<>();
    final Map<String, Integer> selectors = new LinkedHashMap<>();
    private final List<Selector> selectorList = new ArrayList<>();
    private final List<MethodRecord> methods = new ArrayList<>();
    private final List<DebugInfo.MethodInfo> methodInfos = new ArrayList<>();
    private final Map<Object, Integer> methodIndex = new HashMap<>();
    private final Deque<Runnable> work = new ArrayDeque<>();

    record Selector(String name, Shape shape) {}

    /** A method of the image: a body for a shape (exact: the body itself; else a stub). */
    private record Target(MethodModel method, Shape shape, boolean stub) {}

    Linker(ProgramModel program) {
        this.program = program;
    }

    int constant(Constant c) {
        return constantIndex.computeIfAbsent(c, k -> {
            constants.add(k);
            return constants.size() - 1;
        });
    }

    int selector(String name, Shape shape) {
        String key = shape.selector(name);
        Integer id = selectors.get(key);
        if (id == null) {
            id = selectors.size();
            selectors.put(key, id);
            selectorList.add(new Selector(name, shape));
        }
        return id;
    }

    int classIndex(ClassModel c) {
        if (c.index < 0) {
            if (c.superclass != null) {
                classIndex(c.superclass);
            }
            c.index = classes.size();
            classes.add(c);
            for (ClassModel s : c.supertypesClosure()) {
                classIndex(s);
            }
        }
        return c.index;
    }

    void instantiate(ClassModel c) {
        classIndex(c);
        instantiated.add(c);
    }

    int global(GlobalModel g) {
        if (g.index < 0) {
            g.index = globals.size();
            globals.add(g);
            if (g.ast.getInitializer() != null) {
                int method = reserve(g, () -> new MethodCompiler(this, g).compileGlobalInitializer());
                globalInitializers.put(g, method);
            }
        }
        return g.index;
    }

    /** The image method that runs {@code m} for calls of {@code shape}: the body, or a stub. */
    int method(MethodModel m, Shape shape) {
        boolean stub = !m.takesExactly(shape) && m.field == null;
        if (!stub) {
            return body(m);
        }
        return reserve(new Target(m, shape, true), () -> new MethodCompiler(this, m).compileStub(shape, body(m)));
    }

    /** The image method of a body itself: its slots are the parameters in declaration order. */
    int body(MethodModel m) {
        return reserve(new Target(m, null, false), () -> new MethodCompiler(this, m).compileBody());
    }

    static Shape fullShape(MethodModel m) {
        List<String> named = new ArrayList<>();
        for (var p : m.parameters) {
            if (p.named()) {
                named.add(p.name());
            }
        }
        return new Shape(m.positional().size(), named);
    }

    /** Reserves an index for a method compiled later (so recursion and cycles are fine). */
    int reserve(Object key, java.util.function.Supplier<MethodCompiler.Result> compile) {
        Integer index = methodIndex.get(key);
        if (index != null) {
            return index;
        }
        int at = methods.size();
        methodIndex.put(key, at);
        methods.add(null);
        methodInfos.add(null);
        work.add(() -> {
            MethodCompiler.Result result = compile.get();
            methods.set(at, result.record());
            methodInfos.set(at, result.info());
        });
        return at;
    }

    /** A method created by the code generator itself (a block or lambda body), already compiled. */
    int add(MethodCompiler.Result result) {
        methods.add(result.record());
        methodInfos.add(result.info());
        methodIndex.put(new Object(), methods.size() - 1);
        return methods.size() - 1;
    }

    /** Reserves a slot for a block or lambda whose index its body may need before it is done. */
    int reserveNested() {
        methods.add(null);
        methodInfos.add(null);
        return methods.size() - 1;
    }

    void fill(int index, MethodCompiler.Result result) {
        methods.set(index, result.record());
        methodInfos.set(index, result.info());
    }

    MethodRecord record(int index) {
        return methods.get(index);
    }

    ProgramImage link(MethodModel main, Map<String, Integer> files, List<DebugInfo.SourceFile> sourceFiles,
                      DebugInfo[] debugOut) {
        int[] wellKnown = new int[WellKnown.values().length];
        for (WellKnown w : WellKnown.values()) {
            ClassModel c = program.clazz(w.className);
            if (c == null) {
                wellKnown[w.ordinal()] = ProgramImage.NONE;
                continue;
            }
            wellKnown[w.ordinal()] = classIndex(c);
            if (w != WellKnown.OBJECT) {
                instantiate(c);
            }
        }
        int entry = method(main, Shape.of(0));
        // Compile until nothing new is reached: bodies add selectors and classes, and every
        // (instantiated class, selector) pair may reach another body.
        Map<ClassModel, Map<Integer, Integer>> dispatch = new HashMap<>();
        boolean changed = true;
        while (changed) {
            while (!work.isEmpty()) {
                work.poll().run();
            }
            changed = false;
            for (ClassModel c : List.copyOf(instantiated)) {
                Map<Integer, Integer> table = dispatch.computeIfAbsent(c, k -> new TreeMap<>());
                for (int s = 0; s < selectorList.size(); s++) {
                    if (table.containsKey(s)) {
                        continue;
                    }
                    Selector sel = selectorList.get(s);
                    MethodModel m = c.lookup(sel.name(), sel.shape());
                    if (m != null) {
                        table.put(s, method(m, sel.shape()));
                        changed = true;
                    } else {
                        table.put(s, -1);
                    }
                }
            }
            changed |= !work.isEmpty();
        }
        List<ClassRecord> classRecords = new ArrayList<>();
        List<DebugInfo.ClassInfo> classInfos = new ArrayList<>();
        for (ClassModel c : classes) {
            TreeMap<Integer, Integer> table = new TreeMap<>();
            dispatch.getOrDefault(c, Map.of()).forEach((s, m) -> {
                if (m >= 0) {
                    table.put(s, m);
                }
            });
            Set<Integer> chain = new LinkedHashSet<>();
            for (ClassModel s = c; s != null; s = s.superclass) {
                chain.add(s.index);
            }
            int[] supertypes = c.supertypesClosure().stream().mapToInt(s -> s.index)
                    .filter(i -> !chain.contains(i)).toArray();
            int flags = switch (c.kind) {
                case INTERFACE -> ClassRecord.INTERFACE;
                case MIXIN -> ClassRecord.MIXIN;
                case MONITOR -> ClassRecord.MONITOR;
                default -> 0;
            } | (c.isAbstract ? ClassRecord.ABSTRACT : 0);
            classRecords.add(new ClassRecord(c.superclass == null ? -1 : c.superclass.index, flags,
                    constant(new Constant.Str(c.name)), c.instanceFields().size(), supertypes, table));
            classInfos.add(new DebugInfo.ClassInfo(c.name, files.getOrDefault(c.unit.path().toString(), -1),
                    c.instanceFields().stream().map(f -> f.name).toList()));
        }
        int[] globalTable = new int[globals.size()];
        List<DebugInfo.GlobalInfo> globalInfos = new ArrayList<>();
        for (GlobalModel g : globals) {
            globalTable[g.index] = globalInitializers.getOrDefault(g, -1);
            globalInfos.add(new DebugInfo.GlobalInfo(g.qualifiedName(), files.getOrDefault(g.unit.path().toString(), -1),
                    io.eave.compiler.model.Nodes.line(g.ast)));
        }
        ProgramImage image = new ProgramImage(constants, classRecords, methods, globalTable, selectors.size(), entry,
                wellKnown);
        debugOut[0] = new DebugInfo(DebugInfo.FORMAT, "", sourceFiles, classInfos, globalInfos,
                new ArrayList<>(selectors.keySet()), methodInfos);
        return image;
    }

    static int[] copy(int[] a) {
        return Arrays.copyOf(a, a.length);
    }
}
