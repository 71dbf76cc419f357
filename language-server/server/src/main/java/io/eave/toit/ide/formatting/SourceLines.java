package io.eave.toit.ide.formatting;

import io.eave.toit.parser.Lexeme;
import io.eave.toit.parser.Lexeme.Kind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The physical lines of a text and what each is to the formatter: a line of code that starts a
 * line of the layout, a line continued by a {@code \}, a comment line, a blank line, or a line
 * that starts inside a multi-line string or comment (verbatim: never touched).
 */
final class SourceLines {

    enum LineKind {
        BLANK,
        /** Starts with code: a line of the layout, with the lexer's indentation. */
        CODE,
        /** Only a comment (and spaces). */
        COMMENT,
        /** Follows a line ending in {@code \}: part of that line for the layout. */
        CONTINUED,
        /** Starts inside a multi-line string (or its interpolations) or a multi-line comment. */
        VERBATIM
    }

    /**
     * @param start offset of the first character
     * @param end offset of the line break (or the end of the text)
     * @param next offset of the next line
     * @param textStart offset of the first character that is not a space or a tab
     * @param indent the lexer's indentation of the line (CODE lines)
     * @param first index of the line's first lexeme the parser sees (CODE and CONTINUED lines), of
     *     its comment (COMMENT lines), else -1
     * @param commentFirst a CODE line whose code follows a block comment: the comment's width does
     *     not count as indentation, so such a line is not re-indented
     */
    record Line(int start, int end, int next, int textStart, LineKind kind, int indent, int first, boolean commentFirst) {
        boolean is(LineKind k) {
            return kind == k;
        }
    }

    final String text;
    final List<Lexeme> lexemes;
    final List<Line> lines = new ArrayList<>();

    SourceLines(String text, List<Lexeme> lexemes) {
        this.text = text;
        this.lexemes = lexemes;
        BitSet verbatim = new BitSet(text.length());
        BitSet continued = new BitSet(text.length() + 1);
        int depth = 0;
        int stringStart = 0;
        for (Lexeme l : lexemes) {
            switch (l.kind()) {
                case STRING -> {
                    if (depth == 0) mark(verbatim, l.start(), l.end());
                }
                case STRING_START -> {
                    if (depth++ == 0) stringStart = l.start();
                }
                case STRING_END -> {
                    if (depth > 0 && --depth == 0) mark(verbatim, stringStart, l.end());
                }
                case COMMENT -> verbatim.set(l.start() + 1, l.end());
                case SPACE -> {
                    if (l.text().startsWith("\\")) continued.set(l.end());
                }
                default -> {
                }
            }
        }
        if (depth > 0) mark(verbatim, stringStart, text.length());
        int k = 0;
        int start = 0;
        while (start < text.length() || lines.isEmpty()) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') end++;
            int next = end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n'
                    ? end + 2 : Math.min(text.length(), end + 1);
            int textStart = start;
            while (textStart < end && (text.charAt(textStart) == ' ' || text.charAt(textStart) == '\t')) textStart++;
            while (k < lexemes.size() && lexemes.get(k).start() < textStart) k++;
            lines.add(classify(start, end, next, textStart, k, verbatim.get(start), continued.get(start)));
            if (next == start) break;
            start = next;
        }
    }

    /** A string from {@code start} to {@code end}: the lines that start inside it are verbatim. */
    private static void mark(BitSet verbatim, int start, int end) {
        verbatim.set(start + 1, end);
    }

    private Line classify(int start, int end, int next, int textStart, int k, boolean verbatim, boolean continued) {
        if (verbatim) return new Line(start, end, next, textStart, LineKind.VERBATIM, 0, -1, false);
        if (textStart == end || k >= lexemes.size() || lexemes.get(k).start() != textStart) {
            return new Line(start, end, next, textStart, LineKind.BLANK, 0, -1, false);
        }
        Lexeme first = lexemes.get(k);
        int real = k;
        while (real < lexemes.size() && isHidden(lexemes.get(real)) && lexemes.get(real).kind() != Kind.LINE_BREAK) real++;
        boolean code = real < lexemes.size() && !isHidden(lexemes.get(real));
        if (continued) return new Line(start, end, next, textStart, LineKind.CONTINUED, 0, code ? real : -1, false);
        if (!code) return new Line(start, end, next, textStart, LineKind.COMMENT, 0, k, false);
        return new Line(start, end, next, textStart, LineKind.CODE, lexemes.get(real).indent(), real, first.kind() == Kind.COMMENT);
    }

    /** Hidden to the layout, except illegal text, which the formatter keeps in place like code. */
    private static boolean isHidden(Lexeme l) {
        return l.kind() == Kind.SPACE || l.kind() == Kind.COMMENT || l.kind() == Kind.LINE_BREAK;
    }

    int size() {
        return lines.size();
    }

    Line get(int i) {
        return lines.get(i);
    }

    /** Index of the first lexeme that starts at or after {@code offset}. */
    int firstLexemeFrom(int offset) {
        int low = 0;
        int high = lexemes.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (lexemes.get(mid).start() < offset) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /** Index of the line holding {@code offset}. */
    int lineAt(int offset) {
        int low = 0;
        int high = lines.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (lines.get(mid).start() <= offset) low = mid;
            else high = mid - 1;
        }
        return low;
    }
}
