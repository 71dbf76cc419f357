package io.eave.toit.editor.highlighting;

import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITypedRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.presentation.IPresentationDamager;
import org.eclipse.jface.text.presentation.IPresentationRepairer;
import org.eclipse.swt.custom.StyleRange;

import io.eave.toit.lexer.Token;
import io.eave.toit.lexer.ToitScanner;

/**
 * Damages and repairs by comparing token streams. Comments nest and strings span lines, so one
 * keystroke can recolour the rest of the file, or a single word: rescanning the whole text (a few
 * milliseconds even for large files) and diffing the tokens before and after the edit finds
 * exactly the stretch whose colours changed, and only that is repainted.
 */
final class TokenDamagerRepairer implements IPresentationDamager, IPresentationRepairer {

    private final ToitTokenStyles styles;
    private IDocument document;
    private List<Token> tokens = List.of();
    private String scannedText = "";

    TokenDamagerRepairer(ToitTokenStyles styles) {
        this.styles = styles;
    }

    @Override
    public void setDocument(IDocument document) {
        this.document = document;
        this.scannedText = "";
        this.tokens = List.of();
    }

    @Override
    public IRegion getDamageRegion(ITypedRegion partition, DocumentEvent event, boolean documentPartitioningChanged) {
        List<Token> before = tokens;
        List<Token> after = currentTokens();
        int textLength = document.getLength();
        if (documentPartitioningChanged || before.isEmpty()) return new Region(0, textLength);

        int editStart = event.getOffset();
        int insertedLength = event.getText() == null ? 0 : event.getText().length();
        int delta = insertedLength - event.getLength();
        int editEndBefore = editStart + event.getLength();

        int first = 0;
        while (first < before.size() && first < after.size() && before.get(first).equals(after.get(first))
                && after.get(first).end() < editStart) {
            first++;
        }
        int lastBefore = before.size() - 1;
        int lastAfter = after.size() - 1;
        while (lastBefore >= first && lastAfter >= first && before.get(lastBefore).offset() > editEndBefore
                && shifted(before.get(lastBefore), delta).equals(after.get(lastAfter))) {
            lastBefore--;
            lastAfter--;
        }

        int start = editStart;
        if (first < after.size()) start = Math.min(start, after.get(first).offset());
        if (first < before.size()) start = Math.min(start, before.get(first).offset());
        int end = editStart + insertedLength;
        if (lastAfter >= first) end = Math.max(end, after.get(lastAfter).end());
        if (lastBefore >= first && before.get(lastBefore).offset() >= editEndBefore) {
            end = Math.max(end, before.get(lastBefore).end() + delta);
        }
        return wholeLines(Math.max(0, start), Math.min(textLength, end));
    }

    @Override
    public void createPresentation(TextPresentation presentation, ITypedRegion damage) {
        List<Token> current = currentTokens();
        int from = damage.getOffset();
        int to = from + damage.getLength();
        presentation.setDefaultStyleRange(new StyleRange(from, damage.getLength(), null, null));
        for (Token token : firstTokenEndingAfter(current, from)) {
            if (token.offset() >= to) break;
            int start = Math.max(from, token.offset());
            int end = Math.min(to, token.end());
            StyleRange range = styles.styleRange(token.kind(), start, end - start);
            if (range != null) presentation.addStyleRange(range);
        }
    }

    /** The tokens of the document as it is now, scanned at most once per change. */
    private List<Token> currentTokens() {
        String text = document.get();
        if (!text.equals(scannedText)) {
            tokens = ToitScanner.scan(text);
            scannedText = text;
        }
        return tokens;
    }

    private static List<Token> firstTokenEndingAfter(List<Token> tokens, int offset) {
        int low = 0;
        int high = tokens.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (tokens.get(mid).end() <= offset) low = mid + 1;
            else high = mid;
        }
        return tokens.subList(low, tokens.size());
    }

    private static Token shifted(Token token, int delta) {
        return new Token(token.kind(), token.offset() + delta, token.length());
    }

    private IRegion wholeLines(int start, int end) {
        try {
            int lineStart = document.getLineOffset(document.getLineOfOffset(start));
            IRegion lastLine = document.getLineInformationOfOffset(end);
            int lineEnd = Math.max(end, lastLine.getOffset() + lastLine.getLength());
            return new Region(lineStart, lineEnd - lineStart);
        } catch (BadLocationException e) {
            return new Region(0, document.getLength());
        }
    }
}
