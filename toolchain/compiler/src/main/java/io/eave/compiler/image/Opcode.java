package io.eave.compiler.image;

import static io.eave.compiler.image.OperandFormat.*;

/**
 * The bytecodes, in the order and with the shapes of firmware/vm/opcodes.h (the one list; a test
 * checks this copy against it). The ordinal is the opcode byte.
 */
public enum Opcode {
    LOAD_NULL(NONE, 0, 1),
    LOAD_TRUE(NONE, 0, 1),
    LOAD_FALSE(NONE, 0, 1),
    LOAD_SMI(S8, 0, 1),
    LOAD_CONST(U16, 0, 1),
    LOAD_LOCAL(U8, 0, 1),
    STORE_LOCAL(U8, 1, 1),
    LOAD_OUTER(U8U8, 0, 1),
    STORE_OUTER(U8U8, 1, 1),
    LOAD_CAPTURED(U8, 0, 1),
    POP(NONE, 1, 0),
    DUP(NONE, 1, 2),
    LOAD_FIELD(U8, 1, 1),
    STORE_FIELD(U8, 2, 1),
    LOAD_THIS_FIELD(U8, 0, 1),
    STORE_THIS_FIELD(U8, 1, 1),
    LOAD_GLOBAL(U16, 0, 1),
    STORE_GLOBAL(U16, 1, 1),
    ALLOCATE(U16, 0, 1),
    IS(U16, 1, 1),
    AS(U16, 1, 1),
    CALL_STATIC(U16, Opcode.VARIABLE, 1),
    CALL_VIRTUAL(U16U8, Opcode.VARIABLE, 1),
    CALL_BLOCK(U8, Opcode.VARIABLE, 1),
    CALL_PRIMITIVE(U16U8, Opcode.VARIABLE, 1),
    RETURN(NONE, 1, 0),
    NON_LOCAL_RETURN(NONE, 1, 0),
    NON_LOCAL_BRANCH(U8U8U16, 0, 0),
    CREATE_BLOCK(U16, 0, 1),
    CREATE_LAMBDA(U16U8, Opcode.VARIABLE, 1),
    JUMP(I16, 0, 0),
    JUMP_IF_TRUE(I16, 1, 0),
    JUMP_IF_FALSE(I16, 1, 0),
    THROW(NONE, 1, 0),
    RETHROW(NONE, 1, 0),
    ADD(U16, 2, 1),
    SUB(U16, 2, 1),
    MUL(U16, 2, 1),
    DIV(U16, 2, 1),
    MOD(U16, 2, 1),
    LT(U16, 2, 1),
    LE(U16, 2, 1),
    GT(U16, 2, 1),
    GE(U16, 2, 1),
    EQ(U16, 2, 1),
    BIT_AND(U16, 2, 1),
    BIT_OR(U16, 2, 1),
    BIT_XOR(U16, 2, 1),
    SHL(U16, 2, 1),
    SHR(U16, 2, 1),
    USHR(U16, 2, 1),
    NEG(U16, 1, 1),
    BIT_NOT(U16, 1, 1),
    NOT(NONE, 1, 1),
    IDENTICAL(NONE, 2, 1);

    /** Pops that depend on the operands (calls, lambda creation). */
    public static final int VARIABLE = -1;

    public final OperandFormat format;
    public final int pops;
    public final int pushes;

    Opcode(OperandFormat format, int pops, int pushes) {
        this.format = format;
        this.pops = pops;
        this.pushes = pushes;
    }

    /** Opcode byte plus operands. */
    public int size() {
        return 1 + format.size;
    }

    /** True when no instruction follows this one on the same path. */
    public boolean endsPath() {
        return this == RETURN || this == NON_LOCAL_RETURN || this == THROW || this == RETHROW
                || this == NON_LOCAL_BRANCH || this == JUMP;
    }

    private static final Opcode[] BY_BYTE = values();

    /** The opcode of a byte, or null for a byte that is no opcode. */
    public static Opcode of(int b) {
        return b >= 0 && b < BY_BYTE.length ? BY_BYTE[b] : null;
    }
}
