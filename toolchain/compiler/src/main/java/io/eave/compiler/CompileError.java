package io.eave.compiler;

/**
 * A problem in the program the compiler cannot turn into code, reported like the front end's
 * diagnostics: file, 1-based line and column, and a message that says what to do.
 */
public record CompileError(String file, int line, int column, int length, String code, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": error: " + message + " [" + code + "]";
    }
}
