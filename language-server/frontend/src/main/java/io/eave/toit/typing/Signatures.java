package io.eave.toit.typing;

import io.eave.toit.ast.Assignment;
import io.eave.toit.ast.Block;
import io.eave.toit.ast.Call;
import io.eave.toit.ast.Class;
import io.eave.toit.ast.Expression;
import io.eave.toit.ast.Method;
import io.eave.toit.ast.NamedArgument;
import io.eave.toit.ast.Parameter;
import io.eave.toit.scoping.Members;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.emf.ecore.EObject;

/** Whether a call's arguments fit a method's parameters: counts of positional arguments and blocks, named arguments. */
public final class Signatures {
    private Signatures() {
    }

    /** The shape of a call's arguments. */
    public record Shape(int positional, int blocks, Set<String> named) {
        public static final Shape NONE = new Shape(0, 0, Set.of());

        public static Shape of(Call call) {
            if (call == null) return NONE;
            int positional = 0;
            int blocks = 0;
            Set<String> named = new HashSet<>();
            for (Expression a : call.getArguments()) {
                if (a instanceof NamedArgument n) named.add(n.getName());
                else if ((a instanceof Block b && !b.isLambda()) || passesBlock(a)) blocks++;
                else positional++;
            }
            return new Shape(positional, blocks, named);
        }
    }

    /**
     * A block parameter passed on (`do block`), or a local holding a block (`b := (: 3)`, then
     * `exec b`), counts as a block argument.
     */
    private static boolean passesBlock(Expression argument) {
        if (!(argument instanceof io.eave.toit.ast.Identifier id)) return false;
        if (id.getDeclaration() instanceof Parameter p) return p.isBlock();
        return id.getDeclaration() instanceof io.eave.toit.ast.LocalVariable v && v.getValue() instanceof Block b && !b.isLambda();
    }

    /** The call whose target is {@code nameExpression}, or null when it is not called. */
    public static Call callOf(EObject nameExpression) {
        EObject parent = nameExpression.eContainer();
        return parent instanceof Call c && c.getTarget() == nameExpression ? c : null;
    }

    /** Whether {@code nameExpression} is the target of an assignment (so it names a setter). */
    public static boolean isAssigned(EObject nameExpression) {
        return nameExpression.eContainer() instanceof Assignment a && a.getTarget() == nameExpression;
    }

    /** Why {@code method} does not accept {@code shape}, or null when it does. */
    public static String mismatch(Method method, Shape shape) {
        int required = 0;
        int optional = 0;
        int blocks = 0;
        Set<String> named = new HashSet<>();
        Set<String> requiredNamed = new HashSet<>();
        for (Parameter p : method.getParameters()) {
            if (p.isNamed()) {
                named.add(p.getName());
                if (p.getDefaultValue() == null) requiredNamed.add(p.getName());
            } else if (p.isBlock()) {
                blocks++;
            } else if (p.getDefaultValue() != null) {
                optional++;
            } else {
                required++;
            }
        }
        for (String n : shape.named()) {
            if (!named.contains(n)) return "no named argument '--" + n + "'";
        }
        for (String n : requiredNamed) {
            if (!shape.named().contains(n)) return "the named argument '--" + n + "' is missing";
        }
        if (shape.positional() < required || shape.positional() > required + optional) {
            String expected = optional == 0 ? String.valueOf(required) : required + " to " + (required + optional);
            return "expects " + expected + " argument" + (required + optional == 1 ? "" : "s") + ", got " + shape.positional();
        }
        if (shape.blocks() != blocks) return "expects " + blocks + " block" + (blocks == 1 ? "" : "s") + ", got " + shape.blocks();
        return null;
    }

    public static boolean accepts(EObject candidate, Shape shape, boolean called) {
        if (candidate instanceof Method m) {
            if (m.isSetter()) return false;
            if (!called) return m.getParameters().stream().allMatch(p -> p.getDefaultValue() != null && !p.isBlock())
                    || m.getParameters().isEmpty();
            return mismatch(m, shape) == null;
        }
        if (candidate instanceof Class c && called) {
            List<Method> constructors = Members.constructors(c).stream().filter(k -> k.getName() == null).toList();
            return constructors.isEmpty() || constructors.stream().anyMatch(k -> mismatch(k, shape) == null);
        }
        return true;
    }

    /** The candidate a use of a name refers to: the overload that fits the call, else the first. */
    public static EObject choose(List<EObject> candidates, EObject nameExpression) {
        if (candidates.isEmpty()) return null;
        if (isAssigned(nameExpression)) {
            for (EObject c : candidates) {
                if (c instanceof Method m && m.isSetter()) return c;
            }
        }
        Call call = callOf(nameExpression);
        Shape shape = Shape.of(call);
        for (EObject c : candidates) {
            if (accepts(c, shape, call != null)) return c;
        }
        for (EObject c : candidates) {
            if (!(c instanceof Method m && m.isSetter())) return c;
        }
        return candidates.get(0);
    }
}
