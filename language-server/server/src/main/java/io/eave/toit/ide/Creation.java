package io.eave.toit.ide;

import io.eave.toit.ToitFrontEnd;
import io.eave.toit.ast.AstPackage;
import io.eave.toit.ast.Block;
import io.eave.toit.ast.Call;
import io.eave.toit.ast.Class;
import io.eave.toit.ast.Expression;
import io.eave.toit.ast.Identifier;
import io.eave.toit.ast.MemberAccess;
import io.eave.toit.ast.NamedArgument;
import io.eave.toit.ast.Unit;
import io.eave.toit.scoping.Members;
import io.eave.toit.scoping.Modules;
import io.eave.toit.typing.Signatures;
import io.eave.toit.typing.ToitTypes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Quick fixes that declare what a call names but nothing declares: a method in the class of the
 * receiver (or of the code calling it), or a top-level function; parameters after the call's
 * arguments, a body that throws until it is written.
 */
final class Creation {
    private static final String BODY = "throw \"UNIMPLEMENTED\"";

    private Creation() {
    }

    static void missing(ToitFrontEnd.Result result, String path, int offset, Diagnostic d, Function<String, String> uriOf,
            List<CodeAction> actions) {
        EObject o = QuickFixes.objectAt(result, path, offset);
        if (o instanceof MemberAccess m && !Signatures.isAssigned(m)) {
            INode name = References.lastName(m, AstPackage.Literals.MEMBER_ACCESS__MEMBER);
            Class type = ToitTypes.typeOf(m.getReceiver());
            if (name != null && editable(type)) actions.add(inClass(type, name.getText(), Signatures.callOf(m), d, uriOf));
        } else if (o instanceof Identifier id && !Signatures.isAssigned(id)) {
            INode name = References.lastName(id, AstPackage.Literals.IDENTIFIER__DECLARATION);
            if (name == null || Character.isUpperCase(name.getText().charAt(0))) return;   // a class, not a function
            Call call = Signatures.callOf(id);
            Class holder = Members.enclosingClass(id);
            if (editable(holder)) actions.add(inClass(holder, name.getText(), call, d, uriOf));
            actions.add(function(result.unit(path), path, name.getText(), call, d, uriOf));
        }
    }

    private static boolean editable(Class c) {
        return c != null && c.eResource() != null && !Modules.isLibrary(c.eResource()) && c.eResource().getURI().isFile();
    }

    private static CodeAction inClass(Class type, String name, Call call, Diagnostic d, Function<String, String> uriOf) {
        Unit unit = (Unit) org.eclipse.xtext.EcoreUtil2.getRootContainer(type);
        String text = References.text(unit);
        TextPositions positions = new TextPositions(text);
        int end = Symbols.contentEnd(NodeModelUtils.getNode(type));
        String indent = "  ";
        if (!type.getMembers().isEmpty()) {
            int first = NodeModelUtils.getNode(type.getMembers().get(0)).getOffset();
            indent = " ".repeat(positions.position(first).getCharacter());
        }
        String method = "\n" + indent + signature(name, call) + ":\n" + indent + "  " + BODY;
        String path = type.eResource().getURI().toFileString();
        return edit("Create method '" + name + "' in class " + type.getName(), d, uriOf.apply(path),
                new TextEdit(new Range(positions.position(end), positions.position(end)), method));
    }

    private static CodeAction function(Unit unit, String path, String name, Call call, Diagnostic d, Function<String, String> uriOf) {
        String text = References.text(unit);
        TextPositions positions = new TextPositions(text);
        String function = (text.endsWith("\n") ? "\n" : "\n\n") + signature(name, call) + ":\n  " + BODY + "\n";
        return edit("Create function '" + name + "'", d, uriOf.apply(path),
                new TextEdit(new Range(positions.position(text.length()), positions.position(text.length())), function));
    }

    /** {@code name} and parameters after the call's arguments: positional names from the arguments where they are names. */
    private static String signature(String name, Call call) {
        StringBuilder s = new StringBuilder(name);
        if (call == null) return s.toString();
        Set<String> used = new LinkedHashSet<>();
        int blocks = 0;
        int positional = 0;
        for (Expression a : call.getArguments()) {
            if (a instanceof NamedArgument n) {
                s.append(" --").append(n.getName());
            } else if (a instanceof Block b && !b.isLambda()) {
                s.append(" [").append(++blocks == 1 ? "block" : "block" + blocks).append(']');
            } else {
                positional++;
                // a local passed along names the parameter; anything else is argN
                String candidate = a instanceof Identifier id && id.getDeclaration() != null && !id.getDeclaration().eIsProxy()
                        ? NodeModelUtils.getTokenText(NodeModelUtils.getNode(id)) : null;
                if (candidate == null || !used.add(candidate)) {
                    candidate = "arg" + positional;
                    used.add(candidate);
                }
                s.append(' ').append(candidate);
            }
        }
        return s.toString();
    }

    private static CodeAction edit(String title, Diagnostic d, String uri, TextEdit edit) {
        CodeAction action = QuickFixes.action(title, d, uri, edit);
        action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(edit))));
        return action;
    }
}
