package io.eave.toit.validation;

import com.google.inject.Inject;
import io.eave.toit.ast.AstPackage;
import io.eave.toit.ast.Block;
import io.eave.toit.ast.Break;
import io.eave.toit.ast.Call;
import io.eave.toit.ast.Class;
import io.eave.toit.ast.Declaration;
import io.eave.toit.ast.Export;
import io.eave.toit.ast.Expression;
import io.eave.toit.ast.Field;
import io.eave.toit.ast.Identifier;
import io.eave.toit.ast.Import;
import io.eave.toit.ast.IntLiteral;
import io.eave.toit.ast.LocalVariable;
import io.eave.toit.ast.MemberAccess;
import io.eave.toit.ast.Method;
import io.eave.toit.ast.Parameter;
import io.eave.toit.ast.Return;
import io.eave.toit.ast.Sequence;
import io.eave.toit.ast.Unary;
import io.eave.toit.ast.Unit;
import io.eave.toit.parser.LexicalIssue;
import io.eave.toit.parser.ToitTokenSource;
import io.eave.toit.parser.ToitValueConverters;
import io.eave.toit.parser.TokenTypes;
import io.eave.toit.scoping.Members;
import io.eave.toit.scoping.Modules;
import io.eave.toit.typing.Signatures;
import io.eave.toit.typing.ToitTypes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.ComposedChecks;

/** Checks beyond the grammar; every issue carries a code from {@link ToitIssueCodes}. */
@ComposedChecks(validators = {DeclarationValidator.class, StatementValidator.class})
public class ToitValidator extends AbstractDeclarativeValidator {

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    @Inject
    private TokenTypes tokenTypes;

    @Inject
    private IScopeProvider scopes;

    @Override
    protected List<EPackage> getEPackages() {
        return List.of(AstPackage.eINSTANCE);
    }

    // Lexical and layout issues are the resource's own errors and warnings (ToitResource).

    // ---- units and declarations ------------------------------------------------------------

    @Check
    public void importsFirst(Unit unit) {
        if (unit.getDeclarations().isEmpty()) return;
        int first = NodeModelUtils.getNode(unit.getDeclarations().get(0)).getOffset();
        List<EObject> clauses = new ArrayList<>(unit.getImports());
        clauses.addAll(unit.getExports());
        for (EObject clause : clauses) {
            if (NodeModelUtils.getNode(clause).getOffset() > first) {
                error("Imports and exports must come before every declaration", clause, null, ToitIssueCodes.IMPORT_AFTER_DECLARATION);
            }
        }
    }

    @Check
    public void importResolves(Import imp) {
        if (Modules.isLibrary(imp.eResource())) return;
        if (Modules.resolve(imp) == null && !io.eave.toit.scoping.ExternalModules.isExternal(imp)) {
            String dots = imp.getRelative() == null ? "" : imp.getRelative();
            error("Cannot find module '" + dots + String.join(".", imp.getPath()) + "'", imp,
                    AstPackage.Literals.IMPORT__PATH, ToitIssueCodes.UNRESOLVED_IMPORT);
        }
    }

    /** Every name an import shows must be declared by the module. */
    @Check
    public void shownNamesExist(Import imp) {
        if (imp.getShow().isEmpty() || Modules.isLibrary(imp.eResource())) return;
        Unit module = Modules.resolve(imp);
        if (module == null) return;
        for (int i = 0; i < imp.getShow().size(); i++) {
            String name = imp.getShow().get(i);
            if (Modules.exported(module).stream().noneMatch(d -> name.equals(io.eave.toit.scoping.ToitScopeProvider.nameOf(d)))) {
                if (Modules.isPartOfSdkModule(module)) {
                    // Eave's module is a part of the SDK's: the name may be in the rest
                    warning("Eave's module '" + String.join(".", imp.getPath()) + "' declares no '" + name + "'", imp,
                            AstPackage.Literals.IMPORT__SHOW, i, ToitIssueCodes.NOT_IN_LIBRARY);
                } else {
                    error("Module '" + String.join(".", imp.getPath()) + "' has nothing named '" + name + "'", imp,
                            AstPackage.Literals.IMPORT__SHOW, i, ToitIssueCodes.UNRESOLVED_NAME);
                }
            }
        }
    }

