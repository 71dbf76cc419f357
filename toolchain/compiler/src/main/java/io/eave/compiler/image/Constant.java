package io.eave.compiler.image;

import java.util.Arrays;

/** An entry of the constant pool (docs/program-image.md, "Constant"). */
public sealed interface Constant {
    int TAG_INT = 1, TAG_FLOAT = 2, TAG_STRING = 3, TAG_BYTES = 4;

    record Int(long value) implements Constant {}

    /** Compared by bits, so 0.0 and -0.0 (and NaNs) stay distinct constants. */
    record Float(double value) implements Constant {
        @Override public boolean equals(Object o) {
            return o instanceof Float f && Double.doubleToRawLongBits(f.value) == Double.doubleToRawLongBits(value);
        }
        @Override public int hashCode() {
            return Long.hashCode(Double.doubleToRawLongBits(value));
        }
    }

    record Str(String value) implements Constant {}

    record Bytes(byte[] value) implements Constant {
        @Override public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(b.value, value);
        }
        @Override public int hashCode() {
            return Arrays.hashCode(value);
        }
        @Override public String toString() {
            return "Bytes" + Arrays.toString(value);
        }
    }
}
