package io.eave.toit.editor.lsp.folding;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.lsp4j.FoldingRange;

/**
 * Folding ranges (start and end line) as the positions Eclipse folds: from the start of the
 * first line to the end of the last, its line delimiter included, so a folded method shows only
 * its first line. Ranges of a single line fold nothing and are dropped.
 */
public final class FoldingRegions {
    private FoldingRegions() {
    }

    public static List<Position> of(IDocument document, List<FoldingRange> ranges) {
        List<Position> positions = new ArrayList<>();
        for (FoldingRange r : ranges) {
            if (r.getEndLine() <= r.getStartLine() || r.getEndLine() >= document.getNumberOfLines()) continue;
            try {
                int start = document.getLineOffset(r.getStartLine());
                int end = document.getLineOffset(r.getEndLine()) + document.getLineLength(r.getEndLine());
                positions.add(new Position(start, end - start));
            } catch (BadLocationException e) {
                // the text changed under the answer
            }
        }
        return positions;
    }
}