    /** {@code .x} and {@code this.x} parameters store into a field of the class. */
    @Check
    public void fieldParameterNamesAField(Parameter parameter) {
        if (!parameter.isFieldParameter() || parameter.getName() == null) return;
        Class type = Members.enclosingClass(parameter);
        boolean found = type != null && Members.hierarchy(type).stream().flatMap(c -> c.getMembers().stream())
                .anyMatch(d -> d instanceof Field f && parameter.getName().equals(f.getName()));
        if (!found) {
            error("No field '" + parameter.getName() + "' to store into", parameter, AstPackage.Literals.PARAMETER__NAME,
                    ToitIssueCodes.UNRESOLVED_NAME);
        }
    }

    @Check
    public void exportsExist(Export export) {
        // exported names are checked against the unit's declarations and imports by name
        Unit unit = (Unit) export.eContainer();
        for (int i = 0; i < export.getNames().size(); i++) {
            String name = export.getNames().get(i);
            boolean known = unit.getDeclarations().stream().anyMatch(d -> name.equals(io.eave.toit.scoping.ToitScopeProvider.nameOf(d)))
                    || unit.getImports().stream().anyMatch(imp -> imp.getShow().contains(name) || name.equals(Modules.prefix(imp))
                            || showsAllOf(imp, name))
                    || io.eave.toit.scoping.ExternalModules.mayProvide(unit, name)
                    || Modules.coreDeclarations(unit.eResource().getResourceSet()).stream()
                            .anyMatch(d -> name.equals(io.eave.toit.scoping.ToitScopeProvider.nameOf(d)));
            if (!known) error("Nothing named '" + name + "' to export", export, AstPackage.Literals.EXPORT__NAMES, i, ToitIssueCodes.UNRESOLVED_NAME);
        }
    }

    /** Whether {@code imp} brings in all of a module (`show *`, a local import) that offers {@code name}. */
    private static boolean showsAllOf(Import imp, String name) {
        if (!Modules.showsAll(imp)) return false;
        Unit imported = Modules.resolve(imp);
        return imported == null
                || Modules.exported(imported).stream().anyMatch(d -> name.equals(io.eave.toit.scoping.ToitScopeProvider.nameOf(d)));
    }

    @Check
    public void uniqueTopLevel(Unit unit) {
        duplicates(unit.getDeclarations());
    }

    @Check
    public void uniqueMembers(Class type) {
        duplicates(type.getMembers());
    }

    /** Two declarations with one name clash unless they are overloads of different shapes. */
    private void duplicates(List<Declaration> declarations) {
        Map<String, Declaration> seen = new HashMap<>();
        for (Declaration d : declarations) {
            String key = shapeKey(d);
            if (key == null) continue;
            Declaration previous = seen.putIfAbsent(key, d);
            if (previous != null) {
                var feature = AstPackage.Literals.DECLARATION__NAME;
                error("'" + key.split(" ")[0] + "' is already declared", d, feature, ToitIssueCodes.DUPLICATE_DECLARATION);
            }
        }
    }

    private static String shapeKey(Declaration d) {
        if (d instanceof Class c) return c.getName() + " class";
        if (d instanceof Field f) return f.getName() + " field";
        if (d instanceof Method m) {
            String name = m.isConstructor() ? "constructor" + (m.getName() == null ? "" : "." + m.getName()) : m.getName();
            if (name == null) return null;
            StringBuilder key = new StringBuilder(name).append(m.isSetter() ? " setter" : " method");
            m.getParameters().stream().filter(p -> !p.isNamed()).forEach(p -> key.append(p.isBlock() ? " [b]" : " p"));
            // a named block parameter `[--unwind]` makes another overload than a named value `--unwind`
            m.getParameters().stream().filter(Parameter::isNamed).map(p -> p.isBlock() ? "[--" + p.getName() + "]" : "--" + p.getName())
                    .sorted().forEach(n -> key.append(" ").append(n));
            return key.toString();
        }
        return null;
    }

    @Check
    public void uniqueParameters(Method method) {
        Map<String, Parameter> seen = new HashMap<>();
        for (Parameter p : method.getParameters()) {
            if (p.getName() != null && !p.getName().equals("_") && seen.putIfAbsent(p.getName(), p) != null) {
                error("Parameter '" + p.getName() + "' is declared twice", p, AstPackage.Literals.PARAMETER__NAME, ToitIssueCodes.DUPLICATE_DECLARATION);
            }
        }
    }

