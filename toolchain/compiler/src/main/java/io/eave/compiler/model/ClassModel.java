package io.eave.compiler.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.eave.compiler.Shape;

/** A class, interface, mixin or monitor of the program or the core library. */
public final class ClassModel {
    public enum Kind { CLASS, INTERFACE, MIXIN, MONITOR }

    public final String name;
    public final Kind kind;
    public final boolean isAbstract;
    public final io.eave.toit.ast.Class ast;
    public final SourceUnit unit;
    public ClassModel superclass;
    public final List<ClassModel> mixins = new ArrayList<>();
    public final List<ClassModel> interfaces = new ArrayList<>();
    public final List<FieldModel> fields = new ArrayList<>();
    public final List<MethodModel> methods = new ArrayList<>();
    /** Index in the image once the class is referenced; -1 until then. */
    public int index = -1;
    private List<FieldModel> instanceFields;

    public ClassModel(String name, Kind kind, boolean isAbstract, io.eave.toit.ast.Class ast, SourceUnit unit) {
        this.name = name;
        this.kind = kind;
        this.isAbstract = isAbstract;
        this.ast = ast;
        this.unit = unit;
    }

    /** All instance fields, the superclass's (and mixins') first, each with its slot index set. */
    public List<FieldModel> instanceFields() {
        if (instanceFields == null) {
            List<FieldModel> all = new ArrayList<>(superclass == null ? List.of() : superclass.instanceFields());
            for (ClassModel mixin : mixins) {
                for (FieldModel f : mixin.fields) {
                    if (!f.isStatic) {
                        all.add(f);
                    }
                }
            }
            for (FieldModel f : fields) {
                if (!f.isStatic) {
                    f.index = all.size();
                    all.add(f);
                }
            }
            instanceFields = all;
        }
        return instanceFields;
    }

    /** The slot of an instance field by name, searching the hierarchy; -1 when there is none. */
    public int fieldSlot(String fieldName) {
        List<FieldModel> all = instanceFields();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).name.equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    /** A field (instance or static) declared here, in a mixin or a superclass. */
    public FieldModel field(String fieldName) {
        for (ClassModel c = this; c != null; c = c.superclass) {
            for (FieldModel f : c.fields) {
                if (f.name.equals(fieldName)) {
                    return f;
                }
            }
            for (ClassModel mixin : c.mixins) {
                for (FieldModel f : mixin.fields) {
                    if (f.name.equals(fieldName)) {
                        return f;
                    }
                }
            }
        }
        return null;
    }

    /**
     * The instance method a virtual call of {@code name} with {@code shape} reaches: this class,
     * then its mixins (last first), then the superclass. Abstract methods are skipped.
     */
    public MethodModel lookup(String methodName, Shape shape) {
        for (ClassModel c = this; c != null; c = c.superclass) {
            MethodModel m = c.own(methodName, shape, false);
            if (m != null) {
                return m;
            }
            for (int i = c.mixins.size() - 1; i >= 0; i--) {
                m = c.mixins.get(i).own(methodName, shape, false);
                if (m != null) {
                    return m;
                }
            }
        }
        return null;
    }

    /** Like {@link #lookup} but also finds abstract and interface members (for resolution). */
    public MethodModel declared(String methodName, Shape shape) {
        for (ClassModel c : supertypesClosure()) {
            MethodModel m = c.own(methodName, shape, true);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /** A static method or constructor declared in this class. */
    public MethodModel staticMember(String methodName, Shape shape, boolean constructor) {
        for (MethodModel m : methods) {
            boolean isConstructor = m.kind == MethodModel.Kind.CONSTRUCTOR || m.kind == MethodModel.Kind.FACTORY;
            if (isConstructor == constructor && (constructor || m.kind == MethodModel.Kind.STATIC)
                    && m.name.equals(methodName) && m.accepts(shape)) {
                return m;
            }
        }
        return null;
    }

    public boolean hasMember(String memberName) {
        for (ClassModel c : supertypesClosure()) {
            for (MethodModel m : c.methods) {
                if (m.name.equals(memberName)) {
                    return true;
                }
            }
        }
        return field(memberName) != null;
    }

    private MethodModel own(String methodName, Shape shape, boolean includeAbstract) {
        for (MethodModel m : methods) {
            if ((m.kind == MethodModel.Kind.METHOD || m.kind == MethodModel.Kind.FIELD_GETTER
                    || m.kind == MethodModel.Kind.FIELD_SETTER)
                    && (includeAbstract || !m.isAbstract) && m.name.equals(methodName) && m.accepts(shape)) {
                return m;
            }
        }
        return null;
    }

    /** This class, its superclasses, mixins and interfaces, each once, nearest first. */
    public List<ClassModel> supertypesClosure() {
        Set<ClassModel> seen = new LinkedHashSet<>();
        collect(this, seen);
        return new ArrayList<>(seen);
    }

    private static void collect(ClassModel c, Set<ClassModel> seen) {
        if (c == null || !seen.add(c)) {
            return;
        }
        for (int i = c.mixins.size() - 1; i >= 0; i--) {
            collect(c.mixins.get(i), seen);
        }
        collect(c.superclass, seen);
        for (ClassModel i : c.interfaces) {
            collect(i, seen);
        }
    }

    /** Whether instances of this class are instances of {@code other}. */
    public boolean isSubtypeOf(ClassModel other) {
        return supertypesClosure().contains(other);
    }
}
