package io.eave.toit.ide;

import io.eave.toit.ide.formatting.Edit;
import io.eave.toit.ide.formatting.ToitFormatter;
import java.util.List;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * {@code textDocument/formatting} and {@code rangeFormatting}: the edits of {@link ToitFormatter}
 * as LSP text edits. The client's tab options do not apply (Toit indents with spaces, two per
 * block). Why a declaration was left as it was goes to the log.
 */
final class Formatting {
    private static final System.Logger LOG = System.getLogger(Formatting.class.getName());

    private Formatting() {
    }

    static List<TextEdit> edits(String text) {
        TextPositions positions = new TextPositions(text);
        return format(text).stream().map(e -> textEdit(positions, e)).toList();
    }

    /**
     * The edits on the whole lines the range touches (a range ending at the start of a line does
     * not touch that line), computed with the whole text around them.
     */
    static List<TextEdit> edits(String text, Range range) {
        TextPositions positions = new TextPositions(text);
        int from = positions.offset(new org.eclipse.lsp4j.Position(range.getStart().getLine(), 0));
        int lastLine = range.getEnd().getLine();
        if (range.getEnd().getCharacter() == 0 && lastLine > range.getStart().getLine()) lastLine--;
        int to = positions.offset(new org.eclipse.lsp4j.Position(lastLine + 1, 0));
        if (lastLine + 1 > positions.position(text.length()).getLine()) to = text.length();
        int end = to;
        return format(text).stream().filter(e -> e.start() >= from && (e.start() < end || e.start() == text.length()) && e.end() <= end)
                .map(e -> textEdit(positions, e)).toList();
    }

    private static List<Edit> format(String text) {
        ToitFormatter.Result result = ToitFormatter.shared().format(text);
        for (String note : result.notes()) LOG.log(System.Logger.Level.INFO, note);
        return result.edits();
    }

    private static TextEdit textEdit(TextPositions positions, Edit e) {
        return new TextEdit(new Range(positions.position(e.start()), positions.position(e.end())), e.text());
    }
}
