package io.eave.compiler.image;

/** The operand layouts of firmware/vm/opcodes.h: fixed-width, little-endian, after the opcode byte. */
public enum OperandFormat {
    NONE(0), S8(1), U8(1), U16(2), I16(2), U8U8(2), U16U8(3), U8U8U16(4);

    /** Bytes of operands after the opcode byte. */
    public final int size;

    OperandFormat(int size) {
        this.size = size;
    }
}
