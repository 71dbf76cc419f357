package io.eave.compiler.model;

import java.util.ArrayList;
import java.util.List;

import io.eave.compiler.Shape;
import io.eave.toit.ast.Method;

/** A method, function, constructor, getter, setter or operator of the program. */
public final class MethodModel {
    public enum Kind { FUNCTION, METHOD, STATIC, CONSTRUCTOR, FACTORY, FIELD_GETTER, FIELD_SETTER }

    public final String name;
    public final Kind kind;
    public final Method ast;
    public final ClassModel holder;
    public final SourceUnit unit;
    public final List<ParameterModel> parameters;
    /** For field accessors: the field. */
    public final FieldModel field;
    /** The primitive of a `#primitive.module.name` body, or null. */
    public final String primitive;
    public final boolean isAbstract;

    public MethodModel(String name, Kind kind, Method ast, ClassModel holder, SourceUnit unit,
                       List<ParameterModel> parameters, FieldModel field, String primitive, boolean isAbstract) {
        this.name = name;
        this.kind = kind;
        this.ast = ast;
        this.holder = holder;
        this.unit = unit;
        this.parameters = parameters;
        this.field = field;
        this.primitive = primitive;
        this.isAbstract = isAbstract;
    }

    /** True when the method has a receiver in slot 0. */
    public boolean isInstance() {
        return kind == Kind.METHOD || kind == Kind.CONSTRUCTOR || kind == Kind.FIELD_GETTER || kind == Kind.FIELD_SETTER;
    }

    public List<ParameterModel> positional() {
        return parameters.stream().filter(p -> !p.named()).toList();
    }

    /** Whether a call of this shape can reach this method (with defaults filled in). */
    public boolean accepts(Shape shape) {
        List<ParameterModel> positional = positional();
        int required = (int) positional.stream().filter(ParameterModel::required).count();
        if (shape.positional() < required || shape.positional() > positional.size()) {
            return false;
        }
        List<String> declaredNamed = new ArrayList<>();
        for (ParameterModel p : parameters) {
            if (p.named()) {
                declaredNamed.add(p.name());
                if (p.required() && !shape.named().contains(p.name())) {
                    return false;
                }
            }
        }
        return declaredNamed.containsAll(shape.named());
    }

    /**
     * Whether a call of this shape passes exactly the declared parameters in declared order
     * (positional, then named sorted), so it can call the body without a stub.
     */
    public boolean takesExactly(Shape shape) {
        List<String> order = new ArrayList<>();
        boolean seenNamed = false;
        for (ParameterModel p : parameters) {
            if (p.named()) {
                seenNamed = true;
                order.add(p.name());
            } else if (seenNamed) {
                return false;
            }
        }
        return shape.positional() == positional().size() && order.equals(shape.named());
    }

    public String qualifiedName() {
        return holder == null ? name : holder.name + "." + name;
    }
}
