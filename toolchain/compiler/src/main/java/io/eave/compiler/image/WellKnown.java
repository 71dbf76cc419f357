package io.eave.compiler.image;

/** The well-known classes of the image header, in header order (docs/program-image.md). */
public enum WellKnown {
    OBJECT("Object"), NULL("Null_"), TRUE("True_"), FALSE("False_"), INT("SmallInteger_"),
    FLOAT("float"), STRING("String_"), BYTE_ARRAY("ByteArray_"), ARRAY("Array_"),
    LAMBDA("Lambda"), BLOCK("Block_"), EXCEPTION("Exception_");

    /** The name of the core library class that plays this part. */
    public final String className;

    WellKnown(String className) {
        this.className = className;
    }
}
