package io.eave.toit.ide.formatting;

import io.eave.toit.ide.formatting.SourceLines.Line;
import io.eave.toit.ide.formatting.SourceLines.LineKind;
import io.eave.toit.parser.Lexeme;
import io.eave.toit.parser.Lexeme.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The indentation each line should have. Toit's layout compares a line's indentation only with
 * that of the lines whose constructs are still open: the lines before it that no shallower line
 * has closed (see toit-grammar-facts.md 2.1). Those form a tree: a line's parent is the nearest
 * line above it that is indented less. Re-indenting keeps, for every parent, the order of its
 * children's indentations (equal stays equal, deeper stays deeper) and puts them 2 spaces deeper
 * than the parent for a block body (where the layout opens an INDENT), the lines after a bracket
 * that ends a line and a closing bracket, 4 spaces deeper for continuation lines (arguments,
 * operands, the rest of a header). So every comparison the layout makes comes out the same;
 * {@link ToitFormatter} checks that it does.
 */
final class Indentation {
    static final int BODY = 2;
    static final int CONTINUATION = 4;

    /** Children of one parent that share an indentation. */
    private static final class Group {
        final int indent;
        final int firstLine;
        int newIndent = -1;

        Group(int indent, int firstLine) {
            this.indent = indent;
            this.firstLine = firstLine;
        }
    }

    private final SourceLines lines;
    private final LayoutTokens layout;

    private Indentation(SourceLines lines, LayoutTokens layout) {
        this.lines = lines;
        this.layout = layout;
    }

