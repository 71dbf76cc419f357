package io.eave.compiler.model;

import io.eave.toit.ast.Expression;
import io.eave.toit.ast.Parameter;

/** A parameter of a method: positional or named, maybe a block, maybe storing into a field. */
public record ParameterModel(String name, boolean named, boolean block, boolean fieldParameter,
                             Expression defaultValue, String type, Parameter ast) {
    public boolean required() {
        return defaultValue == null && !(named && "bool".equals(type));
    }
}
