package io.eave.toit.editor.brackets;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.source.ICharacterPairMatcher;

import io.eave.toit.parser.Token;
import io.eave.toit.parser.TokenKind;
import io.eave.toit.parser.ToitScanner;

/**
 * Matches {@code ( ) [ ] { } #[ ]} and the parentheses of {@code $(...)} interpolations, using
 * tokens so that brackets inside strings and comments are never matched with code.
 */
public class ToitBracketMatcher implements ICharacterPairMatcher {

    private int anchor = LEFT;

    @Override
    public IRegion match(IDocument document, int offset) {
        if (document == null || offset < 0 || offset > document.getLength()) return null;
        String text = document.get();
        List<Token> tokens = ToitScanner.scan(text);
        // The bracket before the caret wins, as in Eclipse's other editors; then the one after it.
        int index = bracketAt(text, tokens, offset - 1);
        if (index < 0) index = bracketAt(text, tokens, offset);
        if (index < 0) return null;
        int partner = partnerOf(text, tokens, index);
        if (partner < 0) return null;
        int open = Math.min(index, partner);
        int close = Math.max(index, partner);
        anchor = index == open ? LEFT : RIGHT;
        Token opening = tokens.get(open);
        Token closing = tokens.get(close);
        return new Region(opening.offset(), closing.end() - opening.offset());
    }

    @Override
    public int getAnchor() {
        return anchor;
    }

    @Override
    public void clear() {
    }

    @Override
    public void dispose() {
    }

    /** Index of the bracket token whose bracket character is at {@code offset}, or -1. */
    private static int bracketAt(String text, List<Token> tokens, int offset) {
        if (offset < 0) return -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.offset() > offset) break;
            if (offset == token.end() - 1 && (closerFor(text, token) != 0 || closes(text, token) != 0)) return i;
        }
        return -1;
    }

    private static int partnerOf(String text, List<Token> tokens, int index) {
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (closerFor(text, token) != 0) {
                open.push(i);
                continue;
            }
            char closer = closes(text, token);
            if (closer == 0 || open.isEmpty() || closerFor(text, tokens.get(open.peek())) != closer) continue;
            int opener = open.pop();
            if (opener == index) return i;
            if (i == index) return opener;
        }
        return -1;
    }

    /** For an opening bracket token ({@code ( [ { #[ $(}), the character that closes it; else 0. */
    private static char closerFor(String text, Token token) {
        if (!isBracketKind(token)) return 0;
        return switch (text.charAt(token.end() - 1)) {
            case '(' -> ')';
            case '[' -> ']';
            case '{' -> '}';
            default -> 0;
        };
    }

    /** For a closing bracket token, its character; else 0. */
    private static char closes(String text, Token token) {
        if (!isBracketKind(token) || token.length() != 1) return 0;
        char c = text.charAt(token.offset());
        return ")]}".indexOf(c) >= 0 ? c : 0;
    }

    private static boolean isBracketKind(Token token) {
        return token.kind() == TokenKind.BRACKET || token.kind() == TokenKind.INTERPOLATION;
    }
}
