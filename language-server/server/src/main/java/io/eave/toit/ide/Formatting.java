package io.eave.toit.ide;

import io.eave.toit.ide.formatting.Edit;
import io.eave.toit.ide.formatting.ToitFormatter;
import java.util.List;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * {@code textDocument/formatting} and {@code rangeFormatting}: the edits of {@link ToitFormatter}
 * as LSP text edits. The client's tab options do not apply (Toit indents with spaces, two per
 * block). Why a declaration was left as it was goes to the client's log ({@code window/logMessage}).
 */
final class Formatting {
    private Formatting() {
    }

    static List<TextEdit> edits(String text, LanguageClient client) {
        TextPositions positions = new TextPositions(text);
        return log(ToitFormatter.shared().format(text), client).stream().map(e -> textEdit(positions, e)).toList();
    }

    /**
     * The edits on the whole lines the range touches (a range ending at the start of a line does
     * not touch that line), computed with the whole text around them.
     */
    static List<TextEdit> edits(String text, Range range, LanguageClient client) {
        TextPositions positions = new TextPositions(text);
        int from = positions.offset(new Position(range.getStart().getLine(), 0));
        int lastLine = range.getEnd().getLine();
        if (range.getEnd().getCharacter() == 0 && lastLine > range.getStart().getLine()) lastLine--;
        int to = lastLine >= positions.position(text.length()).getLine() ? text.length()
                : positions.offset(new Position(lastLine + 1, 0));
        return log(ToitFormatter.shared().format(text, from, to), client).stream().map(e -> textEdit(positions, e)).toList();
    }

    private static List<Edit> log(ToitFormatter.Result result, LanguageClient client) {
        if (client != null) {
            for (String note : result.notes()) client.logMessage(new MessageParams(MessageType.Log, note));
        }
        return result.edits();
    }

    private static TextEdit textEdit(TextPositions positions, Edit e) {
        return new TextEdit(new Range(positions.position(e.start()), positions.position(e.end())), e.text());
    }
}
