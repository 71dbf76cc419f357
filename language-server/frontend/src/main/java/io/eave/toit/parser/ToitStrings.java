package io.eave.toit.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Values of string and character literals: escapes, and the indentation removed from
 * triple-quoted strings. Decoding is lenient (a bad escape keeps its character); the validator
 * reports what the reference rejects.
 */
public final class ToitStrings {
    private ToitStrings() {
    }

    /** The value of a string literal without interpolation, quotes included in {@code text}. */
    public static String stringValue(String text) {
        boolean triple = text.startsWith("\"\"\"") && text.length() >= 6;
        String content = triple ? text.substring(3, text.length() - 3) : text.substring(1, Math.max(1, text.length() - (text.length() > 1 && text.endsWith("\"") ? 1 : 0)));
        return triple ? decode(dedent(List.of(dropOpeningLineBreak(content))).get(0), true) : decode(content, false);
    }

    /**
     * The text pieces of an interpolated string, from its raw STRING_START, STRING_MIDDLE and
     * STRING_END token texts: delimiters and {@code $}/{@code $(} markers removed, a
     * triple-quoted string's common indentation removed, escapes decoded.
     */
    public static List<String> templateTexts(List<String> raw) {
        boolean triple = !raw.isEmpty() && raw.get(0).startsWith("\"\"\"");
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String piece = raw.get(i);
            if (i == 0) piece = piece.substring(triple ? 3 : 1);
            if (i == raw.size() - 1) {
                int quotes = triple ? 3 : 1;
                if (piece.endsWith(triple ? "\"\"\"" : "\"")) piece = piece.substring(0, piece.length() - quotes);
            } else {
                piece = stripMarker(piece);
            }
            pieces.add(piece);
        }
        if (triple && !pieces.isEmpty()) {
            pieces.set(0, dropOpeningLineBreak(pieces.get(0)));
            pieces = dedent(pieces);
        }
        List<String> decoded = new ArrayList<>();
        for (String piece : pieces) decoded.add(decode(piece, triple));
        return decoded;
    }

    /** Removes the trailing {@code $}, {@code $(} and the spaces that may follow the dollar. */
    private static String stripMarker(String piece) {
        int end = piece.length();
        if (end > 0 && piece.charAt(end - 1) == '(') end--;
        while (end > 0 && (piece.charAt(end - 1) == ' ' || piece.charAt(end - 1) == '\t')) end--;
        if (end > 0 && piece.charAt(end - 1) == '$') end--;
        return piece.substring(0, end);
    }

    private static String dropOpeningLineBreak(String content) {
        int i = 0;
        while (i < content.length() && content.charAt(i) == ' ') i++;
        if (content.startsWith("\r\n", i)) return content.substring(i + 2);
        if (i < content.length() && (content.charAt(i) == '\n' || content.charAt(i) == '\r')) return content.substring(i + 1);
        return content;
    }

    /** Removes the smallest indentation of the lines that hold more than spaces (section 1.9). */
    private static List<String> dedent(List<String> pieces) {
        String joined = String.join("\u0000", pieces);
        if (joined.indexOf('\n') < 0 && joined.indexOf('\r') < 0) return pieces;
        joined = joined.replace("\r\n", "\n");
        int min = Integer.MAX_VALUE;
        int lineStart = 0;
        boolean atStart = true;   // the first line counts too
        for (int i = 0; i <= joined.length(); i++) {
            if (i == joined.length() || joined.charAt(i) == '\n') {
                if (atStart) {
                    String line = joined.substring(lineStart, i);
                    int spaces = 0;
                    while (spaces < line.length() && line.charAt(spaces) == ' ') spaces++;
                    boolean blank = spaces == line.length();
                    boolean last = i == joined.length();
                    if (!blank || (last && lineStart < i)) min = Math.min(min, spaces);
                    if (last && lineStart == i) min = 0;   // closing quotes at column 0
                }
                lineStart = i + 1;
            }
        }
        if (min == Integer.MAX_VALUE || min == 0) return List.of(joined.split("\u0000", -1));
        StringBuilder result = new StringBuilder();
        int column = 0;
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '\n') {
                result.append(c);
                column = 0;
            } else if (c == ' ' && column >= 0 && column < min) {
                column++;
            } else {
                result.append(c);
                if (c != '\u0000') column = -1;
            }
        }
        return List.of(result.toString().split("\u0000", -1));
    }

    /** Decodes the escapes of string content. */
    public static String decode(String content, boolean triple) {
        if (content.indexOf('\\') < 0) return content;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c != '\\' || i + 1 >= content.length()) {
                out.append(c);
                continue;
            }
            char e = content.charAt(++i);
            switch (e) {
                case '0' -> out.append('\0');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 's' -> out.append(' ');
                case '\n' -> { }                 // triple-quoted: the line break is removed
                case '\r' -> { if (i + 1 < content.length() && content.charAt(i + 1) == '\n') i++; }
                case 'x', 'u' -> {
                    int[] parsed = codePoint(content, i + 1, e == 'x' ? 2 : 4);
                    if (parsed == null) {
                        out.append(e);
                    } else {
                        out.appendCodePoint(parsed[0]);
                        i = parsed[1] - 1;
                    }
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    /** Parses {@code HH..} (exactly {@code digits}) or {@code {H+}} at {@code at}: {value, end}. */
    static int[] codePoint(String s, int at, int digits) {
        if (at < s.length() && s.charAt(at) == '{') {
            int close = s.indexOf('}', at);
            if (close <= at + 1) return null;
            try {
                int value = Integer.parseInt(s.substring(at + 1, close), 16);
                return value <= 0x10FFFF ? new int[] {value, close + 1} : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (at + digits > s.length()) return null;
        try {
            String hex = s.substring(at, at + digits);
            if (!hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) return null;
            return new int[] {Integer.parseInt(hex, 16), at + digits};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The code point of a character literal ({@code 'a'}, {@code '\n'}), or -1 if malformed. */
    public static int charValue(String text) {
        if (text.length() < 3 || !text.endsWith("'")) return -1;
        String value = decode(text.substring(1, text.length() - 1), false);
        if (value.isEmpty() || value.codePointCount(0, value.length()) != 1) return -1;
        return value.codePointAt(0);
    }
}
