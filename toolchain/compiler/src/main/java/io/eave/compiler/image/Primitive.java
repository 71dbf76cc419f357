package io.eave.compiler.image;

/**
 * The VM primitives of firmware/vm/primitives.h (the one list; a test checks this copy against
 * it). The number is part of the image format.
 */
public enum Primitive {
    PRINT(0, 1),
    STRINGIFY(1, 1),
    STRING_CONCAT(2, 2),
    STRING_SIZE(3, 1),
    STRING_AT(4, 2),
    STRING_SLICE(5, 3),
    STRING_COMPARE(6, 2),
    STRING_HASH(7, 1),
    ARRAY_NEW(8, 2),
    ARRAY_SIZE(9, 1),
    ARRAY_AT(10, 2),
    ARRAY_AT_PUT(11, 3),
    BYTES_NEW(12, 1),
    BYTES_SIZE(13, 1),
    BYTES_AT(14, 2),
    BYTES_AT_PUT(15, 3),
    INT_TO_FLOAT(16, 1),
    FLOAT_TO_INT(17, 1),
    FLOAT_FLOOR(18, 1),
    FLOAT_SQRT(19, 1),
    STRINGIFY_FLOAT(20, 2),
    TIME_MS(21, 0),
    SLEEP_MS(22, 1),
    YIELD(23, 0),
    TASK_SPAWN(24, 1),
    EXIT(25, 1),
    CLASS_NAME(26, 1),
    IDENTITY_HASH(27, 1),
    STRING_FROM_BYTES(28, 3),
    STRING_TO_BYTES(29, 1),
    EXCEPTION_NEW(30, 2),
    MESSAGE_SEND(31, 2),
    MESSAGE_RECEIVE(32, 0),
    GC_COUNT(33, 0),
    MEMORY_USED(34, 0),
    TASK_ID(35, 0);

    public final int number;
    public final int arity;

    Primitive(int number, int arity) {
        this.number = number;
        this.arity = arity;
    }
}
