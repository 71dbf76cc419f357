package io.eave.toit.parser;

import io.eave.toit.parser.Lexeme.Kind;
import io.eave.toit.validation.ToitIssueCodes;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts Toit source into {@link Lexeme}s that cover every character, following the reference
 * scanner (see {@code toit-grammar-facts.md}, section 1): nested comments, identifiers with inner
 * dashes, every number and character form, strings with interpolation scanned recursively as
 * code, {@code \} line continuation. It never fails: refused text becomes {@link Kind#ILLEGAL} or
 * a literal with a {@link LexicalIssue}. Layout (indentation, attachment meaning) is the job of
 * {@link ToitTokenSource}.
 */
public final class ToitLexer {

    /** Interpolations nest through strings inside {@code $(...)}; deeper than this is not real code. */
    private static final int MAX_NESTING = 64;

    /** Longest first, so that the first match is the longest match. */
    private static final String[] OPERATORS = {
        ">>>=", ">>>", "<<=", ">>=", "::=",
        "<<", ">>", "<=", ">=", "==", "!=", ":=", "::", "->", "..", "++", "--",
        "+=", "-=", "*=", "/=", "%=", "|=", "^=", "&=",
        "+", "-", "*", "/", "%", "<", ">", "=", "|", "^", "&", "~", "?", ",", ";", ":", ".",
        "(", ")", "[", "]", "{", "}"
    };

    private final String src;
    private final int n;
    private final List<Lexeme> out = new ArrayList<>();
    private final List<LexicalIssue> issues = new ArrayList<>();
    private int pos;
    private int lineIndent;

    private ToitLexer(String src) {
        this.src = src;
        this.n = src.length();
    }

    /** The lexemes of {@code text} and the problems found in it. */
    public record Result(List<Lexeme> lexemes, List<LexicalIssue> issues) {
    }

    public static Result scan(String text) {
        ToitLexer lexer = new ToitLexer(text);
        lexer.run();
        return new Result(lexer.out, lexer.issues);
    }

    private void run() {
        if (src.startsWith("#!")) {
            int end = lineEnd(0);
            add(Kind.COMMENT, 0, end);
            pos = end;
        }
        lineIndent = 0;   // the first line counts as unindented even if it starts with spaces
        scanCode((char) 0, false, 0);
    }

    // ---- code ----------------------------------------------------------------------------

    /**
     * Scans code until {@code closer} at bracket depth 0 (left unconsumed), the end of the text,
     * or — inside a single-line string's interpolation — the end of the line.
     */
    private void scanCode(char closer, boolean stopAtLineEnd, int depth) {
        char opener = closer == ')' ? '(' : closer == ']' ? '[' : 0;
        int nest = 0;
        while (pos < n) {
            char c = src.charAt(pos);
            int br = lineBreakLength(pos);
            if (br > 0) {
                if (stopAtLineEnd) return;
                add(Kind.LINE_BREAK, pos, pos + br);
                pos += br;
                startLine();
                continue;
            }
            if (c == ' ' || c == '\t') {
                int start = pos;
                while (pos < n && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t')) pos++;
                add(Kind.SPACE, start, pos);
                continue;
            }
            if (c == '\\') {
                int cont = lineBreakLength(pos + 1);
                if (cont > 0 && !stopAtLineEnd) {
                    add(Kind.SPACE, pos, pos + 1 + cont);   // the next line belongs to this one
                    pos += 1 + cont;
                } else {
                    illegal(pos, pos + 1, "a backslash outside a string must end the line");
                }
                continue;
            }
            if (closer != 0) {
                if (c == opener) {
                    nest++;
                } else if (c == closer) {
                    if (nest == 0) return;
                    nest--;
                }
            }
            scanToken(depth);
        }
    }

    /** After a line break: the leading whitespace, measured in spaces (a tab is an error). */
    private void startLine() {
        int p = pos;
        int indent = 0;
        while (p < n) {
            char c = src.charAt(p);
            if (c == ' ') {
                indent++;
                p++;
            } else if (c == '\t') {
                issues.add(new LexicalIssue(ToitIssueCodes.TAB_INDENTATION, true, p, 1,
                        "Tabs are not allowed in indentation; indent with spaces"));
                indent = (indent / 8 + 1) * 8;   // as the reference does, for recovery
                p++;
            } else if (c == '/' && charAt(p + 1) == '*') {
                p = blockCommentEnd(p);   // a comment in leading whitespace does not count
            } else {
                break;
            }
        }
        lineIndent = indent;
    }

    private void scanToken(int depth) {
        int start = pos;
        char c = src.charAt(pos);
        char next = charAt(pos + 1);
        if (c == '/' && next == '/') {
            pos = lineEnd(pos);
            add(Kind.COMMENT, start, pos);
        } else if (c == '/' && next == '*') {
            pos = blockCommentEnd(pos);
            if (!commentClosed) {
                issues.add(new LexicalIssue(ToitIssueCodes.UNTERMINATED_COMMENT, true, start, 2, "This comment is never closed"));
            }
            add(Kind.COMMENT, start, pos);
        } else if (isIdentifierStart(c)) {
            scanIdentifier();
            add(Kind.WORD, start, pos);
            if (src.startsWith("is", start) && pos - start == 2 && charAt(pos) == '!' && charAt(pos + 1) != '=') {
                // `is!` is `is not`, reported
                oldOperator(pos, pos + 1, "not", "Use 'is not' instead of 'is!'");
            }
        } else if (isDigit(c) || (c == '.' && isDigit(next) && !endsOperand())) {
            scanNumber();
        } else if (c == '\'') {
            scanCharacter();
        } else if (c == '"') {
            scanString(depth);
        } else if (src.startsWith("--no-", pos) && isIdentifierStart(charAt(pos + 5))) {
            pos += 5;
            add(Kind.NAMED_NO, start, pos);
        } else if (src.startsWith("--no-", pos) && isDigit(charAt(pos + 5))) {
            // the reference parser reads `--no-99` as `--no -99`: the flag, then a negative argument
            add(Kind.OPERATOR, start, start + 2);
            add(Kind.WORD, start + 2, start + 4);
            out.add(new Lexeme(Kind.OPERATOR, start + 4, start + 5, "-", false, lineIndent));
            pos += 5;
        } else if (c == '#') {
            if (next == '[') {
                pos += 2;
                add(Kind.OPERATOR, start, pos);
            } else if (src.startsWith("#primitive", pos) && charAt(pos + 10) == '.') {
                pos += 10;
                add(Kind.WORD, start, pos);
            } else {
                illegal(pos, pos + 1, "'#' is only allowed in '#[' and '#primitive'");
            }
        } else if (c == '&' && next == '&') {
            oldOperator(pos, pos + 2, "and", "Use 'and' instead of '&&'");
        } else if (c == '|' && next == '|') {
            oldOperator(pos, pos + 2, "or", "Use 'or' instead of '||' (an empty parameter list is written '| |')");
        } else if (c == '!' && next != '=') {
            oldOperator(pos, pos + 1, "not", "Use 'not' instead of '!'");
        } else {
            for (String op : OPERATORS) {
                if (src.startsWith(op, pos)) {
                    pos += op.length();
                    add(Kind.OPERATOR, start, pos);
                    return;
                }
            }
            int cp = src.codePointAt(pos);
            illegal(pos, pos + Character.charCount(cp), "Illegal character '" + new String(Character.toChars(cp)) + "'");
        }
    }

    /** An old spelling: scanned as its replacement (the lexeme's text) and reported. */
    private void oldOperator(int start, int end, String replacement, String message) {
        issues.add(new LexicalIssue(ToitIssueCodes.OLD_OPERATOR, true, start, end - start, message));
        out.add(new Lexeme(Kind.WORD, start, end, replacement, isAttached(start), lineIndent));
        pos = end;
    }

    private void illegal(int start, int end, String message) {
        issues.add(new LexicalIssue(ToitIssueCodes.ILLEGAL_CHARACTER, true, start, end - start, message));
        add(Kind.ILLEGAL, start, end);
        pos = end;
    }

    /** The end of the (nesting) block comment starting at {@code at}. */
    private int blockCommentEnd(int at) {
        int p = at + 2;
        int level = 1;
        while (p < n && level > 0) {
            char c = src.charAt(p);
            if (c == '\\') {
                p += 2;   // a backslash escapes the next character, so \*/ does not close
            } else if (c == '/' && charAt(p + 1) == '*') {
                level++;
                p += 2;
            } else if (c == '*' && charAt(p + 1) == '/') {
                level--;
                p += 2;
            } else {
                p++;
            }
        }
        commentClosed = level == 0;
        return Math.min(p, n);
    }

    /** Whether the last comment {@link #blockCommentEnd} scanned was closed. */
    private boolean commentClosed;

    // ---- words and numbers -----------------------------------------------------------------

    private void scanIdentifier() {
        pos++;
        while (pos < n) {
            char c = src.charAt(pos);
            if (isIdentifierPart(c) || (c == '-' && isIdentifierPart(charAt(pos + 1)))) {
                pos++;
            } else {
                break;
            }
        }
    }

    private void scanNumber() {
        int start = pos;
        String problem = null;
        boolean isFloat = false;
        char c = src.charAt(pos);
        char x = Character.toLowerCase(charAt(pos + 1));
        badSeparator = false;
        if (c == '0' && x == 'x') {
            pos += 2;
            int whole = digits(16);
            boolean fraction = false;
            if (charAt(pos) == '.' && Character.digit(charAt(pos + 1), 16) >= 0) {
                pos++;
                digits(16);
                fraction = true;
            }
            if (whole == 0 && !fraction) problem = "A hexadecimal number needs digits";
            if (Character.toLowerCase(charAt(pos)) == 'p') {
                isFloat = true;
                if (!exponent()) problem = "The exponent needs digits";
            } else if (fraction) {
                isFloat = true;
                problem = "Hexadecimal floating point numbers must have an exponent ('p')";
            }
        } else if (c == '0' && x == 'b') {
            pos += 2;
            if (digits(2) == 0) problem = "A binary number needs digits";
        } else {
            digits(10);
            if (charAt(pos) == '.' && isDigit(charAt(pos + 1))) {
                pos++;
                digits(10);
                isFloat = true;
            }
            if (Character.toLowerCase(charAt(pos)) == 'e' && (isDigit(charAt(pos + 1))
                    || ((charAt(pos + 1) == '+' || charAt(pos + 1) == '-')))) {
                isFloat = true;
                if (!exponent()) problem = "The exponent needs digits";
            }
        }
        if (badSeparator && problem == null) problem = "'_' may only separate two digits";
        if (problem != null) {
            issues.add(new LexicalIssue(ToitIssueCodes.MALFORMED_NUMBER, true, start, pos - start, problem));
        }
        add(isFloat ? Kind.FLOAT : Kind.INT, start, pos);
    }

    private boolean badSeparator;

    /** Consumes digits of {@code radix} and the {@code _} separators between them; returns the digit count. */
    private int digits(int radix) {
        int count = 0;
        while (pos < n) {
            char c = src.charAt(pos);
            if (c < 128 && Character.digit(c, radix) >= 0) {
                count++;
                pos++;
            } else if (c == '_' && count > 0) {
                char after = charAt(pos + 1);
                if (!(after < 128 && Character.digit(after, radix) >= 0)) badSeparator = true;
                pos++;
            } else {
                break;
            }
        }
        return count;
    }

    /** At {@code e} or {@code p}: consumes the exponent, whose digits are always decimal. */
    private boolean exponent() {
        pos++;
        if (charAt(pos) == '+' || charAt(pos) == '-') pos++;
        return digits(10) > 0;
    }

    // ---- characters and strings ------------------------------------------------------------

    private void scanCharacter() {
        int start = pos;
        pos++;
        while (pos < n && src.charAt(pos) != '\'' && lineBreakLength(pos) == 0) {
            if (src.charAt(pos) == '\\' && pos + 1 < n && lineBreakLength(pos + 1) == 0) {
                int length = escapeLength(pos, false);
                if (length < 0) {
                    issues.add(new LexicalIssue(ToitIssueCodes.BAD_ESCAPE, true, pos, -length,
                            "Unknown escape '" + src.substring(pos, Math.min(n, pos - length)) + "'"));
                }
                pos += Math.max(1, Math.abs(length));
            } else {
                pos++;
            }
        }
        if (charAt(pos) == '\'') {
            pos++;
            if (ToitStrings.charValue(src.substring(start, pos)) < 0) {
                issues.add(new LexicalIssue(ToitIssueCodes.MALFORMED_CHARACTER, true, start, pos - start,
                        "A character literal holds exactly one character"));
            }
        } else {
            issues.add(new LexicalIssue(ToitIssueCodes.UNTERMINATED_CHARACTER, true, start, pos - start,
                    "This character literal is never closed"));
        }
        add(Kind.CHAR, start, pos);
    }

    private void scanString(int depth) {
        boolean triple = src.startsWith("\"\"\"", pos);
        int start = pos;
        pos += triple ? 3 : 1;
        boolean interpolated = false;
        while (true) {
            if (pos >= n || (!triple && lineBreakLength(pos) > 0)) {
                issues.add(new LexicalIssue(ToitIssueCodes.UNTERMINATED_STRING, true, start, Math.max(1, Math.min(pos, n) - start),
                        "This string is never closed"));
                add(interpolated ? Kind.STRING_END : Kind.STRING, start, pos);
                return;
            }
            char c = src.charAt(pos);
            if (c == '"') {
                if (!triple) {
                    pos++;
                    break;
                }
                if (src.startsWith("\"\"\"", pos)) {
                    pos += 3;
                    for (int i = 0; i < 2 && charAt(pos) == '"'; i++) pos++;   // still content
                    break;
                }
                pos++;
            } else if (c == '\\') {
                int length = escapeLength(pos, triple);
                if (length < 0) {
                    issues.add(new LexicalIssue(ToitIssueCodes.BAD_ESCAPE, true, pos, -length,
                            "Unknown escape '" + src.substring(pos, Math.min(n, pos - length)) + "'"
                            + (src.startsWith("\\s", pos) ? " ('\\s' only in triple-quoted strings)" : "")));
                }
                pos += Math.max(1, Math.abs(length));
            } else if (c == '$') {
                pos++;
                int save = pos;
                while (charAt(pos) == ' ' || charAt(pos) == '\t') pos++;   // "$ x" interpolates x
                char d = charAt(pos);
                boolean paren = d == '(';
                if (!paren && !isIdentifierStart(d)) {
                    issues.add(new LexicalIssue(ToitIssueCodes.BAD_INTERPOLATION, true, save - 1, 1,
                            "'$' must be followed by a name or '(' (write '\\$' for a dollar sign)"));
                    pos = save;
                    continue;
                }
                if (paren) pos++;
                add(interpolated ? Kind.STRING_MIDDLE : Kind.STRING_START, start, pos);
                interpolated = true;
                if (depth >= MAX_NESTING) {
                    illegal(pos, pos, "Interpolation nested too deeply");
                } else if (paren) {
                    scanParenInterpolation(triple, depth);
                } else {
                    scanNameInterpolation(triple, depth);
                }
                start = pos;
            } else {
                pos++;
            }
        }
        add(interpolated ? Kind.STRING_END : Kind.STRING, start, pos);
    }

    /**
     * Length of the escape sequence at {@code at} (a backslash): positive when valid, negative
     * (its length) when the reference rejects it.
     */
    private int escapeLength(int at, boolean triple) {
        char e = charAt(at + 1);
        if (e != 0 && "0abfnrtv$\\\"'".indexOf(e) >= 0) return 2;
        if (triple && e == 's') return 2;
        if (triple && lineBreakLength(at + 1) > 0) return 1 + lineBreakLength(at + 1);
        if (e == 'x' || e == 'u') {
            if (charAt(at + 2) == '{') {
                int p = at + 3;
                long value = 0;
                while (charAt(p) < 128 && Character.digit(charAt(p), 16) >= 0 && value <= 0x10FFFF) {
                    value = value * 16 + Character.digit(charAt(p), 16);
                    p++;
                }
                boolean ok = p > at + 3 && charAt(p) == '}' && value <= 0x10FFFF;
                if (charAt(p) == '}') p++;
                return ok ? p - at : -(p - at);
            }
            int want = e == 'x' ? 2 : 4;
            int p = at + 2;
            while (p < at + 2 + want && charAt(p) < 128 && Character.digit(charAt(p), 16) >= 0) p++;
            return p == at + 2 + want ? p - at : -(p - at);
        }
        return (at + 1 < n && lineBreakLength(at + 1) == 0) ? -2 : -1;
    }

    /** {@code $name}, then attached {@code .name} and {@code [index]} parts. */
    private void scanNameInterpolation(boolean triple, int depth) {
        int start = pos;
        scanIdentifier();
        add(Kind.WORD, start, pos);
        while (true) {
            if (charAt(pos) == '[') {
                add(Kind.OPERATOR, pos, pos + 1);
                pos++;
                scanCode(']', !triple, depth + 1);
                if (charAt(pos) != ']') return;
                add(Kind.OPERATOR, pos, pos + 1);
                pos++;
            } else if (charAt(pos) == '.' && isIdentifierStart(charAt(pos + 1))) {
                add(Kind.OPERATOR, pos, pos + 1);
                pos++;
                int member = pos;
                scanIdentifier();
                add(Kind.WORD, member, pos);
            } else {
                return;
            }
        }
    }

    /** After {@code $(}: an optional format, code, and the closing parenthesis. */
    private void scanParenInterpolation(boolean triple, int depth) {
        int spaces = pos;
        while (charAt(pos) == ' ' || charAt(pos) == '\t') pos++;
        if (pos > spaces) add(Kind.SPACE, spaces, pos);
        if (charAt(pos) == '%') scanFormat();
        scanCode(')', !triple, depth + 1);
        if (charAt(pos) == ')') {
            add(Kind.INTERPOLATION_END, pos, pos + 1);
            pos++;
        }
    }

    /** {@code %[-^]?[0-9.]*[A-Za-z]} followed by a space or tab. */
    private void scanFormat() {
        int start = pos;
        pos++;
        if (charAt(pos) == '-' || charAt(pos) == '^') pos++;
        while (isDigit(charAt(pos)) || charAt(pos) == '.') pos++;
        boolean ok = isLetter(charAt(pos));
        if (ok) pos++;
        ok &= charAt(pos) == ' ' || charAt(pos) == '\t';
        if (!ok) {
            issues.add(new LexicalIssue(ToitIssueCodes.MALFORMED_FORMAT, true, start, Math.max(1, pos - start),
                    "Malformed format: expected '%' [-^] width[.precision] letter, then a space"));
        }
        add(Kind.FORMAT, start, pos);
    }

    // ---- bookkeeping -----------------------------------------------------------------------

    private void add(Kind kind, int start, int end) {
        if (end <= start) return;
        out.add(new Lexeme(kind, start, end, src.substring(start, end), isAttached(start), lineIndent));
    }

    private boolean isAttached(int start) {
        if (out.isEmpty()) return false;
        Lexeme previous = out.get(out.size() - 1);
        return previous.end() == start && !previous.hidden();
    }

    /** Whether the lexeme before {@code pos} ends an operand, so a following {@code .5} is not a number. */
    private boolean endsOperand() {
        if (out.isEmpty()) return false;
        Lexeme previous = out.get(out.size() - 1);
        if (previous.end() != pos) return false;
        return switch (previous.kind()) {
            case WORD, INT, FLOAT, CHAR, STRING, STRING_END -> true;
            case OPERATOR -> previous.text().equals(")") || previous.text().equals("]") || previous.text().equals("}");
            default -> false;
        };
    }

    private int lineEnd(int at) {
        while (at < n && src.charAt(at) != '\n' && src.charAt(at) != '\r') at++;
        return at;
    }

    /** 1 or 2 when a line break (LF, CRLF or lone CR) starts at {@code at}, else 0. */
    private int lineBreakLength(int at) {
        char c = charAt(at);
        if (c == '\n') return 1;
        if (c == '\r') return charAt(at + 1) == '\n' ? 2 : 1;
        return 0;
    }

    private char charAt(int at) {
        return at < n && at >= 0 ? src.charAt(at) : 0;
    }

    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
