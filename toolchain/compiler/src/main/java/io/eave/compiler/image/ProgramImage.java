package io.eave.compiler.image;

import java.util.List;

/**
 * A whole program image before encoding (or after decoding); {@link ImageWriter} and
 * {@link ImageReader} turn it into the bytes of docs/program-image.md and back.
 *
 * @param globals per global: the initialiser method index, or -1 for "starts as null"
 * @param wellKnown class index per {@link WellKnown} entry, or -1
 */
public record ProgramImage(List<Constant> constants, List<ClassRecord> classes, List<MethodRecord> methods,
                           int[] globals, int selectorCount, int entry, int[] wellKnown) {
    public static final int NONE = -1;
}
