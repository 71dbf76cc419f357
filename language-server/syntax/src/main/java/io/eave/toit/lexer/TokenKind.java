package io.eave.toit.lexer;

/**
 * Lexical classes of Toit source as an editor shows them. Finer than the parser needs in places
 * (doc comments, escapes, interpolation markers) and coarser in others (all operators are one kind).
 */
public enum TokenKind {
    /** Reserved words, contextual keywords where their context makes them keywords, {@code true false null}. */
    KEYWORD,
    IDENTIFIER,
    /** {@code --name}, {@code --no-name}, {@code --.field}: a named argument or named parameter. */
    NAMED_ARGUMENT,
    /** Integer and floating point literals in every base. */
    NUMBER,
    /** {@code 'a'}, {@code '\n'}. */
    CHARACTER,
    /** Text of a string literal, quotes included. */
    STRING,
    /** A valid escape sequence inside a string. */
    STRING_ESCAPE,
    /** The markers of an interpolation: {@code $name}, {@code $(}, {@code )}, {@code .field}, index brackets. */
    INTERPOLATION,
    /** The format of a formatted interpolation: {@code %5d} in {@code "$(%5d n)"}. */
    FORMAT,
    COMMENT,
    DOC_COMMENT,
    OPERATOR,
    /** {@code ( ) [ ] { } #[}. */
    BRACKET,
    /** {@code , ; : :: . ..} and friends. */
    PUNCTUATION,
    /**
     * Text the reference scanner refuses: illegal characters, malformed numbers, bad escapes,
     * unterminated literals, and the old operators {@code ! && ||}.
     */
    ILLEGAL
}
