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
        int start = node.getOffset();   // the first token, after any hidden text the node owns
        List<String> lines = new ArrayList<>();
        ILeafNode previous = null;
        int breaks = 0;   // line breaks since the last comment
        for (ILeafNode leaf : node.getRootNode().getLeafNodes()) {
            if (leaf.getTotalOffset() >= start) break;
            previous = leaf;
            if (!leaf.isHidden()) {
                lines.clear();
                continue;
            }
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
        return result.isEmpty() || previous == null ? null : result;
    }

    static boolean isComment(INode leaf) {
        return leaf.getText().startsWith("//") || leaf.getText().startsWith("/*");
    }
}
