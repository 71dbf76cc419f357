package io.eave.toit.services;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/** The doc comment of a declaration: the {@code ///} lines or the {@code /** ... *}{@code /} right before it. */
public final class Documentation {
    private Documentation() {
    }

    /** The text of the doc comment before {@code declaration}, markers removed; null without one. */
    public static String of(EObject declaration) {
        ICompositeNode node = NodeModelUtils.getNode(declaration);
        if (node == null) return null;
        List<ILeafNode> before = hiddenLeavesBefore(node);
        if (before == null) return null;
        List<String> lines = new ArrayList<>();
        int breaks = 0;   // line breaks since the last comment
        for (ILeafNode leaf : before) {
            String text = leaf.getText();
            if (isComment(leaf)) breaks = 0;
            if (text.startsWith("///")) {
                lines.add(text.substring(3).strip());
            } else if (text.startsWith("/**") && !text.equals("/**/")) {
                lines.clear();
                for (String line : text.substring(3, text.length() - 2).split("\\R")) lines.add(line.strip());
            } else if (text.startsWith("//") || text.startsWith("/*")) {
                lines.clear();
            } else {
                breaks += (int) text.chars().filter(c -> c == '\n').count();
                if (breaks > 1) lines.clear();   // a blank line separates a comment from what follows
            }
        }
        String result = String.join("\n", lines).strip();
        return result.isEmpty() ? null : result;
    }

    /**
     * The hidden leaves (spaces, line breaks, comments) between the previous token and the
     * node's first token, in order; null when nothing precedes the node. Walks backwards from the
     * node, so completion, which documents hundreds of declarations, never scans whole files.
     */
    private static List<ILeafNode> hiddenLeavesBefore(ICompositeNode node) {
        int start = node.getOffset();   // the first token, after any hidden text the node owns
        List<ILeafNode> own = new ArrayList<>();
        for (ILeafNode leaf : node.getLeafNodes()) {
            if (leaf.getTotalOffset() >= start) break;
            own.add(leaf);
        }
        List<ILeafNode> reversed = new ArrayList<>();
        ILeafNode leaf = previousLeaf(node);
        if (leaf == null && own.isEmpty()) return null;
        for (; leaf != null && leaf.isHidden(); leaf = previousLeaf(leaf)) reversed.add(leaf);
        List<ILeafNode> result = new ArrayList<>(reversed.reversed());
        result.addAll(own);
        return result;
    }

    /** The last leaf before {@code node} in the whole tree, or null. */
    private static ILeafNode previousLeaf(INode node) {
        for (INode n = node; n != null; n = n.getParent()) {
            for (INode sibling = n.hasPreviousSibling() ? n.getPreviousSibling() : null; sibling != null;
                    sibling = sibling.hasPreviousSibling() ? sibling.getPreviousSibling() : null) {
                ILeafNode last = lastLeaf(sibling);
                if (last != null) return last;
            }
        }
        return null;
    }

    private static ILeafNode lastLeaf(INode node) {
        if (node instanceof ILeafNode leaf) return leaf;
        ICompositeNode composite = (ICompositeNode) node;
        for (INode child = composite.getLastChild(); child != null; child = child.hasPreviousSibling() ? child.getPreviousSibling() : null) {
            ILeafNode last = lastLeaf(child);
            if (last != null) return last;
        }
        return null;
    }

    static boolean isComment(INode leaf) {
        return leaf.getText().startsWith("//") || leaf.getText().startsWith("/*");
    }
}
