package io.eave.toit.validation;

import io.eave.toit.ast.Assignment;
import io.eave.toit.ast.AstPackage;
import io.eave.toit.ast.Block;
import io.eave.toit.ast.Class;
import io.eave.toit.ast.ClassKind;
import io.eave.toit.ast.Field;
import io.eave.toit.ast.For;
import io.eave.toit.ast.LocalVariable;
import io.eave.toit.ast.Method;
import io.eave.toit.ast.Parameter;
import io.eave.toit.ast.Return;
import io.eave.toit.ast.Sequence;
import io.eave.toit.ast.Unit;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;

/** Rules about declarations the grammar accepts but Toit does not: bodies, initializers, parameters, class headers. */
public class DeclarationValidator extends AbstractDeclarativeValidator {

    /** Lambdas take at most this many parameters (the VM's lambda calls have fixed arities). */
    static final int MAX_LAMBDA_PARAMETERS = 4;

    @Override
    protected List<EPackage> getEPackages() {
        return List.of(AstPackage.eINSTANCE);
    }

    @Override
    public void register(org.eclipse.xtext.validation.EValidatorRegistrar registrar) {
        // composed into ToitValidator, not registered on its own
    }

    /** Names the reference reserves for the future: a warning when code declares them. */
    static final java.util.Set<String> FUTURE_KEYWORDS = java.util.Set.of("throw", "rethrow", "catch", "switch", "enum",
            "interface", "mixin");

    @Check
    public void reservedNames(EObject declaration) {
        org.eclipse.emf.ecore.EStructuralFeature feature = declaration instanceof io.eave.toit.ast.Declaration
                ? AstPackage.Literals.DECLARATION__NAME
                : declaration instanceof Parameter ? AstPackage.Literals.PARAMETER__NAME
                : declaration instanceof LocalVariable ? AstPackage.Literals.LOCAL_VARIABLE__NAME : null;
        if (feature == null || !(declaration.eGet(feature) instanceof String name)) return;
        if (name.equals("_") && !(declaration instanceof Parameter)) {   // `| _ value |` ignores an argument
            error("'_' cannot be declared", declaration, feature, ToitIssueCodes.RESERVED_NAME);
        } else if (FUTURE_KEYWORDS.contains(name)
                // the SDK's core declares `throw`, `catch` ... itself; Toit compiles it without a warning
                && !io.eave.toit.scoping.SdkSources.isCoreFile(declaration.eResource())) {
            warning("'" + name + "' will be reserved: choose another name", declaration, feature, ToitIssueCodes.RESERVED_NAME);
        }
    }

    @Check
    public void bodies(Method method) {
        boolean inInterface = method.eContainer() instanceof Class c && c.getKind() == ClassKind.INTERFACE;
        if (method.isAbstract() && method.isHasBody()) {
            error("An abstract method has no body", method, AstPackage.Literals.DECLARATION__ABSTRACT, ToitIssueCodes.MISSING_BODY);
        } else if (!method.isAbstract() && !method.isHasBody() && !inInterface) {
            error("The body is missing: end the signature with ':'", method, nameFeature(method), ToitIssueCodes.MISSING_BODY);
        }
        if (method.isAbstract() && method.eContainer() instanceof Class c && !c.isAbstract() && c.getKind() != ClassKind.INTERFACE
                && c.getKind() != ClassKind.MIXIN) {
            error("Only an abstract class may have abstract methods", method, AstPackage.Literals.DECLARATION__ABSTRACT,
                    ToitIssueCodes.ABSTRACT_MEMBER_IN_CONCRETE_CLASS);
        }
    }

    private static org.eclipse.emf.ecore.EStructuralFeature nameFeature(Method method) {
        return method.getName() != null ? AstPackage.Literals.DECLARATION__NAME
                : method.isConstructor() ? AstPackage.Literals.METHOD__CONSTRUCTOR : null;
    }

    @Check
    public void globalsHaveInitializers(Field field) {
        if (field.eContainer() instanceof Unit && field.getInitializer() == null && !field.isDeferred()) {
            error("A global needs a value: write ':=' or '::='", field, AstPackage.Literals.DECLARATION__NAME,
                    ToitIssueCodes.MISSING_INITIALIZER);
        }
    }

    /** Once a positional parameter has a default, the positional ones after it need one too. */
    @Check
    public void defaultsLast(Method method) {
        boolean defaulted = false;
        for (Parameter p : method.getParameters()) {
            if (p.isNamed() || p.isBlock()) continue;
            if (p.getDefaultValue() != null) {
                defaulted = true;
            } else if (defaulted) {
                error("After a parameter with a default value, '" + p.getName() + "' needs one too", p,
                        AstPackage.Literals.PARAMETER__NAME, ToitIssueCodes.PARAMETER_ORDER);
            }
        }
        for (Parameter p : method.getParameters()) {
            if (p.isBlock() && p.getDefaultValue() != null) {
                error("A block parameter cannot have a default value", p, AstPackage.Literals.PARAMETER__DEFAULT_VALUE,
                        ToitIssueCodes.PARAMETER_ORDER);
            }
        }
    }

    @Check
    public void lambdaArity(Block block) {
        if (block.isLambda() && block.getParameters().size() > MAX_LAMBDA_PARAMETERS) {
            error("A lambda takes at most " + MAX_LAMBDA_PARAMETERS + " parameters", block.getParameters().get(MAX_LAMBDA_PARAMETERS),
                    AstPackage.Literals.PARAMETER__NAME, ToitIssueCodes.TOO_MANY_PARAMETERS);
        }
    }

    @Check
    public void classHeader(Class type) {
        if (type.isAbstract() && (type.getKind() == ClassKind.INTERFACE || type.getKind() == ClassKind.MONITOR)) {
            error("An " + (type.getKind() == ClassKind.INTERFACE ? "interface" : "monitor") + " cannot be abstract", type,
                    AstPackage.Literals.DECLARATION__ABSTRACT, ToitIssueCodes.BAD_CLASS_HEADER);
        }
        if (!type.getMixins().isEmpty() && type.getSuperclass() == null) {
            error("Mixins need an extends clause", type, AstPackage.Literals.CLASS__MIXINS, 0, ToitIssueCodes.BAD_CLASS_HEADER);
        }
    }

    /**
     * Plain {@code =} is a statement: allowed as a statement, a for update, a return value, an
     * initializer or the value of another assignment; not inside an argument or operand.
     */
    @Check
    public void assignmentPlacement(Assignment assignment) {
        if (!"=".equals(assignment.getOperator())) return;
        EObject parent = assignment.eContainer();
        boolean allowed = parent instanceof Sequence || parent instanceof Return || parent instanceof Field
                || parent instanceof LocalVariable || (parent instanceof Assignment a && a.getValue() == assignment)
                || (parent instanceof For f && f.getUpdate() == assignment);
        if (!allowed) {
            error("An assignment is not allowed here; assign in its own statement", assignment, null,
                    ToitIssueCodes.MISPLACED_ASSIGNMENT);
        }
    }
}
