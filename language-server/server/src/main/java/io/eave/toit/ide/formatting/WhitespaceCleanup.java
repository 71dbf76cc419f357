package io.eave.toit.ide.formatting;

import io.eave.toit.parser.Lexeme;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The edits no reader of the code sees and that cannot change meaning, made everywhere, even in
 * declarations with errors: spaces at the ends of lines (never inside a string, never after a
 * {@code \} continuation), runs of blank lines (at most {@value #MAX_BLANK_LINES}, none at the
 * start or the end), and the final line break.
 */
final class WhitespaceCleanup {
    /** Blank lines kept in a row: two can set top-level groups apart, more say nothing. */
    static final int MAX_BLANK_LINES = 2;

    private WhitespaceCleanup() {
    }

    /**
     * @param keepLeadingBlankLines the first line with content is code indented by spaces that
     *     stay: it must not become the first line of the text, whose indentation would not count
     */
    static List<Edit> edits(String text, List<Lexeme> lexemes, boolean keepLeadingBlankLines) {
        BitSet inString = new BitSet(text.length());
        for (Lexeme l : lexemes) {
            switch (l.kind()) {
                case STRING, STRING_START, STRING_MIDDLE, STRING_END -> inString.set(l.start(), l.end());
                default -> {
                }
            }
        }
        List<Edit> edits = new ArrayList<>();
        int blankRun = 0;
        boolean seenCode = false;
        int lastCodeEnd = 0;   // just after the line break of the last line with code
        int start = 0;
        while (start < text.length()) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') end++;
            int next = end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n'
                    ? end + 2 : Math.min(text.length(), end + 1);
            int content = end;
            while (content > start && (text.charAt(content - 1) == ' ' || text.charAt(content - 1) == '\t')) content--;
            // a line of a multi-line string (its break lies inside the string) keeps its spaces and counts as text
            boolean lineInString = (end < text.length() && inString.get(end)) || (end > start && inString.get(start));
            boolean spacesInString = content < end && inString.get(content);   // a string cannot begin with a space
            if (content == start && !lineInString) {
                blankRun++;
                if ((!seenCode && !keepLeadingBlankLines) || (seenCode && blankRun > MAX_BLANK_LINES)) {
                    edits.add(Edit.delete(start, next));   // the whole line
                } else if (end > start) {
                    edits.add(Edit.delete(start, end));    // its spaces
                }
            } else {
                blankRun = 0;
                seenCode = true;
                boolean continued = content > start && text.charAt(content - 1) == '\\';
                if (content < end && !spacesInString && !continued) edits.add(Edit.delete(content, end));
                lastCodeEnd = next;
            }
            start = next;
        }
        if (seenCode) {
            // blank lines at the end go (those already deleted as a run are not deleted twice)
            int codeEnd = lastCodeEnd;
            edits.removeIf(e -> e.start() >= codeEnd);
            if (lastCodeEnd < text.length()) edits.add(Edit.delete(lastCodeEnd, text.length()));
            if (lastCodeEnd == 0 || (text.charAt(lastCodeEnd - 1) != '\n' && text.charAt(lastCodeEnd - 1) != '\r')) {
                // the last line ends the text: its trailing spaces (if deleted) become the line break
                Edit last = edits.isEmpty() ? null : edits.get(edits.size() - 1);
                if (last != null && last.end() == lastCodeEnd) {
                    edits.set(edits.size() - 1, new Edit(last.start(), last.end(), "\n"));
                } else {
                    edits.add(Edit.insert(lastCodeEnd, "\n"));
                }
            }
        }
        return edits;
    }
}
