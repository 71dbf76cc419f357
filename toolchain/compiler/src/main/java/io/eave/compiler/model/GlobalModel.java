package io.eave.compiler.model;

import io.eave.toit.ast.Field;

/** A top-level or static variable, initialised lazily on first read (docs/program-image.md). */
public final class GlobalModel {
    public final String name;
    public final Field ast;
    public final ClassModel holder;
    public final SourceUnit unit;
    /** Index in the image, assigned on first use; -1 until then. */
    public int index = -1;

    public GlobalModel(String name, Field ast, ClassModel holder, SourceUnit unit) {
        this.name = name;
        this.ast = ast;
        this.holder = holder;
        this.unit = unit;
    }

    public String qualifiedName() {
        return holder == null ? name : holder.name + "." + name;
    }
}
