package io.eave.toit.ide.formatting;

import io.eave.toit.parser.Lexeme;
import io.eave.toit.parser.Lexeme.Kind;
import io.eave.toit.parser.ToitLexer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;

/**
 * Makes Toit text untidy without changing what it means, for formatting tests: Toit's layout
 * only compares indentations, so any strictly increasing map of them (0 staying 0) keeps the
 * meaning; so do spaces at line ends, blank lines, and wider gaps between tokens. Lines inside
 * strings and block comments, and lines after a {@code \}, are left as they are.
 */
public final class Untidy {
    private Untidy() {
    }

    /** Indentation doubled, spaces at line ends, and blank lines added if asked. */
    public static String of(String text, boolean blankLines) {
        return reindented(text, i -> 2 * i, true, blankLines);
    }

    /** Every indentation through one random strictly increasing map (steps of 1 to 3 spaces). */
    public static String reindented(String text, Random random) {
        int[] map = new int[1000];
        for (int i = 1; i < map.length; i++) map[i] = map[i - 1] + 1 + random.nextInt(3);
        return reindented(text, i -> i < map.length ? map[i] : i * 4, false, false);
    }

    /** Some single spaces between two tokens (outside strings) widened to three spaces or a space and a tab. */
    public static String widened(String text, Random random) {
        List<Lexeme> lexemes = ToitLexer.scan(text).lexemes();
        List<Integer> gaps = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i + 2 < lexemes.size(); i++) {
            Lexeme a = lexemes.get(i);
            Lexeme gap = lexemes.get(i + 1);
            Lexeme b = lexemes.get(i + 2);
            if (a.kind() == Kind.STRING_START) depth++;
            if (a.kind() == Kind.STRING_END) depth--;
            if (depth > 0 || a.kind() == Kind.STRING_START || a.kind() == Kind.STRING_MIDDLE || a.hidden() || b.hidden()) continue;
            if (gap.kind() == Kind.SPACE && gap.text().equals(" ") && random.nextInt(3) == 0) gaps.add(gap.start());
        }
        StringBuilder s = new StringBuilder(text);
        for (int k = gaps.size() - 1; k >= 0; k--) s.insert(gaps.get(k), random.nextBoolean() ? "  " : "\t");
        return s.toString();
    }

    private static String reindented(String text, IntUnaryOperator map, boolean trailingSpaces, boolean blankLines) {
        BitSet inside = insideStringsAndComments(text);
        StringBuilder s = new StringBuilder(blankLines ? "\n \n" : "");
        String[] lines = text.split("\n", -1);
        int offset = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') indent++;
            boolean continued = i > 0 && lines[i - 1].endsWith("\\");
            if (!inside.get(offset) && !inside.get(offset + indent) && !continued && offset > 0) {
                line = " ".repeat(map.applyAsInt(indent)) + line.substring(indent);
            }
            boolean breakInside = inside.get(offset + lines[i].length());
            s.append(line).append(!trailingSpaces || line.endsWith("\\") || breakInside ? "" : "  ");
            if (i < lines.length - 1) s.append('\n');
            if (blankLines && i % 5 == 4 && i < lines.length - 1 && !breakInside) s.append("\n   \n\n\n");
            offset += lines[i].length() + 1;
        }
        return s.append(blankLines ? "\n\n" : "").toString();
    }

    /** Offsets strictly inside a string (its interpolations included) or a comment; all of a comment over several lines. */
    private static BitSet insideStringsAndComments(String text) {
        BitSet inside = new BitSet();
        int depth = 0;
        int stringStart = 0;
        for (Lexeme l : ToitLexer.scan(text).lexemes()) {
            switch (l.kind()) {
                case STRING -> {
                    if (depth == 0) inside.set(l.start() + 1, l.end());
                }
                case COMMENT -> inside.set(l.text().contains("\n") ? l.start() : l.start() + 1, l.end());
                case STRING_START -> {
                    if (depth++ == 0) stringStart = l.start();
                }
                case STRING_END -> {
                    if (depth > 0 && --depth == 0) inside.set(stringStart + 1, l.end());
                }
                default -> {
                }
            }
        }
        return inside;
    }
}
