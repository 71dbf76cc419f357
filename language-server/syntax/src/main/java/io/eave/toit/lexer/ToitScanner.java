package io.eave.toit.lexer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits Toit source into lexical tokens for highlighting, bracket matching and editing aids.
 *
 * <p>Follows the reference scanner's rules (see {@code docs/toit-lexical.md}): nested comments,
 * identifiers with inner dashes, every number and character form, strings with {@code $}
 * interpolation (names, member chains, index expressions, {@code $(...)} with formats) scanned
 * recursively as code. It never fails: text the reference scanner refuses becomes an
 * {@link TokenKind#ILLEGAL} token and scanning goes on. Whitespace and line breaks produce no
 * token. The parser's token source (indentation, attachment) is built on the same rules.
 */
public final class ToitScanner {

    /** Words that are never identifiers. {@code is} is one too, although the summary forgets it. */
    public static final Set<String> KEYWORDS = Set.of(
            "as", "abstract", "assert", "break", "class", "continue", "else", "false", "finally",
            "for", "if", "import", "export", "is", "null", "return", "static", "true", "try",
            "while", "or", "and", "not");

    /** Reserved names: identifiers to the scanner, but never user names, so shown as keywords. */
    private static final Set<String> RESERVED = Set.of("this", "super", "constructor");

    private static final Set<String> CLASS_LIKE = Set.of("class", "interface", "mixin", "monitor");
    private static final Set<String> CLASS_HEADER_WORDS = Set.of("extends", "implements", "with");

    /** Interpolations nest through strings inside {@code $(...)}; deeper than this is not real code. */
    private static final int MAX_NESTING = 64;

    private final CharSequence src;
    private final int n;
    private final List<Token> out = new ArrayList<>();
    private int pos;

    // What the current logical line holds so far, for contextual keywords (top level only).
    private int lineStart;
    private boolean onlyModifiers = true;   // nothing but `abstract`/`static` on the line yet
    private String lineHead;                // the first other token's text ("" when not a word)
    private int lineIndent = -1;            // indentation of the line's first token; -1 before it

    private ToitScanner(CharSequence src) {
        this.src = src;
        this.n = src.length();
    }

    /** Scans the whole text; the tokens are in offset order and never overlap. */
    public static List<Token> scan(CharSequence text) {
        ToitScanner scanner = new ToitScanner(text);
        scanner.run();
        return scanner.out;
    }

    private void run() {
        if (startsWith(0, "#!")) {
            int end = lineEnd(0);
            out.add(new Token(TokenKind.COMMENT, 0, end));
            pos = end;
        }
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
            if (c == '\n' || c == '\r') {
                if (stopAtLineEnd) return;
                pos++;
                if (depth == 0) newLine();
                continue;
            }
            if (c == ' ' || c == '\t') {
                pos++;
                continue;
            }
            if (c == '\\') {
                int br = lineBreakLength(pos + 1);
                if (br > 0 && !stopAtLineEnd) {
                    pos += 1 + br;   // continuation: the next line belongs to this one
                } else {
                    add(TokenKind.ILLEGAL, pos, 1, depth);
                    pos++;
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

    private void scanToken(int depth) {
        int start = pos;
        char c = src.charAt(pos);
        char next = charAt(pos + 1);
        if (c == '/' && next == '/') {
            int end = lineEnd(pos);
            TokenKind kind = startsWith(pos, "///") ? TokenKind.DOC_COMMENT : TokenKind.COMMENT;
            pos = end;
            add(kind, start, end - start, depth);
        } else if (c == '/' && next == '*') {
            scanBlockComment(depth);
        } else if (isIdentifierStart(c)) {
            scanIdentifier();
            add(classifyWord(start), start, pos - start, depth);
        } else if (isDigit(c) || (c == '.' && isDigit(next) && !endsOperand(start))) {
            scanNumber(depth);
        } else if (c == '\'') {
            scanCharacter(depth);
        } else if (c == '"') {
            scanString(depth);
        } else if (c == '-' && next == '-' && startsNamedArgument(pos + 2) && !endsOperand(start)) {
            pos += 2;
            if (charAt(pos) == '.') pos++;
            scanIdentifier();
            add(TokenKind.NAMED_ARGUMENT, start, pos - start, depth);
        } else if (c == '#') {
            if (next == '[') {
                pos += 2;
                add(TokenKind.BRACKET, start, 2, depth);
            } else if (startsWith(pos, "#primitive") && charAt(pos + 10) == '.') {
                pos += 10;
                add(TokenKind.KEYWORD, start, 10, depth);
            } else {
                pos++;
                add(TokenKind.ILLEGAL, start, 1, depth);
            }
        } else if ("()[]{}".indexOf(c) >= 0) {
            pos++;
            add(TokenKind.BRACKET, start, 1, depth);
        } else {
            scanOperator(depth);
        }
    }

    private void scanOperator(int depth) {
        int start = pos;
        char c = src.charAt(pos);
        // The old spellings are scanned as their replacements and reported as errors.
        if (startsWith(pos, "&&") || startsWith(pos, "||") || (c == '!' && charAt(pos + 1) != '=')) {
            pos += c == '!' ? 1 : 2;
            add(TokenKind.ILLEGAL, start, pos - start, depth);
            return;
        }
        for (String op : OPERATORS) {
            if (startsWith(pos, op)) {
                pos += op.length();
                add(PUNCTUATION.contains(op) ? TokenKind.PUNCTUATION : TokenKind.OPERATOR, start, op.length(), depth);
                return;
            }
        }
        // $ @ ` control characters and anything outside ASCII are illegal outside strings and comments
        pos += Character.charCount(Character.codePointAt(src, pos));
        add(TokenKind.ILLEGAL, start, pos - start, depth);
    }

    /** Longest first, so that the first match is the longest match. */
    private static final String[] OPERATORS = {
        ">>>=", ">>>", "<<=", ">>=", "::=",
        "<<", ">>", "<=", ">=", "==", "!=", ":=", "::", "->", "..", "++", "--",
        "+=", "-=", "*=", "/=", "%=", "|=", "^=", "&=",
        "+", "-", "*", "/", "%", "<", ">", "=", "|", "^", "&", "~", "?", ",", ";", ":", "."
    };
    private static final Set<String> PUNCTUATION = Set.of(",", ";", ":", "::", ".", "..");

    private void scanBlockComment(int depth) {
        int start = pos;
        boolean doc = startsWith(pos, "/**") && !startsWith(pos, "/**/");
        pos += 2;
        int level = 1;
        while (pos < n && level > 0) {
            char c = src.charAt(pos);
            if (c == '\\') {
                pos += 2;   // a backslash escapes the next character, so \*/ does not close
            } else if (c == '/' && charAt(pos + 1) == '*') {
                level++;
                pos += 2;
            } else if (c == '*' && charAt(pos + 1) == '/') {
                level--;
                pos += 2;
            } else {
                pos++;
            }
        }
        pos = Math.min(pos, n);
        add(doc ? TokenKind.DOC_COMMENT : TokenKind.COMMENT, start, pos - start, depth);
    }

    // ---- words -----------------------------------------------------------------------------

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

    private TokenKind classifyWord(int start) {
        String word = src.subSequence(start, pos).toString();
        if (KEYWORDS.contains(word) || RESERVED.contains(word)) return TokenKind.KEYWORD;
        boolean firstOnLine = onlyModifiers;
        int indent = lineIndent < 0 ? indentOf(start) : lineIndent;
        if (CLASS_LIKE.contains(word) && firstOnLine && indent == 0 && isIdentifierStart(nextNonBlank(pos))) {
            return TokenKind.KEYWORD;
        }
        if (CLASS_HEADER_WORDS.contains(word) && lineHead != null && CLASS_LIKE.contains(lineHead) && lineIndent == 0) {
            return TokenKind.KEYWORD;
        }
        if (word.equals("show") && "import".equals(lineHead)) return TokenKind.KEYWORD;
        if (word.equals("operator") && firstOnLine && "=<>+-*/%~&|^[".indexOf(nextNonBlank(pos)) >= 0) {
            return TokenKind.KEYWORD;
        }
        return TokenKind.IDENTIFIER;
    }

    // ---- literals --------------------------------------------------------------------------

    private void scanNumber(int depth) {
        int start = pos;
        boolean bad = false;
        char c = src.charAt(pos);
        char x = Character.toLowerCase(charAt(pos + 1));
        if (c == '0' && x == 'x') {
            pos += 2;
            int whole = digits(16);
            boolean fraction = false;
            if (charAt(pos) == '.' && Character.digit(charAt(pos + 1), 16) >= 0) {
                pos++;
                digits(16);
                fraction = true;
            }
            if (whole == 0 && !fraction) bad = true;
            if (Character.toLowerCase(charAt(pos)) == 'p') {
                bad |= !exponent();
            } else if (fraction) {
                bad = true;   // hexadecimal floating point numbers must have an exponent
            }
        } else if (c == '0' && x == 'b') {
            pos += 2;
            if (digits(2) == 0) bad = true;
        } else {
            digits(10);
            if (charAt(pos) == '.' && isDigit(charAt(pos + 1))) {
                pos++;
                digits(10);
            }
            if (Character.toLowerCase(charAt(pos)) == 'e') bad |= !exponent();
        }
        bad |= badDigitSeparator;
        badDigitSeparator = false;
        add(bad ? TokenKind.ILLEGAL : TokenKind.NUMBER, start, pos - start, depth);
    }

    private boolean badDigitSeparator;

    /** Consumes digits of {@code radix} and the {@code _} separators between them; returns the digit count. */
    private int digits(int radix) {
        int count = 0;
        while (pos < n) {
            char c = src.charAt(pos);
            if (Character.digit(c, radix) >= 0 && c < 128) {
                count++;
                pos++;
            } else if (c == '_') {
                // only between two digits of the current base
                if (count == 0 || !(Character.digit(charAt(pos + 1), radix) >= 0 && charAt(pos + 1) < 128)) {
                    badDigitSeparator = true;
                }
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

    private void scanCharacter(int depth) {
        int start = pos;
        pos++;
        boolean bad = false;
        while (pos < n && src.charAt(pos) != '\'' && lineBreakLength(pos) == 0) {
            if (src.charAt(pos) == '\\') {
                int len = escapeLength(pos, false);
                bad |= len < 0;
                pos += Math.max(1, Math.abs(len));
            } else {
                pos++;
            }
        }
        if (charAt(pos) == '\'') {
            pos++;
        } else {
            bad = true;   // character literal never closed
        }
        add(bad ? TokenKind.ILLEGAL : TokenKind.CHARACTER, start, pos - start, depth);
    }

    private void scanString(int depth) {
        boolean triple = startsWith(pos, "\"\"\"");
        int segment = pos;
        pos += triple ? 3 : 1;
        while (true) {
            if (pos >= n) {
                add(TokenKind.STRING, segment, pos - segment, depth);   // never closed
                return;
            }
            char c = src.charAt(pos);
            if (!triple && lineBreakLength(pos) > 0) {
                add(TokenKind.STRING, segment, pos - segment, depth);   // never closed
                return;
            }
            if (c == '"') {
                if (!triple) {
                    pos++;
                    add(TokenKind.STRING, segment, pos - segment, depth);
                    return;
                }
                if (startsWith(pos, "\"\"\"")) {
                    pos += 3;
                    // up to two further quotes still belong to the content
                    for (int i = 0; i < 2 && charAt(pos) == '"'; i++) pos++;
                    add(TokenKind.STRING, segment, pos - segment, depth);
                    return;
                }
                pos++;
            } else if (c == '\\') {
                add(TokenKind.STRING, segment, pos - segment, depth);
                int len = escapeLength(pos, triple);
                int length = Math.max(1, Math.abs(len));
                if (!triple && lineBreakLength(pos + 1) > 0) length = 1;
                add(len > 0 ? TokenKind.STRING_ESCAPE : TokenKind.ILLEGAL, pos, length, depth);
                pos += length;
                segment = pos;
            } else if (c == '$') {
                add(TokenKind.STRING, segment, pos - segment, depth);
                scanInterpolation(triple, depth);
                segment = pos;
            } else {
                pos++;
            }
        }
    }

    /**
     * Length of the escape sequence at {@code at} (a backslash): positive when valid, negative
     * (its length) when the reference rejects it.
     */
    private int escapeLength(int at, boolean triple) {
        char e = charAt(at + 1);
        if ("0abfnrtv$\\\"'".indexOf(e) >= 0 && e != 0) return 2;
        if (triple && e == 's') return 2;
        if (triple && lineBreakLength(at + 1) > 0) return 1 + lineBreakLength(at + 1);
        if (e == 'x' || e == 'u') {
            if (charAt(at + 2) == '{') {
                int p = at + 3;
                long value = 0;
                while (Character.digit(charAt(p), 16) >= 0 && charAt(p) < 128 && value <= 0x10FFFF) {
                    value = value * 16 + Character.digit(charAt(p), 16);
                    p++;
                }
                boolean ok = p > at + 3 && charAt(p) == '}' && value <= 0x10FFFF;
                if (charAt(p) == '}') p++;
                return ok ? p - at : -(p - at);
            }
            int want = e == 'x' ? 2 : 4;
            int p = at + 2;
            while (p < at + 2 + want && Character.digit(charAt(p), 16) >= 0 && charAt(p) < 128) p++;
            return p == at + 2 + want ? p - at : -(p - at);
        }
        return (at + 1 < n && lineBreakLength(at + 1) == 0) ? -2 : -1;
    }

    /** At {@code $} inside a string: the interpolated name chain or parenthesised code. */
    private void scanInterpolation(boolean triple, int depth) {
        int start = pos;
        pos++;
        while (charAt(pos) == ' ' || charAt(pos) == '\t') pos++;
        char c = charAt(pos);
        if (depth >= MAX_NESTING) {
            add(TokenKind.ILLEGAL, start, pos - start, depth);
        } else if (isIdentifierStart(c)) {
            int nameStart = pos;
            scanIdentifier();
            String name = src.subSequence(nameStart, pos).toString();
            add(KEYWORDS.contains(name) ? TokenKind.ILLEGAL : TokenKind.INTERPOLATION, start, pos - start, depth);
            while (true) {
                if (charAt(pos) == '[') {
                    add(TokenKind.INTERPOLATION, pos, 1, depth);
                    pos++;
                    scanCode(']', !triple, depth + 1);
                    if (charAt(pos) != ']') return;
                    add(TokenKind.INTERPOLATION, pos, 1, depth);
                    pos++;
                } else if (charAt(pos) == '.' && isIdentifierStart(charAt(pos + 1))) {
                    int member = pos;
                    pos++;
                    scanIdentifier();
                    add(TokenKind.INTERPOLATION, member, pos - member, depth);
                } else {
                    return;
                }
            }
        } else if (c == '(') {
            pos++;
            add(TokenKind.INTERPOLATION, start, pos - start, depth);
            while (charAt(pos) == ' ' || charAt(pos) == '\t') pos++;
            if (charAt(pos) == '%') scanFormat(depth);
            scanCode(')', !triple, depth + 1);
            if (charAt(pos) == ')') {
                add(TokenKind.INTERPOLATION, pos, 1, depth);
                pos++;
            }
        } else {
            add(TokenKind.ILLEGAL, start, pos - start, depth);   // not a usable name here
        }
    }

    /** {@code %[-^]?[0-9.]*[A-Za-z]} followed by a space or tab. */
    private void scanFormat(int depth) {
        int start = pos;
        pos++;
        if (charAt(pos) == '-' || charAt(pos) == '^') pos++;
        while (isDigit(charAt(pos)) || charAt(pos) == '.') pos++;
        boolean ok = isLetter(charAt(pos));
        if (ok) pos++;
        ok &= charAt(pos) == ' ' || charAt(pos) == '\t';
        add(ok ? TokenKind.FORMAT : TokenKind.ILLEGAL, start, pos - start, depth);
    }

    // ---- bookkeeping -----------------------------------------------------------------------

    private void add(TokenKind kind, int offset, int length, int depth) {
        if (length <= 0) return;
        out.add(new Token(kind, offset, length));
        if (depth != 0 || kind == TokenKind.COMMENT || kind == TokenKind.DOC_COMMENT) return;
        if (lineIndent < 0) lineIndent = indentOf(offset);
        if (!onlyModifiers) return;
        boolean word = kind == TokenKind.KEYWORD || kind == TokenKind.IDENTIFIER;
        String text = word ? src.subSequence(offset, offset + length).toString() : "";
        if (!text.equals("abstract") && !text.equals("static")) {
            onlyModifiers = false;
            lineHead = text;
        }
    }

    private void newLine() {
        lineStart = pos;
        onlyModifiers = true;
        lineHead = null;
        lineIndent = -1;
    }

    private int indentOf(int offset) {
        return offset - lineStart;
    }

    /** Whether the character before {@code at} ends an operand, making a following {@code --} or {@code .} postfix. */
    private boolean endsOperand(int at) {
        if (at == 0) return false;
        char p = src.charAt(at - 1);
        return isIdentifierPart(p) || p == ')' || p == ']' || p == '"' || p == '\'' || p == '}';
    }

    private boolean startsNamedArgument(int at) {
        char c = charAt(at);
        return isIdentifierStart(c) || (c == '.' && isIdentifierStart(charAt(at + 1)));
    }

    private char nextNonBlank(int at) {
        while (charAt(at) == ' ' || charAt(at) == '\t') at++;
        return charAt(at);
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

    private boolean startsWith(int at, String s) {
        if (at + s.length() > n) return false;
        for (int i = 0; i < s.length(); i++) {
            if (src.charAt(at + i) != s.charAt(i)) return false;
        }
        return true;
    }

    private char charAt(int at) {
        return at < n ? src.charAt(at) : 0;
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
