package io.eave.toit.lexer;

/** One lexical token: its class and where it lies in the scanned text. */
public record Token(TokenKind kind, int offset, int length) {
    public int end() {
        return offset + length;
    }

    public String text(CharSequence source) {
        return source.subSequence(offset, end()).toString();
    }
}