    @Check
    public void uniqueLocals(Sequence sequence) {
        Map<String, LocalVariable> seen = new HashMap<>();
        for (Expression statement : sequence.getStatements()) {
            if (statement instanceof LocalVariable v && seen.putIfAbsent(v.getName(), v) != null) {
                error("'" + v.getName() + "' is already defined in this body", v, AstPackage.Literals.LOCAL_VARIABLE__NAME,
                        ToitIssueCodes.DUPLICATE_DECLARATION);
            }
        }
    }

    @Check
    public void oneReturnType(Method method) {
        ICompositeNode node = NodeModelUtils.getNode(method);
        if (node == null) return;
        int arrows = 0;
        String text = node.getRootNode().getText();   // once: a leaf's own text is a walk to the root and a copy
        ICompositeNode body = method.getBody() == null ? null : NodeModelUtils.getNode(method.getBody());
        int signatureEnd = body == null ? Integer.MAX_VALUE : body.getTotalOffset();   // arrows come before the body
        for (ILeafNode leaf : node.getLeafNodes()) {
            if (leaf.getTotalOffset() >= signatureEnd) break;
            if (leaf.getLength() == 2 && !leaf.isHidden() && text.startsWith("->", leaf.getTotalOffset())
                    && NodeModelUtils.findActualSemanticObjectFor(leaf) == method) {
                if (++arrows == 2) {
                    getMessageAcceptor().acceptError("The return type is given twice", method, leaf.getOffset(), leaf.getLength(),
                            ToitIssueCodes.TWO_RETURN_TYPES);
                }
            }
        }
    }

    // ---- statements ------------------------------------------------------------------------

    /** {@code return value} in a method declared {@code -> none} (lambdas return from themselves). */
    @Check
    public void noValueFromNone(Return ret) {
        if (ret.getValue() == null) return;
        for (EObject e = ret.eContainer(); e != null; e = e.eContainer()) {
            if (e instanceof Block b && b.isLambda()) return;
            if (e instanceof Method m) {
                if (m.getReturnType() != null && "none".equals(typeText(m))) {
                    error("'" + (m.getName() == null ? "constructor" : m.getName()) + "' returns none: it cannot return a value",
                            ret, AstPackage.Literals.RETURN__VALUE, ToitIssueCodes.RETURN_VALUE_FROM_NONE);
                }
                return;
            }
        }
    }

    private static String typeText(Method m) {
        List<INode> nodes = NodeModelUtils.findNodesForFeature(m.getReturnType(), AstPackage.Literals.TYPE_REF__TYPE);
        return nodes.isEmpty() ? null : NodeModelUtils.getTokenText(nodes.get(0));
    }

    @Check
    public void noLabelledBreak(Break b) {
        if (b.getLabel() != null) {
            error("A labelled break is not supported; use 'continue." + b.getLabel() + "' or return", b,
                    AstPackage.Literals.BREAK__LABEL, ToitIssueCodes.LABELLED_BREAK);
        }
    }

    // ---- literals --------------------------------------------------------------------------

    @Check
    public void integerRange(IntLiteral literal) {
        String text = NodeModelUtils.getTokenText(NodeModelUtils.getNode(literal));
        BigInteger value = ToitValueConverters.bigValue(text);
        if (value == null) return;
        boolean decimal = !(text.startsWith("0x") || text.startsWith("0X") || text.startsWith("0b") || text.startsWith("0B"));
        boolean negated = literal.eContainer() instanceof Unary u && "-".equals(u.getOperator());
        if (!decimal && negated && attachedToMinus(literal)) {
            error("A minus cannot be attached to a hexadecimal or binary literal", literal, null, ToitIssueCodes.NEGATED_HEX_LITERAL);
        }
        boolean fits = decimal ? value.compareTo(LONG_MAX) <= 0 || (negated && value.equals(LONG_MAX.add(BigInteger.ONE)))
                : value.compareTo(TWO_TO_64) < 0;
        if (!fits) error("This number does not fit in 64 bits", literal, null, ToitIssueCodes.NUMBER_OUT_OF_RANGE);
    }

    private static boolean attachedToMinus(IntLiteral literal) {
        INode node = NodeModelUtils.getNode(literal);
        INode unary = NodeModelUtils.getNode(literal.eContainer());
        return node != null && unary != null && unary.getOffset() + 1 == node.getOffset();
    }

