package io.eave.toit.parser;

/**
 * One piece of Toit source as {@link ToitLexer} cuts it, before layout: a word, an operator, a
 * literal (or a piece of an interpolated string), or hidden text (spaces, comments, line breaks).
 *
 * @param attached nothing (no space, comment or escaped line break) lies between this lexeme and
 *     the previous one; the first lexeme of a line is never attached
 * @param indent indentation of the physical line this lexeme starts on
 */
public record Lexeme(Kind kind, int start, int end, String text, boolean attached, int indent) {

    public enum Kind {
        /** Identifiers and keywords: the token source decides which words are keywords here. */
        WORD,
        /** Operators, punctuation and brackets; the text tells which. */
        OPERATOR,
        /** {@code --no-} directly followed by a name. */
        NAMED_NO,
        INT, FLOAT, CHAR,
        /** A string without interpolation. */
        STRING,
        /** Text of an interpolated string up to and including its first {@code $} or {@code $(}. */
        STRING_START,
        /** Text between two interpolations, up to and including the next {@code $} or {@code $(}. */
        STRING_MIDDLE,
        /** Text after the last interpolation, closing quotes included. */
        STRING_END,
        /** The {@code )} that ends a {@code $(...)} interpolation. */
        INTERPOLATION_END,
        /** {@code %5d} in {@code "$(%5d x)"}. */
        FORMAT,
        /** Spaces, tabs and escaped line breaks. */
        SPACE,
        /** A line break: layout is decided where the next line with code starts. */
        LINE_BREAK,
        COMMENT,
        /** Text the reference scanner refuses; reported as a lexical issue, skipped by the parser. */
        ILLEGAL
    }

    public boolean hidden() {
        return kind == Kind.SPACE || kind == Kind.LINE_BREAK || kind == Kind.COMMENT || kind == Kind.ILLEGAL;
    }

    public boolean is(String operator) {
        return (kind == Kind.OPERATOR || kind == Kind.WORD) && text.equals(operator);
    }

    public int length() {
        return end - start;
    }
}
