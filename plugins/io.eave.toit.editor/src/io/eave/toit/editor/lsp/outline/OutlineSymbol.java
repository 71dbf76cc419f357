package io.eave.toit.editor.lsp.outline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Range;

/**
 * A row of the Outline: a server's symbol with its parent, equal to the symbol of the same name,
 * kind and place among its parent's children in the next answer. That identity is what lets the
 * tree keep its expanded rows and its selection when the symbols come back after an edit.
 */
final class OutlineSymbol {
    final DocumentSymbol symbol;
    final OutlineSymbol parent;
    final List<OutlineSymbol> children = new ArrayList<>();
    private final String path;

    private OutlineSymbol(DocumentSymbol symbol, OutlineSymbol parent, String key) {
        this.symbol = symbol;
        this.parent = parent;
        this.path = (parent == null ? "" : parent.path + "/") + key;
    }

    /** The tree of an answer; overloads of a name are told apart by their order. */
    static List<OutlineSymbol> of(List<DocumentSymbol> symbols) {
        return children(symbols, null);
    }

    private static List<OutlineSymbol> children(List<DocumentSymbol> symbols, OutlineSymbol parent) {
        List<OutlineSymbol> result = new ArrayList<>();
        if (symbols == null) return result;
        Map<String, Integer> seen = new HashMap<>();
        for (DocumentSymbol s : symbols) {
            String key = s.getKind() + ":" + s.getName();
            int n = seen.merge(key, 1, Integer::sum);
            OutlineSymbol row = new OutlineSymbol(s, parent, n == 1 ? key : key + "#" + n);
            row.children.addAll(children(s.getChildren(), row));
            result.add(row);
        }
        return result;
    }

    /** What the tree shows of rows: their labels, kinds and nesting (not where they are). */
    static String shape(List<OutlineSymbol> rows) {
        StringBuilder s = new StringBuilder();
        for (OutlineSymbol row : rows) {
            s.append(row.symbol.getKind()).append(' ').append(ToitOutlinePage.label(row.symbol)).append('{').append(shape(row.children)).append('}');
        }
        return s.toString();
    }

    /** Every row of the tree, by itself: the newest instance of an equal row. */
    static void index(List<OutlineSymbol> rows, java.util.Map<OutlineSymbol, OutlineSymbol> into) {
        for (OutlineSymbol row : rows) {
            into.put(row, row);
            index(row.children, into);
        }
    }

    /** The innermost symbol whose text holds the position (line, character), or null. */
    static OutlineSymbol innermost(List<OutlineSymbol> rows, int line, int character) {
        for (OutlineSymbol row : rows) {
            if (contains(row.symbol.getRange(), line, character)) {
                OutlineSymbol inner = innermost(row.children, line, character);
                return inner != null ? inner : row;
            }
        }
        return null;
    }

    private static boolean contains(Range r, int line, int character) {
        if (r == null) return false;
        boolean afterStart = line > r.getStart().getLine() || line == r.getStart().getLine() && character >= r.getStart().getCharacter();
        boolean beforeEnd = line < r.getEnd().getLine() || line == r.getEnd().getLine() && character <= r.getEnd().getCharacter();
        return afterStart && beforeEnd;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutlineSymbol o && o.path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path;
    }
}
