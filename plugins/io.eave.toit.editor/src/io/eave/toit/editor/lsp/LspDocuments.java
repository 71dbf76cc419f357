package io.eave.toit.editor.lsp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * LSP positions (line, UTF-16 character) and document offsets, and text edits applied to a
 * document. Eclipse documents count UTF-16 chars too, so a position is the line's offset plus
 * its character.
 */
public final class LspDocuments {
    private LspDocuments() {
    }

    /** The offset of a position, or -1 when it is outside the document. */
    public static int offset(IDocument document, Position position) {
        try {
            int line = document.getLineOffset(position.getLine());
            int length = document.getLineLength(position.getLine());
            return line + Math.min(position.getCharacter(), length);
        } catch (BadLocationException e) {
            return position.getLine() == document.getNumberOfLines() && position.getCharacter() == 0 ? document.getLength() : -1;
        }
    }

    public static Position position(IDocument document, int offset) throws BadLocationException {
        int line = document.getLineOfOffset(offset);
        return new Position(line, offset - document.getLineOffset(line));
    }

    /** The region of a range, or null when it is outside the document. */
    public static IRegion region(IDocument document, Range range) {
        int start = offset(document, range.getStart());
        int end = offset(document, range.getEnd());
        return start < 0 || end < start ? null : new Region(start, end - start);
    }

    /** Applies edits computed on this text: the last first, so earlier offsets stay right. */
    public static void apply(IDocument document, List<? extends TextEdit> edits) throws BadLocationException {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine())
                .thenComparing(e -> e.getRange().getStart().getCharacter()).reversed());
        List<IRegion> regions = new ArrayList<>();
        for (TextEdit e : sorted) {
            IRegion r = region(document, e.getRange());
            if (r == null) throw new BadLocationException("edit outside the document: " + e.getRange());
            regions.add(r);
        }
        for (int i = 0; i < sorted.size(); i++) {
            document.replace(regions.get(i).getOffset(), regions.get(i).getLength(), sorted.get(i).getNewText());
        }
    }
}
