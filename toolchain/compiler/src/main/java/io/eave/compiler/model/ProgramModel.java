package io.eave.compiler.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.eave.compiler.CompileError;
import io.eave.compiler.Shape;
import io.eave.toit.ast.AstPackage;
import io.eave.toit.ast.Declaration;
import io.eave.toit.ast.Field;
import io.eave.toit.ast.Method;
import io.eave.toit.ast.Parameter;
import io.eave.toit.ast.Primitive;
import io.eave.toit.ast.Sequence;
import io.eave.toit.ast.TypeRef;
import io.eave.toit.ast.Unit;

/**
 * Every class, function and global of a program and the core library, by name. Imports are
 * checked by the front end; the compiler sees one namespace where user declarations shadow the
 * core library's.
 */
public final class ProgramModel {
    public final List<SourceUnit> units;
    public final Map<String, ClassModel> classes = new LinkedHashMap<>();
    public final Map<String, List<MethodModel>> functions = new LinkedHashMap<>();
    public final Map<String, GlobalModel> globals = new LinkedHashMap<>();
    public final List<CompileError> errors = new ArrayList<>();

    public ProgramModel(List<SourceUnit> units) {
        this.units = units;
        // Core first, so that user declarations of the same name replace them.
        for (boolean core : new boolean[] {true, false}) {
            for (SourceUnit unit : units) {
                if (unit.core() == core) {
                    declare(unit);
                }
            }
        }
        for (SourceUnit unit : units) {
            link(unit);
        }
    }

    public ClassModel clazz(String name) {
        return classes.get(name);
    }

    /** The top-level function of that name accepting the shape, or null. */
    public MethodModel function(String name, Shape shape) {
        for (MethodModel m : functions.getOrDefault(name, List.of())) {
            if (m.accepts(shape)) {
                return m;
            }
        }
        return null;
    }

    private void declare(SourceUnit unit) {
        Unit ast = unit.ast();
        for (Declaration d : ast.getDeclarations()) {
            if (d instanceof io.eave.toit.ast.Class c) {
                ClassModel.Kind kind = switch (c.getKind()) {
                    case INTERFACE -> ClassModel.Kind.INTERFACE;
                    case MIXIN -> ClassModel.Kind.MIXIN;
                    case MONITOR -> ClassModel.Kind.MONITOR;
                    default -> ClassModel.Kind.CLASS;
                };
                ClassModel model = new ClassModel(c.getName(), kind, c.isAbstract(), c, unit);
                classes.put(c.getName(), model);
            } else if (d instanceof Field f) {
                globals.put(f.getName(), new GlobalModel(f.getName(), f, null, unit));
            } else if (d instanceof Method m) {
                MethodModel model = method(m, null, unit);
                functions.computeIfAbsent(model.name, k -> new ArrayList<>()).removeIf(
                        old -> old.unit.core() && !unit.core() && sameParameters(old, model));
                functions.get(model.name).add(model);
            }
        }
    }

    private static boolean sameParameters(MethodModel a, MethodModel b) {
        return a.parameters.size() == b.parameters.size();
    }

