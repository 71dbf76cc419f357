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
import io.eave.toit.ast.Method;
import io.eave.toit.ast.Parameter;
import io.eave.toit.ast.TypeRef;
import io.eave.toit.scoping.Modules;
import io.eave.toit.services.Documentation;
import java.nio.file.Path;
import java.util.ArrayList;
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

    static Target at(ToitFrontEnd frontEnd, String path, String text, int offset, Map<String, String> others) {
        List<ToitFrontEnd.SourceFile> files = new ArrayList<>();
        files.add(new ToitFrontEnd.SourceFile(path, text));
        others.forEach((p, t) -> {
            if (!p.equals(path)) files.add(new ToitFrontEnd.SourceFile(p, t));
        });
        ToitFrontEnd.Result result = frontEnd.analyze(files);
        ICompositeNode root = NodeModelUtils.getNode(result.unit(path));
        if (root == null) return null;
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root.getRootNode(), offset);
        if (leaf == null || leaf.isHidden()) leaf = NodeModelUtils.findLeafNodeAtOffset(root.getRootNode(), Math.max(0, offset - 1));
        if (leaf == null) return null;
        EObject o = NodeModelUtils.findActualSemanticObjectFor(leaf);
        EObject declaration = o instanceof Identifier id ? id.getDeclaration()
                : o instanceof MemberAccess m ? m.getMember()
                : o instanceof TypeRef t ? t.getType() : null;
        return declaration == null || declaration.eIsProxy() ? null : new Target(declaration, result);
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

    private static INode nameNode(EObject declaration) {
        var feature = declaration instanceof Parameter ? AstPackage.Literals.PARAMETER__NAME
                : declaration instanceof LocalVariable ? AstPackage.Literals.LOCAL_VARIABLE__NAME
                : AstPackage.Literals.DECLARATION__NAME;
        if (feature.getEContainingClass().isInstance(declaration)) {
            List<INode> nodes = NodeModelUtils.findNodesForFeature(declaration, feature);
            if (!nodes.isEmpty()) return nodes.get(0);
        }
        return NodeModelUtils.getNode(declaration);
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
