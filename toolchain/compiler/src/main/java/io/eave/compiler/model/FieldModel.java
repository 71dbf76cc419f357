package io.eave.compiler.model;

import io.eave.toit.ast.Field;

/** An instance field (with its slot in the object) or a static field (a global). */
public final class FieldModel {
    public final String name;
    public final Field ast;
    public final ClassModel holder;
    public final boolean isStatic;
    /** Slot in the instance, inherited fields first; -1 for static fields. */
    public int index = -1;
    /** For static fields: the global. */
    public GlobalModel global;

    public FieldModel(String name, Field ast, ClassModel holder, boolean isStatic) {
        this.name = name;
        this.ast = ast;
        this.holder = holder;
        this.isStatic = isStatic;
    }
}