    private void link(SourceUnit unit) {
        for (Declaration d : unit.ast().getDeclarations()) {
            if (!(d instanceof io.eave.toit.ast.Class c)) {
                continue;
            }
            ClassModel model = classes.get(c.getName());
            if (model.unit != unit) {
                continue;   // shadowed by a user class of the same name
            }
            model.superclass = typeClass(c.getSuperclass(), unit);
            if (model.superclass == null && model.kind == ClassModel.Kind.MONITOR && classes.containsKey("Monitor_")) {
                model.superclass = classes.get("Monitor_");   // every monitor can await
            }
            if (model.superclass == null && model.kind != ClassModel.Kind.INTERFACE && !model.name.equals("Object")) {
                model.superclass = classes.get("Object");
            }
            for (TypeRef mixin : c.getMixins()) {
                ClassModel m = typeClass(mixin, unit);
                if (m != null) {
                    model.mixins.add(m);
                }
            }
            for (TypeRef i : c.getInterfaces()) {
                ClassModel m = typeClass(i, unit);
                if (m != null) {
                    model.interfaces.add(m);
                }
            }
            boolean hasConstructor = false;
            for (Declaration member : c.getMembers()) {
                if (member instanceof Field f) {
                    FieldModel field = new FieldModel(f.getName(), f, model, f.isStatic());
                    model.fields.add(field);
                    if (f.isStatic()) {
                        field.global = new GlobalModel(f.getName(), f, model, unit);
                    } else {
                        model.methods.add(new MethodModel(f.getName(), MethodModel.Kind.FIELD_GETTER, null, model, unit,
                                List.of(), field, null, false));
                        if (!f.isFinal()) {
                            model.methods.add(new MethodModel(f.getName() + "=", MethodModel.Kind.FIELD_SETTER, null, model,
                                    unit, List.of(new ParameterModel("value", false, false, false, null, null, null)),
                                    field, null, false));
                        }
                    }
                } else if (member instanceof Method m) {
                    MethodModel method = method(m, model, unit);
                    hasConstructor |= method.kind == MethodModel.Kind.CONSTRUCTOR || method.kind == MethodModel.Kind.FACTORY;
                    // An explicit getter or setter replaces the generated field accessor of the same name.
                    model.methods.removeIf(old -> old.field != null && old.name.equals(method.name));
                    model.methods.add(method);
                }
            }
            if (!hasConstructor && model.kind != ClassModel.Kind.INTERFACE) {
                model.methods.add(new MethodModel("", MethodModel.Kind.CONSTRUCTOR, null, model, unit, List.of(), null,
                        null, false));
            }
        }
    }

    private ClassModel typeClass(TypeRef ref, SourceUnit unit) {
        if (ref == null) {
            return null;
        }
        String name = Nodes.text(ref, AstPackage.Literals.TYPE_REF__TYPE);
        if (name == null) {
            return null;
        }
        int dot = name.lastIndexOf('.');
        ClassModel c = classes.get(dot < 0 ? name : name.substring(dot + 1));
        if (c == null) {
            errors.add(new CompileError(unit.path().toString(), Nodes.line(ref), Nodes.column(ref, unit.text()),
                    Nodes.length(ref), "unresolved-type", "unknown class '" + name + "'"));
        }
        return c;
    }

    private MethodModel method(Method m, ClassModel holder, SourceUnit unit) {
        List<ParameterModel> parameters = new ArrayList<>();
        for (Parameter p : m.getParameters()) {
            String type = p.getType() == null ? null : Nodes.text(p.getType(), AstPackage.Literals.TYPE_REF__TYPE);
            parameters.add(new ParameterModel(p.getName(), p.isNamed(), p.isBlock(), p.isFieldParameter(),
                    p.getDefaultValue(), type, p));
        }
        String name;
        MethodModel.Kind kind;
        if (m.isConstructor()) {
            name = m.getName() == null ? "" : m.getName();
            kind = returnsValue(m.getBody()) ? MethodModel.Kind.FACTORY : MethodModel.Kind.CONSTRUCTOR;
        } else {
            name = m.getName();
            if (m.isOperator()) {
                name = name.replace(" ", "");
            } else if (m.isSetter()) {
                name = name + "=";
            }
            kind = holder == null ? MethodModel.Kind.FUNCTION : m.isStatic() ? MethodModel.Kind.STATIC : MethodModel.Kind.METHOD;
        }
        String primitive = null;
        Sequence body = m.getBody();
        if (body != null && body.getStatements().size() == 1 && body.getStatements().get(0) instanceof Primitive p) {
            primitive = p.getModule() + "." + p.getName();
        }
        boolean isAbstract = m.isAbstract() || (!m.isHasBody() && holder != null)
                || (holder != null && holder.kind == ClassModel.Kind.INTERFACE);
        return new MethodModel(name, kind, m, holder, unit, parameters, null, primitive, isAbstract);
    }

    /** Whether a constructor body returns a value somewhere (then it is a factory). */
    private static boolean returnsValue(Sequence body) {
        if (body == null) {
            return false;
        }
        var all = body.eAllContents();
        while (all.hasNext()) {
            if (all.next() instanceof io.eave.toit.ast.Return r && r.getValue() != null) {
                return true;
            }
        }
        return false;
    }
}