    /**
     * The edits that give every line its indentation. A block comment over several lines moves
     * as a whole, its later lines by as much as its first (if they all have the spaces to lose).
     */
    static List<Edit> edits(SourceLines lines, LayoutTokens layout) {
        int[] indents = new Indentation(lines, layout).compute();
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (indents[i] < 0 || line.commentFirst()) continue;
            int shift = indents[i] - (line.textStart() - line.start());
            if (line.is(LineKind.COMMENT) && lines.lexemes.get(line.first()).end() > line.end()) {
                List<Edit> moved = shifted(lines, i + 1, lines.lexemes.get(line.first()).end(), shift);
                if (moved == null) continue;
                edits.addAll(moved);
            }
            String wanted = " ".repeat(indents[i]);
            if (shift != 0 || !lines.text.regionMatches(line.start(), wanted, 0, wanted.length())) {
                edits.add(new Edit(line.start(), line.textStart(), wanted));
            }
        }
        return edits;
    }

    /** The lines from {@code from} that start before {@code end} shifted right by {@code shift}, or null if one cannot be. */
    private static List<Edit> shifted(SourceLines lines, int from, int end, int shift) {
        List<Edit> edits = new ArrayList<>();
        for (int i = from; i < lines.size() && lines.get(i).start() < end; i++) {
            Line line = lines.get(i);
            if (line.textStart() == line.end() || shift == 0) continue;   // blank: the cleanup takes its spaces
            if (shift > 0) {
                edits.add(Edit.insert(line.start(), " ".repeat(shift)));
            } else if (lines.text.startsWith(" ".repeat(-shift), line.start())) {
                edits.add(Edit.delete(line.start(), line.start() - shift));
            } else {
                return null;
            }
        }
        return edits;
    }

    private int[] compute() {
        int n = lines.size();
        int[] parent = new int[n];
        Group[] groupOf = new Group[n];
        Map<Integer, List<Group>> children = new HashMap<>();
        Deque<Integer> open = new ArrayDeque<>();   // code lines not closed yet, deepest on top
        for (int i = 0; i < n; i++) {
            Line line = lines.get(i);
            if (!line.is(LineKind.CODE)) continue;
            while (!open.isEmpty() && lines.get(open.peek()).indent() >= line.indent()) open.pop();
            int p = open.isEmpty() ? -1 : open.peek();
            parent[i] = p;
            List<Group> groups = children.computeIfAbsent(p, k -> new ArrayList<>());
            Group g = null;
            for (Group candidate : groups) {
                if (candidate.indent == line.indent()) g = candidate;
            }
            if (g == null) {
                g = new Group(line.indent(), i);
                groups.add(g);
            }
            groupOf[i] = g;
            open.push(i);
        }
        int[] result = new int[n];
        Arrays.fill(result, -1);
        int lastCode = -1;
        for (int i = 0; i < n; i++) {
            Line line = lines.get(i);
            switch (line.kind()) {
                case CODE -> {
                    int p = parent[i];
                    if (groupOf[i].newIndent < 0) place(children.get(p), p < 0 ? 0 : result[p]);
                    result[i] = groupOf[i].newIndent;
                    lastCode = i;
                }
                case CONTINUED -> {
                    if (line.first() >= 0 && lastCode >= 0) result[i] = result[lastCode] + CONTINUATION;
                }
                default -> {
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (lines.get(i).is(LineKind.COMMENT)) result[i] = commentIndent(i, result);
        }
        return result;
    }

    /**
     * New indentations for the child groups of a parent now at {@code parentIndent}. The top level
     * is a parent at column 0 whose children at column 0 stay there: a first line of code that is
     * indented (and not the first line of the text, whose indentation does not count) is deeper
     * than the top level, and so are the lines at its indentation that continue it.
     */
    private void place(List<Group> groups, int parentIndent) {
        List<Group> shallowFirst = new ArrayList<>(groups);
        shallowFirst.sort((a, b) -> Integer.compare(a.indent, b.indent));
        int previous = -1;
        for (Group g : shallowFirst) {
            int wanted = g.indent == 0 ? 0 : parentIndent + step(g.firstLine);
            g.newIndent = previous < 0 ? wanted : Math.max(wanted, previous + BODY);
            previous = g.newIndent;
        }
    }

    /** How much deeper than its parent the first line of a group goes. */
    private int step(int lineIndex) {
        Lexeme first = lines.lexemes.get(lines.get(lineIndex).first());
        if (layout.bodyStartsAt(first.start())) return BODY;
        if (isCloser(first)) return BODY;
        Lexeme before = previousReal(lines.get(lineIndex).first());
        if (before != null && before.kind() == Kind.OPERATOR
                && (before.is("(") || before.is("[") || before.is("{") || before.is("#["))) {
            return BODY;   // `[` ending a line: the elements go 2 deeper, as in Toit's own code
        }
        return CONTINUATION;
    }

    private static boolean isCloser(Lexeme l) {
        return l.kind() == Kind.OPERATOR && (l.is(")") || l.is("]") || l.is("}"));
    }

    private Lexeme previousReal(int index) {
        for (int i = index - 1; i >= 0; i--) {
            Lexeme l = lines.lexemes.get(i);
            if (l.kind() != Kind.SPACE && l.kind() != Kind.LINE_BREAK && l.kind() != Kind.COMMENT) return l;
        }
        return null;
    }

    /**
     * A comment line goes with the code it sits in: indented like the next line of code, unless
     * that line is shallower (the comment ends a body), then like the last line above it that is
     * not deeper than the comment.
     */
    private int commentIndent(int index, int[] result) {
        int width = width(lines.get(index));
        for (int i = index + 1; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.is(LineKind.CODE)) {
                if (line.indent() >= width) return result[i];
                break;
            }
        }
        // the lines above that are still open: each shallower than every code line after it
        int shallowest = Integer.MAX_VALUE;
        for (int i = index - 1; i >= 0 && shallowest > 0; i--) {
            Line line = lines.get(i);
            if (!line.is(LineKind.CODE) || line.indent() >= shallowest) continue;
            shallowest = line.indent();
            if (line.indent() == width) return result[i];
            if (line.indent() < width) return result[i] + deeperStep(i);   // inside that line's construct
        }
        return 0;
    }

    /**
     * For a comment deeper than the code line above it and nothing deeper after it: a body that
     * line opens (an empty one, or one whose code comes later) or else a continuation of it.
     */
    private int deeperStep(int lineIndex) {
        int next = lineIndex + 1 < lines.size() ? lines.get(lineIndex + 1).start() : lines.text.length();
        Lexeme last = null;
        for (int k = lines.firstLexemeFrom(lines.get(lineIndex).start()); k < lines.lexemes.size(); k++) {
            Lexeme l = lines.lexemes.get(k);
            if (l.start() >= next) break;
            if (l.kind() != Kind.SPACE && l.kind() != Kind.LINE_BREAK && l.kind() != Kind.COMMENT) last = l;
        }
        if (last == null) return CONTINUATION;
        boolean opens = last.kind() == Kind.OPERATOR && (last.is(":") || last.is("::") || last.is("(") || last.is("[")
                || last.is("{") || last.is("#[") || last.is("|"));
        return opens ? BODY : CONTINUATION;
    }

    /** The indentation of a line as the lexer measures it (a tab reaches the next multiple of 8). */
    private int width(Line line) {
        int w = 0;
        for (int i = line.start(); i < line.textStart(); i++) {
            w = lines.text.charAt(i) == '\t' ? (w / 8 + 1) * 8 : w + 1;
        }
        return w;
    }
}
