package io.eave.toit.ide.formatting;

import io.eave.toit.parser.Lexeme;
import io.eave.toit.parser.Lexeme.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Spaces between two tokens of a line, only where Toit reads both spellings the same: one space
 * on each side of a binary or assignment operator ({@code x:=1+2} becomes {@code x := 1 + 2}),
 * none before a comma or a semicolon and one after it, and a run of spaces or tabs between two
 * tokens becomes one space; before a closing bracket the space is what follows the opening one. Attachment that carries meaning ({@code a -b}, {@code a[1]}, {@code f (x)},
 * {@code --name}, {@code -1}, {@code a.b}, {@code x/int}, {@code --x=1}, {@code | a b |}) is never
 * changed: operators are spaced only where the layout typed them as binary operators outside
 * declaration headers ({@link LayoutTokens}). Strings, their interpolations and comments are not
 * touched; nor are the spaces before a comment that ends a line, which may align it.
 */
final class Spacing {
    private Spacing() {
    }

    static List<Edit> edits(SourceLines lines, LayoutTokens layout) {
        List<Lexeme> lexemes = lines.lexemes;
        int[] stringDepth = stringDepths(lexemes);
        boolean[] spacedInside = spacedInsideBrackets(lexemes);
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i + 1 < lexemes.size(); i++) {
            Lexeme a = lexemes.get(i);
            if (!isCode(a) || stringDepth[i] > 0 || a.kind() == Kind.STRING_START || a.kind() == Kind.STRING_MIDDLE) continue;
            int j = i + 1;
            Lexeme gap = null;
            if (lexemes.get(j).kind() == Kind.SPACE) {
                gap = lexemes.get(j);
                if (gap.text().indexOf('\\') >= 0) continue;   // an escaped line break is not a space
                j++;
            }
            if (j >= lexemes.size()) continue;
            Lexeme b = lexemes.get(j);
            if (!isCode(b) || stringDepth[j] > 0) continue;
            String wanted = wantedGap(a, b, gap, layout);
            // before a closing bracket, what follows the opening one: `(a + b )` → `(a + b)`, `[ 1, 2    ]` → `[ 1, 2 ]`
            if (gap != null && isCloser(b) && !isComma(a)) wanted = spacedInside[j] ? " " : "";
            String current = gap == null ? "" : gap.text();
            if (wanted != null && !wanted.equals(current)) edits.add(new Edit(a.end(), b.start(), wanted));
        }
        return edits;
    }

    /** The space wanted between {@code a} and {@code b}, or null to keep what is there. */
    private static String wantedGap(Lexeme a, Lexeme b, Lexeme gap, LayoutTokens layout) {
        if (isComma(b)) return "";
        if (isComma(a)) return isCloser(b) ? null : " ";
        if (isSemicolon(b) && !isSemicolon(a) && !a.is("for")) return "";          // `x := 1; y := 2`
        if (isSemicolon(a) && !isSemicolon(b) && !b.is(":") && !isCloser(b)) return " ";   // `for i := 0; i < n; i++:`
        if (layout.spacedOperatorAt(a.start()) || layout.spacedOperatorAt(b.start())) return " ";
        if (gap != null && !gap.text().equals(" ")) return " ";
        return null;
    }

    /** Tokens the parser sees; illegal text is left where it is, with the spaces around it. */
    private static boolean isCode(Lexeme l) {
        return !l.hidden();
    }

    private static boolean isComma(Lexeme l) {
        return l.kind() == Kind.OPERATOR && l.is(",");
    }

    private static boolean isSemicolon(Lexeme l) {
        return l.kind() == Kind.OPERATOR && l.is(";");
    }

    private static boolean isCloser(Lexeme l) {
        return l.kind() == Kind.OPERATOR && (l.is(")") || l.is("]") || l.is("}"));
    }

    /** For each closing bracket, whether its opening bracket is followed by a space (`[ 1, 2 ]`). */
    private static boolean[] spacedInsideBrackets(List<Lexeme> lexemes) {
        boolean[] spaced = new boolean[lexemes.size()];
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < lexemes.size(); i++) {
            Lexeme l = lexemes.get(i);
            if (l.kind() != Kind.OPERATOR) continue;
            if (l.is("(") || l.is("[") || l.is("{") || l.is("#[")) {
                open.push(i);
            } else if (isCloser(l) && !open.isEmpty()) {
                int opener = open.pop();
                spaced[i] = opener + 1 < lexemes.size() && lexemes.get(opener + 1).kind() == Kind.SPACE;
            }
        }
        return spaced;
    }

    /**
     * For each lexeme, how many strings it lies inside ({@code 0} for code and for the pieces of
     * an outermost string itself, more inside its interpolations).
     */
    private static int[] stringDepths(List<Lexeme> lexemes) {
        int[] depths = new int[lexemes.size()];
        int depth = 0;
        for (int i = 0; i < lexemes.size(); i++) {
            Kind kind = lexemes.get(i).kind();
            if (kind == Kind.STRING_END && depth > 0) depth--;
            depths[i] = kind == Kind.STRING_MIDDLE ? Math.max(0, depth - 1) : depth;
            if (kind == Kind.STRING_START) depth++;
        }
        return depths;
    }
}
