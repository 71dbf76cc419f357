package io.eave.compiler.image;

import java.util.SortedMap;

/**
 * A class of the image (docs/program-image.md, "Class").
 *
 * @param superclass class index, or -1 for none
 * @param name constant index of the name string, or -1
 * @param fieldCount instance fields, inherited ones included
 * @param supertypes interfaces and mixins off the superclass chain, for is/as
 * @param dispatch complete dispatch table: selector to method index
 */
public record ClassRecord(int superclass, int flags, int name, int fieldCount, int[] supertypes,
                          SortedMap<Integer, Integer> dispatch) {
    public static final int INTERFACE = 1, MIXIN = 2, ABSTRACT = 4, MONITOR = 8;
}
