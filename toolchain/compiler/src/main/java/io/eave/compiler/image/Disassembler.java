package io.eave.compiler.image;

import java.util.function.IntFunction;

/**
 * A readable listing of a program image: per method its header and its instructions with decoded
 * operands. Names come from a {@link Names} (the debug info) when there is one.
 */
public final class Disassembler {
    /** Names for what the image only numbers; each returns null when unknown. */
    public interface Names {
        String method(int index);
        String selector(int index);
        String className(int index);
        String global(int index);
        /** The source line a statement starting at this offset of the method begins, or 0. */
        int line(int method, int offset);

        Names NONE = new Names() {
            public String method(int index) { return null; }
            public String selector(int index) { return null; }
            public String className(int index) { return null; }
            public String global(int index) { return null; }
            public int line(int method, int offset) { return 0; }
        };
    }

    private Disassembler() {}

    public static String listing(ProgramImage image, Names names) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("; %d constants, %d classes, %d methods, %d globals, %d selectors; entry %s%n",
                image.constants().size(), image.classes().size(), image.methods().size(), image.globals().length,
                image.selectorCount(), name(image.entry(), names::method, "method")));
        for (int i = 0; i < image.methods().size(); i++) {
            MethodRecord m = image.methods().get(i);
            out.append(String.format("%nmethod %d %s: arity %d, locals %d, max stack %d%s%n", i,
                    name(i, names::method, "method"), m.arity(), m.locals(), m.maxStack(), flags(m.flags())));
            for (MethodRecord.Handler h : m.handlers()) {
                out.append(String.format("  %s [%d, %d) -> %d, depth %d%n",
                        h.kind() == MethodRecord.Handler.FINALLY ? "finally" : "catch", h.start(), h.end(), h.handler(), h.depth()));
            }
            instructions(out, image, i, names);
        }
        return out.toString();
    }

    private static void instructions(StringBuilder out, ProgramImage image, int method, Names names) {
        byte[] code = image.methods().get(method).code();
        int pc = 0;
        while (pc < code.length) {
            int line = names.line(method, pc);
            if (line > 0) {
                out.append(String.format("  ; line %d%n", line));
            }
            Opcode op = Opcode.of(code[pc] & 0xFF);
            if (op == null || pc + op.size() > code.length) {
                out.append(String.format("  %4d  <bad byte %d>%n", pc, code[pc] & 0xFF));
                return;
            }
            out.append(String.format("  %4d  %-16s %s", pc, op, operands(image, op, code, pc, names)).stripTrailing()).append(System.lineSeparator());
            pc += op.size();
        }
    }

    private static String operands(ProgramImage image, Opcode op, byte[] code, int pc, Names names) {
        int a = code.length > pc + 1 ? code[pc + 1] & 0xFF : 0;
        int b = code.length > pc + 2 ? code[pc + 2] & 0xFF : 0;
        int u16 = a | (b << 8);
        return switch (op) {
            case LOAD_SMI -> Integer.toString((byte) a);
            case LOAD_CONST -> u16 + " " + constant(image, u16);
            case LOAD_GLOBAL, STORE_GLOBAL -> u16 + " " + name(u16, names::global, "global");
            case ALLOCATE, IS, AS -> u16 + " " + name(u16, names::className, "class");
            case CALL_STATIC, CREATE_BLOCK -> u16 + " " + name(u16, names::method, "method");
            case CALL_VIRTUAL -> u16 + " " + name(u16, names::selector, "selector") + ", " + (code[pc + 3] & 0xFF) + " args";
            case CALL_PRIMITIVE -> primitive(u16) + ", " + (code[pc + 3] & 0xFF) + " args";
            case CREATE_LAMBDA -> u16 + " " + name(u16, names::method, "method") + ", " + (code[pc + 3] & 0xFF) + " captured";
            case JUMP, JUMP_IF_TRUE, JUMP_IF_FALSE -> "-> " + (pc + 3 + (short) u16);
            case NON_LOCAL_BRANCH -> a + " levels, depth " + b + ", -> " + ((code[pc + 3] & 0xFF) | (code[pc + 4] & 0xFF) << 8);
            case LOAD_OUTER, STORE_OUTER -> a + " levels, slot " + b;
            default -> switch (op.format) {
                case NONE -> "";
                case U8 -> Integer.toString(a);
                case U16 -> name(u16, names::selector, "selector");
                default -> "";
            };
        };
    }

    private static String constant(ProgramImage image, int index) {
        if (index >= image.constants().size()) {
            return "<out of range>";
        }
        return switch (image.constants().get(index)) {
            case Constant.Int i -> Long.toString(i.value());
            case Constant.Float f -> Double.toString(f.value());
            case Constant.Str s -> '"' + s.value().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
            case Constant.Bytes b -> "#[" + b.value().length + " bytes]";
        };
    }

    private static String primitive(int number) {
        for (Primitive p : Primitive.values()) {
            if (p.number == number) {
                return p.name().toLowerCase();
            }
        }
        return "primitive " + number;
    }

    private static String name(int index, IntFunction<String> lookup, String kind) {
        String name = lookup.apply(index);
        return name != null ? name : kind + "#" + index;
    }

    private static String flags(int flags) {
        StringBuilder s = new StringBuilder();
        if ((flags & MethodRecord.INSTANCE) != 0) s.append(", instance");
        if ((flags & MethodRecord.BLOCK) != 0) s.append(", block");
        if ((flags & MethodRecord.LAMBDA) != 0) s.append(", lambda");
        if ((flags & MethodRecord.ABSTRACT) != 0) s.append(", abstract");
        return s.toString();
    }
}
