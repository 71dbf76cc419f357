package io.eave.compiler.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds one method's bytecode: emits instructions, resolves forward and backward jumps through
 * labels, and tracks the operand stack depth so that the method's max stack is exact. Code after
 * an instruction that ends a path is dead and dropped, until a label that some jump reaches is
 * placed; so the code generator need not track reachability itself.
 */
public final class MethodAssembler {
    private final ByteSink code = new ByteSink();
    private final List<MethodRecord.Handler> handlers = new ArrayList<>();
    private int depth;
    private int maxDepth;
    private boolean reachable = true;

    /** A jump target; its depth is fixed by the first jump to it or by where it is placed. */
    public static final class Label {
        private int offset = -1;
        private int depth = -1;
        private final List<Integer> patches = new ArrayList<>();
        private final List<java.util.function.IntConsumer> placed = new ArrayList<>();

        public int offset() {
            return offset;
        }

        /** Runs when the label is placed (at once if it is): how another method's code learns its offset. */
        public void whenPlaced(java.util.function.IntConsumer action) {
            if (offset >= 0) {
                action.accept(offset);
            } else {
                placed.add(action);
            }
        }
    }

    public int offset() {
        return code.size();
    }

    public int depth() {
        return depth;
    }

    public boolean reachable() {
        return reachable;
    }

    public void emit(Opcode op) {
        emit(op, 0, 0);
    }

    public void emit(Opcode op, int a) {
        emit(op, a, 0);
    }

    /** Emits an instruction whose pops are fixed by the opcode table. */
    public void emit(Opcode op, int a, int b) {
        if (!reachable) {
            return;
        }
        if (op.pops == Opcode.VARIABLE) {
            throw new IllegalArgumentException(op + " needs its pop count: use emitCall");
        }
        if (op.format == OperandFormat.I16) {
            throw new IllegalArgumentException(op + " jumps: use jump");
        }
        encode(op, a, b, 0);
        effect(op.pops, op.pushes);
        if (op.endsPath()) {
            reachable = false;
        }
    }

    /** A call or lambda creation that pops {@code pops} values and pushes one result. */
    public void emitCall(Opcode op, int a, int b, int pops) {
        if (!reachable) {
            return;
        }
        encode(op, a, b, 0);
        effect(pops, 1);
    }

    /** NON_LOCAL_BRANCH: unwind {@code levels} block frames, cut to {@code depth}, go to {@code target}. */
    public void emitNonLocalBranch(int levels, int targetDepth, int target) {
        if (!reachable) {
            return;
        }
        encode(Opcode.NON_LOCAL_BRANCH, levels, targetDepth, target);
        reachable = false;
    }

    public void jump(Opcode op, Label target) {
        if (op.format != OperandFormat.I16) {
            throw new IllegalArgumentException(op + " is not a jump");
        }
        if (!reachable) {
            return;
        }
        code.u8(op.ordinal());
        effect(op.pops, op.pushes);
        merge(target);
        int end = code.size() + 2;
        if (target.offset >= 0) {
            int distance = target.offset - end;
            checkDistance(distance);
            code.u8(distance);
            code.u8(distance >> 8);
        } else {
            target.patches.add(code.size());
            code.u8(0);
            code.u8(0);
        }
        if (op == Opcode.JUMP) {
            reachable = false;
        }
    }

    /** Places a label here; dead code becomes live again when a jump reaches the label. */
    public void place(Label label) {
        if (label.offset >= 0) {
            throw new IllegalStateException("label placed twice");
        }
        label.offset = code.size();
        for (java.util.function.IntConsumer action : label.placed) {
            action.accept(label.offset);
        }
        label.placed.clear();
        if (reachable) {
            merge(label);
        } else if (label.depth >= 0) {
            depth = label.depth;
            reachable = true;
        } else {
            return;   // nothing reaches it: what follows stays dead (a backward jump to it is dead too)
        }
        for (int at : label.patches) {
            int distance = label.offset - (at + 2);
            checkDistance(distance);
            code.put8(at, distance);
            code.put8(at + 1, distance >> 8);
        }
        label.patches.clear();
    }

    /** Declares a handler; {@code handler} is a label placed later with depth + 1 on the stack. */
    public void handler(int kind, int start, int end, Label handler, int handlerDepth) {
        handler.depth = handlerDepth + 1;
        maxDepth = Math.max(maxDepth, handlerDepth + 1);
        handlers.add(new MethodRecord.Handler(kind, start, end, -1, handlerDepth));
        pendingHandlerLabels.add(handler);
    }

    private final List<Label> pendingHandlerLabels = new ArrayList<>();

    /** Sets the depth explicitly, for code reached only from elsewhere (handlers). */
    public void assumeDepth(int newDepth) {
        depth = newDepth;
        maxDepth = Math.max(maxDepth, depth);
        reachable = true;
    }

    public MethodRecord finish(int flags, int arity, int locals) {
        if (reachable) {
            throw new IllegalStateException("the method's code falls off its end");
        }
        List<MethodRecord.Handler> resolved = new ArrayList<>();
        for (int i = 0; i < handlers.size(); i++) {
            MethodRecord.Handler h = handlers.get(i);
            Label label = pendingHandlerLabels.get(i);
            if (label.offset < 0) {
                throw new IllegalStateException("handler label never placed");
            }
            resolved.add(new MethodRecord.Handler(h.kind(), h.start(), h.end(), label.offset, h.depth()));
        }
        return new MethodRecord(flags, arity, locals, maxDepth, resolved, code.toArray());
    }

    private void merge(Label label) {
        if (label.depth < 0) {
            label.depth = depth;
        } else if (label.depth != depth) {
            throw new IllegalStateException("stack depth " + depth + " at a jump to a label of depth " + label.depth);
        }
    }

    private void effect(int pops, int pushes) {
        if (depth < pops) {
            throw new IllegalStateException("stack underflow: depth " + depth + ", popping " + pops);
        }
        depth += pushes - pops;
        maxDepth = Math.max(maxDepth, depth);
    }

    private void encode(Opcode op, int a, int b, int c) {
        code.u8(op.ordinal());
        switch (op.format) {
            case NONE -> { }
            case S8 -> {
                if (a < -128 || a > 127) {
                    throw new IllegalArgumentException(op + " operand " + a);
                }
                code.u8(a);
            }
            case U8 -> code.u8(u8(op, a));
            case U16 -> u16(op, a);
            case U8U8 -> {
                code.u8(u8(op, a));
                code.u8(u8(op, b));
            }
            case U16U8 -> {
                u16(op, a);
                code.u8(u8(op, b));
            }
            case U8U8U16 -> {
                code.u8(u8(op, a));
                code.u8(u8(op, b));
                u16(op, c);
            }
            case I16 -> throw new IllegalArgumentException("use jump");
        }
    }

    private static int u8(Opcode op, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(op + " operand " + value + " does not fit a byte");
        }
        return value;
    }

    private void u16(Opcode op, int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(op + " operand " + value + " does not fit 16 bits");
        }
        code.u8(value);
        code.u8(value >> 8);
    }

    private static void checkDistance(int distance) {
        if (distance < Short.MIN_VALUE || distance > Short.MAX_VALUE) {
            throw new IllegalStateException("jump of " + distance + " bytes: the method is too large");
        }
    }
}
