package io.eave.toit.editor.lsp.references;

import org.eclipse.core.resources.IFile;

/** A line holding references: what the Search view lists, one row per line. */
public record ReferenceLine(IFile file, int line, String text) {
    /** {@code main.toit:3: greet "you"}, the line number counted from 1. */
    public String label() {
        return file.getName() + ":" + (line + 1) + ": " + text.strip();
    }
}
