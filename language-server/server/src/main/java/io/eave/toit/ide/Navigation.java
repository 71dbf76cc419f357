package io.eave.toit.ide;

import io.eave.toit.ToitFrontEnd;
import io.eave.toit.ast.AstPackage;
import io.eave.toit.ast.Block;
import io.eave.toit.ast.Class;
import io.eave.toit.ast.Field;
import io.eave.toit.ast.Identifier;
import io.eave.toit.ast.Import;
import io.eave.toit.ast.LocalVariable;
import io.eave.toit.ast.MemberAccess;
import io.eave.toit.ast.NamedArgument;
import io.eave.toit.ast.Method;
import io.eave.toit.ast.Parameter;
import io.eave.toit.ast.TypeRef;
import io.eave.toit.scoping.Modules;
import io.eave.toit.services.Documentation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/** What the name under the cursor refers to: its declaration's place (definition) and description (hover). */
final class Navigation {
    private Navigation() {
    }

    /** The declaration referred to at {@code offset} in {@code path}, with the analysis it came from. */
    record Target(EObject declaration, ToitFrontEnd.Result result) {
    }

    static Target at(ToitFrontEnd.Result result, String path, int offset) {
        EObject declaration = declarationAt(result.unit(path), offset);
        return declaration == null ? null : new Target(declaration, result);
    }

    /**
     * The declaration named at {@code offset}: what a reference there links to, the parameter a
     * {@code --name} argument sets, or the declaration whose own name is there (a {@code .x}
     * parameter names its field).
     */
    static EObject declarationAt(io.eave.toit.ast.Unit unit, int offset) {
        ICompositeNode root = NodeModelUtils.getNode(unit);
        if (root == null) return null;
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root.getRootNode(), offset);
        if (leaf == null || leaf.isHidden()) leaf = NodeModelUtils.findLeafNodeAtOffset(root.getRootNode(), Math.max(0, offset - 1));
        if (leaf == null) return null;
        EObject o = NodeModelUtils.findActualSemanticObjectFor(leaf);
        EObject declaration = o instanceof Identifier id ? id.getDeclaration()
                : o instanceof MemberAccess m ? m.getMember()
                : o instanceof TypeRef t ? t.getType()
                : o instanceof NamedArgument n && within(leaf, References.nameNode(n)) ? References.namedParameters(n).stream().findFirst().orElse(null)
                : o instanceof Parameter p && p.isFieldParameter() && within(leaf, nameNode(p)) ? References.fieldOf(p)
                : isNamed(o) && within(leaf, nameNode(o)) ? o : null;
        return declaration == null || declaration.eIsProxy() ? null : declaration;
    }

    private static boolean isNamed(EObject o) {
        return o instanceof io.eave.toit.ast.Declaration || o instanceof Parameter || o instanceof LocalVariable
                || o instanceof Import i && i.getPrefix() != null;
    }

    private static boolean within(INode leaf, INode node) {
        return node != null && leaf.getOffset() >= node.getOffset() && leaf.getEndOffset() <= node.getEndOffset();
    }

    /** Where the declaration's name is, or null for the library (which has no file). */
    static Location location(EObject declaration, Map<String, String> texts) {
        Resource resource = declaration.eResource();
        if (resource == null || Modules.isLibrary(resource) || !resource.getURI().isFile()) return null;
        INode node = nameNode(declaration);
        String path = resource.getURI().toFileString();
        String text = texts.getOrDefault(path, NodeModelUtils.getNode(declaration).getRootNode().getText());
        TextPositions positions = new TextPositions(text);
        Range range = new Range(positions.position(node.getOffset()), positions.position(node.getOffset() + node.getLength()));
        return new Location(Path.of(path).toUri().toString(), range);
    }

    /**
     * The node of a declaration's own name: its name, an import's {@code as} prefix, the
     * {@code constructor} keyword of an unnamed constructor; the whole node otherwise.
     */
    static INode nameNode(EObject declaration) {
        var feature = declaration instanceof Parameter ? AstPackage.Literals.PARAMETER__NAME
                : declaration instanceof LocalVariable ? AstPackage.Literals.LOCAL_VARIABLE__NAME
                : declaration instanceof Import ? AstPackage.Literals.IMPORT__PREFIX
                : AstPackage.Literals.DECLARATION__NAME;
        if (feature.getEContainingClass().isInstance(declaration)) {
            List<INode> nodes = NodeModelUtils.findNodesForFeature(declaration, feature);
            if (!nodes.isEmpty()) return nodes.get(0);
        }
        INode node = NodeModelUtils.getNode(declaration);
        if (declaration instanceof Method m && m.isConstructor() && node != null) {
            for (ILeafNode leaf : node.getLeafNodes()) {
                if (!leaf.isHidden() && leaf.getText().equals("constructor")) return leaf;
            }
        }
        return node;
    }

    /** A Markdown description: the declaration's signature, then its doc comment. */
    static MarkupContent describe(EObject declaration) {
        String source = NodeModelUtils.getTokenText(NodeModelUtils.getNode(declaration));
        String signature = switch (declaration) {
            case Method m -> source.split(":(\\s|$)", 2)[0].strip();
            case Field f -> source.split(":=|::=", 2)[0].strip() + (f.isFinal() ? " ::=" : " :=");
            case Class c -> source.split(":(\\s|$)", 2)[0].strip();
            case Import i -> "import " + String.join(".", i.getPath());
            case Block b -> "it (the block's parameter)";
            default -> source.split(":=|::=", 2)[0].strip();
        };
        StringBuilder md = new StringBuilder("```toit\n").append(signature).append("\n```");
        String doc = Documentation.of(declaration);
        if (doc != null) md.append("\n\n").append(doc);
        return new MarkupContent(MarkupKind.MARKDOWN, md.toString());
    }
}
