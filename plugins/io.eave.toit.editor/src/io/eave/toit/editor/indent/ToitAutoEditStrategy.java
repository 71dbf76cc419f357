package io.eave.toit.editor.indent;

import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentCommand;
import org.eclipse.jface.text.IAutoEditStrategy;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.TextUtilities;

import io.eave.toit.lexer.Token;
import io.eave.toit.lexer.TokenKind;
import io.eave.toit.lexer.ToitScanner;

/**
 * Indentation while typing. Toit's layout is its syntax: a new line keeps the indentation of the
 * line above, and goes one level deeper (two spaces, the Toit convention) after a line that opens
 * a body with a trailing {@code :} or {@code ::}, also when a block's parameters follow
 * ({@code items.do: | x |}). A typed tab becomes spaces, since tabs in indentation are errors.
 */
public class ToitAutoEditStrategy implements IAutoEditStrategy {

    /** The Toit convention for one level of indentation. */
    public static final String INDENT = "  ";

    @Override
    public void customizeDocumentCommand(IDocument document, DocumentCommand command) {
        if (command.text == null) return;
        try {
            if (command.length == 0 && TextUtilities.equals(document.getLegalLineDelimiters(), command.text) >= 0) {
                newLine(document, command);
            } else if (command.text.equals("\t")) {
                command.text = INDENT;
            }
        } catch (BadLocationException e) {
            // leave the command as typed
        }
    }

    private static void newLine(IDocument document, DocumentCommand command) throws BadLocationException {
        IRegion line = document.getLineInformationOfOffset(command.offset);
        String before = document.get(line.getOffset(), command.offset - line.getOffset());
        int indent = 0;
        while (indent < before.length() && before.charAt(indent) == ' ') indent++;
        String indentation = before.substring(0, indent);
        if (opensBody(before)) indentation += INDENT;
        command.text = command.text + indentation;
    }

    /** Whether the text ends with {@code :} or {@code ::}, optionally followed by {@code | params |}, ignoring comments. */
    static boolean opensBody(String lineText) {
        List<Token> tokens = ToitScanner.scan(lineText).stream()
                .filter(t -> t.kind() != TokenKind.COMMENT && t.kind() != TokenKind.DOC_COMMENT)
                .toList();
        int last = tokens.size() - 1;
        if (last >= 0 && isBar(lineText, tokens.get(last))) {
            // skip back over `| a b |` to the colon before it
            int i = last - 1;
            while (i >= 0 && !isBar(lineText, tokens.get(i))) i--;
            last = i - 1;
        }
        if (last < 0) return false;
        String text = tokens.get(last).text(lineText);
        return tokens.get(last).kind() == TokenKind.PUNCTUATION && (text.equals(":") || text.equals("::"));
    }

    private static boolean isBar(String text, Token token) {
        return token.kind() == TokenKind.OPERATOR && token.text(text).equals("|");
    }
}
