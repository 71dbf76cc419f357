package io.eave.compiler.image;

import java.util.List;

/**
 * A method of the image (docs/program-image.md, "Method").
 *
 * @param arity argument slots, receiver or block included
 * @param locals slots after the arguments
 * @param maxStack operand stack depth beyond the slots
 */
public record MethodRecord(int flags, int arity, int locals, int maxStack, List<Handler> handlers, byte[] code) {
    public static final int INSTANCE = 1, BLOCK = 2, LAMBDA = 4, ABSTRACT = 8;

    /** An exception handler: covers [start, end), continues at handler with the stack cut to depth. */
    public record Handler(int kind, int start, int end, int handler, int depth) {
        public static final int CATCH = 0, FINALLY = 1;
    }
}
