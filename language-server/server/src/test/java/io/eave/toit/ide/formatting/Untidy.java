package io.eave.toit.ide.formatting;

import io.eave.toit.parser.Lexeme;
import io.eave.toit.parser.ToitLexer;
import java.util.BitSet;

/** Makes tidy Toit text untidy without changing its meaning, for formatting tests. */
public final class Untidy {
    private Untidy() {
    }

    /** Indentation of lines with code or comments doubled, spaces at line ends, blank lines added if asked; strings kept. */
    public static String of(String text, boolean blankLines) {
        BitSet inside = insideStringsAndComments(text);
        StringBuilder s = new StringBuilder(blankLines ? "\n \n" : "");
        String[] lines = text.split("\n", -1);
        int offset = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') indent++;
            boolean continued = i > 0 && lines[i - 1].endsWith("\\");
            if (!inside.get(offset) && !inside.get(offset + indent) && !continued && offset > 0) line = " ".repeat(indent) + line;
            s.append(line).append(line.endsWith("\\") || inside.get(offset + lines[i].length()) ? "" : "  ");
            if (i < lines.length - 1) s.append('\n');
            if (blankLines && i % 5 == 4 && i < lines.length - 1 && !inside.get(offset + lines[i].length())) s.append("\n   \n\n\n");
            offset += lines[i].length() + 1;
        }
        return s.append(blankLines ? "\n\n" : "").toString();
    }

    /** Offsets strictly inside a string (its interpolations included) or a comment; all of a comment over several lines. */
    static BitSet insideStringsAndComments(String text) {
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
