package io.eave.toit.editor.brackets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.source.ICharacterPairMatcher;
import org.eclipse.jface.text.source.ICharacterPairMatcherExtension;

import io.eave.toit.lexer.Token;
import io.eave.toit.lexer.TokenKind;
import io.eave.toit.lexer.ToitScanner;

/**
 * Matches {@code ( ) [ ] { } #[ ]} and the parentheses of {@code $(...)} interpolations, using
 * tokens so that brackets inside strings and comments are never matched with code. Serves the
 * bracket highlight, enclosing-bracket highlight and Go to Matching Bracket (Ctrl+Shift+P).
 */
public class ToitBracketMatcher implements ICharacterPairMatcher, ICharacterPairMatcherExtension {

    private record Pair(Token open, Token close) {
    }

    private int anchor = LEFT;

    @Override
    public IRegion match(IDocument document, int offset) {
        if (document == null || offset < 0 || offset > document.getLength()) return null;
        String text = document.get();
        List<Pair> pairs = pairs(text);
        // The bracket before the caret wins, as in Eclipse's other editors; then the one after it.
        IRegion region = matchBracketAt(pairs, offset - 1);
        return region != null ? region : matchBracketAt(pairs, offset);
    }

    @Override
    public IRegion match(IDocument document, int offset, int length) {
        if (length == 0) return match(document, offset);
        // a selection of exactly one bracket character
        if (Math.abs(length) != 1 || document == null) return null;
        int at = length > 0 ? offset : offset - 1;
        if (at < 0 || at >= document.getLength()) return null;
        return matchBracketAt(pairs(document.get()), at);
    }

    @Override
    public IRegion findEnclosingPeerCharacters(IDocument document, int offset, int length) {
        if (document == null) return null;
        int from = Math.min(offset, offset + length);
        int to = Math.max(offset, offset + length);
        Pair best = null;
        for (Pair pair : pairs(document.get())) {
            if (pair.open.end() <= from && pair.close.offset() >= to
                    && (best == null || pair.open.offset() > best.open.offset())) {
                best = pair;
            }
        }
        if (best == null) return null;
        anchor = LEFT;
        return span(best);
    }

    @Override
    public boolean isMatchedChar(char ch) {
        return "()[]{}".indexOf(ch) >= 0;
    }

    @Override
    public boolean isMatchedChar(char ch, IDocument document, int offset) {
        if (!isMatchedChar(ch) || document == null) return false;
        for (Pair pair : pairs(document.get())) {
            if (pair.open.end() - 1 == offset || pair.close.offset() == offset) return true;
        }
        return false;
    }

    @Override
    public boolean isRecomputationOfEnclosingPairRequired(IDocument document, IRegion currentSelection,
            IRegion previousSelection) {
        return true;   // pairs are recomputed from tokens anyway; cheap next to painting
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

    /** The pair one of whose bracket characters is at {@code offset}, as a region; null when none. */
    private IRegion matchBracketAt(List<Pair> pairs, int offset) {
        if (offset < 0) return null;
        for (Pair pair : pairs) {
            if (pair.open.end() - 1 == offset) {
                anchor = LEFT;
                return span(pair);
            }
            if (pair.close.offset() == offset) {
                anchor = RIGHT;
                return span(pair);
            }
        }
        return null;
    }

    /** From the opening bracket character (the {@code (} of {@code $(}, the {@code [} of {@code #[}) to the closing one. */
    private static IRegion span(Pair pair) {
        int start = pair.open.end() - 1;
        return new Region(start, pair.close.end() - start);
    }

    /** All matched bracket pairs of the text; a closer that does not fit the innermost opener is skipped. */
    private static List<Pair> pairs(String text) {
        List<Pair> pairs = new ArrayList<>();
        Deque<Token> open = new ArrayDeque<>();
        for (Token token : ToitScanner.scan(text)) {
            if (token.kind() != TokenKind.BRACKET && token.kind() != TokenKind.INTERPOLATION) continue;
            char last = text.charAt(token.end() - 1);
            if (last == '(' || last == '[' || last == '{') {
                open.push(token);
            } else if (token.length() == 1 && (last == ')' || last == ']' || last == '}')) {
                if (!open.isEmpty() && closerOf(text.charAt(open.peek().end() - 1)) == last) {
                    pairs.add(new Pair(open.pop(), token));
                }
            }
        }
        return pairs;
    }

    private static char closerOf(char opener) {
        return switch (opener) {
            case '(' -> ')';
            case '[' -> ']';
            default -> '}';
        };
    }
}
