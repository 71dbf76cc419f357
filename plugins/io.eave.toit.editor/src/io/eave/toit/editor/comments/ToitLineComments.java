package io.eave.toit.editor.comments;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;

/**
 * Comments out or uncomments whole lines with {@code //}. When every non-blank selected line is
 * already a comment, the comment markers are removed; otherwise {@code // } is inserted at the
 * smallest indentation of the selection, so the indentation structure is kept.
 */
public final class ToitLineComments {

    private static final String MARKER = "//";

    private ToitLineComments() {
    }

    /**
     * Toggles the lines touched by the selection {@code [offset, offset + length)}. A selection
     * that ends at the very start of a line does not include that line.
     */
    public static void toggle(IDocument document, int offset, int length) throws BadLocationException {
        int firstLine = document.getLineOfOffset(offset);
        int lastLine = document.getLineOfOffset(offset + length);
        if (length > 0 && lastLine > firstLine && document.getLineOffset(lastLine) == offset + length) lastLine--;

        boolean allCommented = true;
        boolean anyCode = false;
        int minIndent = Integer.MAX_VALUE;
        for (int line = firstLine; line <= lastLine; line++) {
            String text = lineText(document, line);
            int indent = indentation(text);
            if (indent == text.length()) continue;   // blank lines are left alone
            anyCode = true;
            minIndent = Math.min(minIndent, indent);
            allCommented &= text.startsWith(MARKER, indent);
        }
        if (!anyCode) return;

        // bottom-up, so that earlier offsets stay valid
        for (int line = lastLine; line >= firstLine; line--) {
            String text = lineText(document, line);
            int indent = indentation(text);
            if (indent == text.length()) continue;
            int lineOffset = document.getLineOffset(line);
            if (allCommented) {
                int remove = MARKER.length() + (text.startsWith(" ", indent + MARKER.length()) ? 1 : 0);
                document.replace(lineOffset + indent, remove, "");
            } else {
                document.replace(lineOffset + minIndent, 0, MARKER + " ");
            }
        }
    }

    private static String lineText(IDocument document, int line) throws BadLocationException {
        IRegion region = document.getLineInformation(line);
        return document.get(region.getOffset(), region.getLength());
    }

    private static int indentation(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
        return i;
    }
}
