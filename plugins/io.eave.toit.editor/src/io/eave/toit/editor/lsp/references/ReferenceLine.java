package io.eave.toit.editor.lsp.references;

import org.eclipse.core.resources.IFile;

/** A line holding references: a row of the Search view, under its file. */
public record ReferenceLine(IFile file, int line, int lineOffset, String text) {
    /** {@code 3: greet "you"}, the line number counted from 1. */
    public String label() {
        return (line + 1) + ": " + text.strip();
    }

    /** Where the stripped text of {@link #label()} starts in the line. */
    int indent() {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        return i;
    }
}
