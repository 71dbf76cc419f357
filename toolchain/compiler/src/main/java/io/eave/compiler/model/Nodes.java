package io.eave.compiler.model;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/** Source text and positions of AST nodes, from Xtext's node model. */
public final class Nodes {
    private Nodes() {}

    /** The text written for a feature of a node (e.g. the name of a cross-reference). */
    public static String text(EObject node, EStructuralFeature feature) {
        List<INode> nodes = NodeModelUtils.findNodesForFeature(node, feature);
        if (nodes.isEmpty()) {
            return null;
        }
        return NodeModelUtils.getTokenText(nodes.get(0)).strip();
    }

    /** The whole text of a node. */
    public static String text(EObject node) {
        ICompositeNode n = NodeModelUtils.getNode(node);
        return n == null ? "" : NodeModelUtils.getTokenText(n).strip();
    }

    /** 1-based line where the node starts, or 0 when it has no source (synthetic). */
    public static int line(EObject node) {
        INode n = node == null ? null : NodeModelUtils.getNode(node);
        return n == null ? 0 : n.getStartLine();
    }

    /** 1-based line where the node ends. */
    public static int endLine(EObject node) {
        INode n = node == null ? null : NodeModelUtils.getNode(node);
        return n == null ? 0 : n.getEndLine();
    }

    /** 1-based column where the node starts. */
    public static int column(EObject node, String text) {
        INode n = node == null ? null : NodeModelUtils.getNode(node);
        if (n == null) {
            return 0;
        }
        int offset = n.getOffset();
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        return offset - lineStart + 1;
    }

    public static int offset(EObject node) {
        INode n = node == null ? null : NodeModelUtils.getNode(node);
        return n == null ? 0 : n.getOffset();
    }

    public static int length(EObject node) {
        INode n = node == null ? null : NodeModelUtils.getNode(node);
        return n == null ? 0 : n.getLength();
    }
}