    /** {@code p.} with the name missing (it parses, so completion and recovery stay simple). */
    @Check
    public void memberNamed(MemberAccess access) {
        if (NodeModelUtils.findNodesForFeature(access, AstPackage.Literals.MEMBER_ACCESS__MEMBER).isEmpty()) {
            INode node = NodeModelUtils.getNode(access);
            int end = node == null ? 0 : node.getOffset() + node.getLength();
            getMessageAcceptor().acceptError("A name is missing after '.'", access, Math.max(0, end - 1), 1,
                    ToitIssueCodes.SYNTAX_ERROR);
        }
    }

    // ---- calls -----------------------------------------------------------------------------

    /** Positional and block counts and named arguments must fit one of the overloads. */
    @Check
    public void argumentsFit(Call call) {
        checkShape(call.getTarget(), Signatures.Shape.of(call), call);
    }

    /** A method named without arguments is called with none: it must accept that. */
    @Check
    public void getterFits(Identifier id) {
        if (Signatures.callOf(id) == null && !Signatures.isAssigned(id) && id.getDeclaration() instanceof Method) {
            checkShape(id, Signatures.Shape.NONE, id);
        }
    }

    @Check
    public void memberGetterFits(MemberAccess access) {
        if (Signatures.callOf(access) == null && !Signatures.isAssigned(access) && access.getMember() instanceof Method) {
            checkShape(access, Signatures.Shape.NONE, access);
        }
    }

    private void checkShape(Expression target, Signatures.Shape shape, EObject reportOn) {
        EObject declaration = ToitTypes.declarationOf(target);
        List<Method> overloads = new ArrayList<>();
        if (declaration instanceof Method m) {
            overloads.addAll(overloads(target, m));
        } else if (declaration instanceof Class c && target != reportOn) {
            overloads.addAll(Members.constructors(c).stream().filter(k -> k.getName() == null).toList());
            if (overloads.isEmpty()) return;   // the default constructor takes nothing, but factories may hide
        } else {
            return;
        }
        if (overloads.stream().anyMatch(m -> Signatures.mismatch(m, shape) == null)) return;
        String why = Signatures.mismatch(overloads.get(0), shape);
        String code = why.startsWith("no named") ? ToitIssueCodes.UNKNOWN_NAMED_ARGUMENT
                : why.contains("is missing") ? ToitIssueCodes.MISSING_NAMED_ARGUMENT : ToitIssueCodes.WRONG_ARGUMENT_COUNT;
        String name = declaration instanceof Method m ? (m.getName() == null ? "constructor" : m.getName()) : ((Class) declaration).getName();
        boolean function = declaration instanceof Method && declaration.eContainer() instanceof io.eave.toit.ast.Unit;
        Class owner = declaration instanceof Method && declaration.eContainer() instanceof Class c
                && !Modules.isLibrary(c.eResource()) ? c : null;
        Class libraryAncestor = owner == null ? null : Members.libraryAncestor(owner);
        if (libraryAncestor != null) {
            // a subclass of a library class: the SDK's class may have the overload that fits
            warning("'" + name + "' " + why + "; the SDK's '" + libraryAncestor.getName()
                    + "' may have an overload that fits (Eave's library has not)", reportOn, null, ToitIssueCodes.NOT_IN_LIBRARY);
            return;
        }
        if (Modules.isLibrary(declaration.eResource()) && !function) {
            // Eave's library classes declare a subset of the SDK's overloads and options: the call
            // may fit the SDK's (top-level functions such as print are declared as the SDK has them)
            warning("'" + name + "' " + why + " in Eave's library", reportOn, null, ToitIssueCodes.NOT_IN_LIBRARY);
            return;
        }
        error("'" + name + "' " + why, reportOn, null, code);
    }

    /** Every method of the same name the reference could have meant. */
    private List<Method> overloads(Expression target, Method linked) {
        EReference ref = target instanceof Identifier ? AstPackage.Literals.IDENTIFIER__DECLARATION : AstPackage.Literals.MEMBER_ACCESS__MEMBER;
        List<Method> result = new ArrayList<>();
        for (var d : scopes.getScope(target, ref).getElements(org.eclipse.xtext.naming.QualifiedName.create(linked.getName() == null ? "" : linked.getName()))) {
            if (d.getEObjectOrProxy() instanceof Method m && !m.isSetter()) result.add(m);
        }
        if (result.isEmpty()) result.add(linked);
        return result;
    }
}
