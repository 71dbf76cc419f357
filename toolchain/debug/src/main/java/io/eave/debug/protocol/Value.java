package io.eave.debug.protocol;

import java.nio.charset.StandardCharsets;

/**
 * A value as the agent reports it (docs/debug-protocol.md, "Values"): immediates in full, strings
 * with their first bytes, objects by reference. References are valid until the container resumes.
 */
public sealed interface Value {
    int NULL = 0, TRUE = 1, FALSE = 2, INT = 3, FLOAT = 4, STRING = 5, OBJECT = 6;

    /** The most bytes of a string carried in a value. */
    int STRING_PREFIX = 64;

    record Null() implements Value {}

    record Bool(boolean value) implements Value {}

    record Int(long value) implements Value {}

    record Float(double value) implements Value {}

    /** A string: its reference (for OBJECT), total UTF-8 size and its first bytes (at most 64). */
    record Str(long reference, long size, String prefix) implements Value {
        public boolean complete() {
            return prefix.getBytes(StandardCharsets.UTF_8).length == size;
        }
    }

    /** An object: reference, class index (as in the image and the debug info), fields, elements or bytes. */
    record Obj(long reference, long classIndex, long size) implements Value {}

    Value NULL_VALUE = new Null();

    static Value of(boolean b) {
        return new Bool(b);
    }
}
