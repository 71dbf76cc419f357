package io.eave.toit.ide;

import io.eave.toit.ToitFrontEnd;
import io.eave.toit.ast.AstPackage;
import io.eave.toit.ast.Block;
import io.eave.toit.ast.Call;
import io.eave.toit.ast.Class;
import io.eave.toit.ast.Expression;
import io.eave.toit.ast.Identifier;
import io.eave.toit.ast.MemberAccess;
import io.eave.toit.ast.Method;
import io.eave.toit.ast.NamedArgument;
import io.eave.toit.ast.Parameter;
import io.eave.toit.ast.Unit;
import io.eave.toit.scoping.Members;
import io.eave.toit.services.Documentation;
import io.eave.toit.typing.Signatures;
import io.eave.toit.typing.ToitTypes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.lsp4j.jsonrpc.messages.Tuple;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScopeProvider;

/**
 * Signature help: the call whose arguments the cursor is among (Toit calls are juxtaposition:
 * {@code foo a b --x=1}, on the line of the name), the overloads it could mean, and the parameter
 * being written: the positional argument under the cursor, or the {@code --name} just typed.
 */
final class CallSignatures {
    private CallSignatures() {
    }

    static SignatureHelp at(ToitFrontEnd frontEnd, ToitFrontEnd.Result result, String path, String text, int offset) {
        Unit unit = result.unit(path);
        INode root = NodeModelUtils.getNode(unit);
        int before = offset;
        while (before > 0 && (text.charAt(before - 1) == ' ' || text.charAt(before - 1) == '\t')) before--;
        if (root == null || before == 0 || text.charAt(before - 1) == '\n') return null;
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root.getRootNode(), before - 1);
        if (leaf == null) return null;
        EObject o = NodeModelUtils.findActualSemanticObjectFor(leaf);
        EObject target = null;
        List<Expression> arguments = List.of();
        if (before < offset && isMethodName(o) && openingParenthesisBefore(text, o)) target = o;   // `foo (bar |)`
        for (EObject e = o; target == null && e != null && !(e instanceof Block) && !(e instanceof Method); e = e.eContainer()) {
            if (e instanceof Call c && ToitTypes.declarationOf(c.getTarget()) != null && sameLine(text, c.getTarget(), offset)) {
                target = c.getTarget();
                arguments = c.getArguments();
                break;
            }
        }
        // a name alone, followed by a space: the call is being started
        if (target == null && (o instanceof Identifier || o instanceof MemberAccess) && before < offset
                && ToitTypes.declarationOf(o) != null) {
            target = o;
        }
        if (target == null) return null;
        List<Method> candidates = candidates(target, frontEnd.injector().getInstance(IScopeProvider.class));
        if (candidates.isEmpty()) return null;

        int positional = 0;
        String named = null;
        for (Expression a : arguments) {
            INode node = NodeModelUtils.getNode(a);
            boolean finished = Symbols.contentEnd(node) < offset;   // a space after it: the next one is being written
            if (node.getOffset() >= offset) break;
            if (a instanceof NamedArgument n) {
                named = finished && before < offset ? null : n.getName();   // `--port=1 |` moves on
            } else if (!(a instanceof Block)) {
                named = null;
                if (finished) positional++;
            }
        }

        List<SignatureInformation> signatures = new ArrayList<>();
        int active = 0;
        EObject linked = ToitTypes.declarationOf(target);
        for (Method m : candidates) {
            if (m == linked) active = signatures.size();
            signatures.add(signature(m, positional, named));
        }
        return new SignatureHelp(signatures, active, signatures.get(active).getActiveParameter());
    }

    /** The methods a call of {@code target} could mean: its overloads, or the class's unnamed constructors. */
    static List<Method> candidates(EObject target, IScopeProvider scopes) {
        EObject declaration = ToitTypes.declarationOf(target);
        List<Method> methods = new ArrayList<>();
        if (declaration instanceof Class c) {
            Members.constructors(c).stream().filter(k -> k.getName() == null).forEach(methods::add);
        } else if (declaration instanceof Method m && m.getName() != null) {
            EReference ref = target instanceof MemberAccess ? AstPackage.Literals.MEMBER_ACCESS__MEMBER
                    : AstPackage.Literals.IDENTIFIER__DECLARATION;
            for (IEObjectDescription d : scopes.getScope(target, ref).getElements(QualifiedName.create(m.getName()))) {
                if (d.getEObjectOrProxy() instanceof Method overload && !overload.isSetter() && !methods.contains(overload)) {
                    methods.add(overload);
                }
            }
            if (methods.isEmpty()) methods.add(m);
        }
        return methods;
    }

    private static SignatureInformation signature(Method m, int positional, String named) {
        StringBuilder label = new StringBuilder(m.isConstructor() ? Members.enclosingClass(m).getName() : m.getName());
        List<ParameterInformation> parameters = new ArrayList<>();
        int active = -1;
        int index = 0;
        for (Parameter p : m.getParameters()) {
            label.append(' ');
            int start = label.length();
            label.append(NodeModelUtils.getTokenText(NodeModelUtils.getNode(p)));
            ParameterInformation info = new ParameterInformation();
            info.setLabel(Tuple.two(start, label.length()));
            if (named != null ? p.isNamed() && named.equals(p.getName())
                    : !p.isNamed() && !p.isBlock() && index++ == positional && active < 0) {
                active = parameters.size();
            }
            parameters.add(info);
        }
        if (m.getReturnType() != null) label.append(" -> ").append(NodeModelUtils.getTokenText(NodeModelUtils.getNode(m.getReturnType())));
        SignatureInformation signature = new SignatureInformation(label.toString());
        signature.setParameters(parameters);
        signature.setActiveParameter(active < 0 ? null : active);
        String doc = Documentation.of(m);
        if (doc != null) signature.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, doc));
        return signature;
    }

    private static boolean isMethodName(EObject o) {
        return (o instanceof Identifier || o instanceof MemberAccess) && ToitTypes.declarationOf(o) instanceof Method m
                && !m.getParameters().isEmpty() && Signatures.callOf(o) == null;
    }

    /** Whether {@code (} comes right before the expression (spaces aside): it starts its own call. */
    private static boolean openingParenthesisBefore(String text, EObject o) {
        int i = NodeModelUtils.getNode(o).getOffset();
        while (i > 0 && text.charAt(i - 1) == ' ') i--;
        return i > 0 && text.charAt(i - 1) == '(';
    }

    /** Whether the call's name is on the cursor's line (continuation lines are not followed). */
    private static boolean sameLine(String text, EObject target, int offset) {
        int start = NodeModelUtils.getNode(target).getOffset();
        return start <= offset && text.substring(start, offset).indexOf('\n') < 0;
    }
}
