package io.eave.toit.ide.formatting;

import io.eave.toit.ide.formatting.SourceLines.Line;
import io.eave.toit.ide.formatting.SourceLines.LineKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The text cut into top-level declarations (imports and exports included): each starts at a
 * line of code at column 0 and runs to the next one. At such a line the layout closes every
 * construct, so each declaration lays out on its own and is formatted, checked and, if need
 * be, left alone on its own. Comment and blank lines belong to the declaration above them.
 */
final class Declarations {
    /** Line starts at column 0 that continue the construct above instead of starting a declaration. */
    private static final Set<String> CONTINUING = Set.of(")", "]", "}", ",", ":", "::", "else", "finally");

    private final SourceLines lines;
    /** Index of the first line of each declaration; the first is line 0 (with the text before any code). */
    private final List<Integer> firstLines = new ArrayList<>();
    private final int[] starts;

    Declarations(SourceLines lines) {
        this.lines = lines;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (firstLines.isEmpty() || line.is(LineKind.CODE) && line.indent() == 0
                    && !CONTINUING.contains(lines.lexemes.get(line.first()).text())) {
                firstLines.add(i);
            }
        }
        // what comes before the first line of code (comments, blank lines) belongs to the first declaration
        if (firstLines.size() > 1 && !lines.get(0).is(LineKind.CODE)) firstLines.remove(0);
        firstLines.set(0, 0);
        starts = firstLines.stream().mapToInt(i -> lines.get(i).start()).toArray();
    }

    int count() {
        return starts.length;
    }

    /** Offsets where the declarations start. */
    int[] starts() {
        return starts;
    }

    /** The declaration holding {@code offset}. */
    int at(int offset) {
        return LayoutTokens.partOf(starts, offset);
    }

    /** "line 12 ('foo x:')": where a declaration starts and how it begins, for the log. */
    String describe(int declaration) {
        int lineIndex = firstLines.get(declaration);
        for (int i = lineIndex; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.is(LineKind.CODE)) {
                String head = lines.text.substring(line.textStart(), line.end()).strip();
                if (head.length() > 40) head = head.substring(0, 40) + "…";
                return "line " + (i + 1) + " ('" + head + "')";
            }
        }
        return "line " + (lineIndex + 1);
    }

    /** Whether a line of the declaration starts with a block comment followed by code (its width would not count). */
    boolean hasCommentFirstLine(int declaration) {
        int from = firstLines.get(declaration);
        int to = declaration + 1 < firstLines.size() ? firstLines.get(declaration + 1) : lines.size();
        for (int i = from; i < to; i++) {
            if (lines.get(i).commentFirst()) return true;
        }
        return false;
    }
}
