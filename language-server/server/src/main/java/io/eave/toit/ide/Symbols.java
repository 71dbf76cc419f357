package io.eave.toit.ide;

import io.eave.toit.ast.Class;
import io.eave.toit.ast.ClassKind;
import io.eave.toit.ast.Declaration;
import io.eave.toit.ast.Field;
import io.eave.toit.ast.Method;
import io.eave.toit.ast.Unit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/** The outline of a file: its top-level declarations, and the members of its classes. */
final class Symbols {
    private Symbols() {
    }

    static List<DocumentSymbol> of(Unit unit) {
        TextPositions positions = new TextPositions(References.text(unit));
        List<DocumentSymbol> result = new ArrayList<>();
        for (Declaration d : unit.getDeclarations()) {
            DocumentSymbol symbol = symbol(d, positions);
            if (symbol == null) continue;
            if (d instanceof Class c) {
                List<DocumentSymbol> members = new ArrayList<>();
                for (Declaration m : c.getMembers()) {
                    DocumentSymbol member = symbol(m, positions);
                    if (member != null) members.add(member);
                }
                symbol.setChildren(members);
            }
            result.add(symbol);
        }
        return result;
    }

    /** The symbols as a flat list, each member naming its class, for clients without nesting. */
    @SuppressWarnings("deprecation")   // SymbolInformation is what such clients understand
    static List<SymbolInformation> flat(List<DocumentSymbol> symbols, String uri) {
        List<SymbolInformation> result = new ArrayList<>();
        for (DocumentSymbol s : symbols) {
            result.add(new SymbolInformation(s.getName(), s.getKind(), new Location(uri, s.getRange())));
            if (s.getChildren() == null) continue;
            for (DocumentSymbol member : s.getChildren()) {
                result.add(new SymbolInformation(member.getName(), member.getKind(), new Location(uri, member.getRange()), s.getName()));
            }
        }
        return result;
    }

    private static DocumentSymbol symbol(Declaration d, TextPositions positions) {
        INode node = NodeModelUtils.getNode(d);
        INode name = Navigation.nameNode(d);
        if (node == null || name == null || d.eIsProxy()) return null;   // a declaration the parser gave up on
        Range range = new Range(positions.position(node.getOffset()), positions.position(contentEnd(node)));
        Range selection = new Range(positions.position(name.getOffset()), positions.position(name.getEndOffset()));
        DocumentSymbol symbol = new DocumentSymbol(label(d), kind(d), range, selection);
        symbol.setDetail(Completion.detail(d));
        return symbol;
    }

    private static String label(Declaration d) {
        if (d instanceof Method m) {
            if (m.isConstructor()) return m.getName() == null ? "constructor" : "constructor." + m.getName();
            if (m.isOperator()) return "operator " + m.getName();
            if (m.isSetter()) return m.getName() + "=";
        }
        return d.getName();
    }

    private static SymbolKind kind(Declaration d) {
        boolean member = d.eContainer() instanceof Class;
        return switch (d) {
            case Class c -> c.getKind() == ClassKind.INTERFACE ? SymbolKind.Interface : SymbolKind.Class;
            case Method m when m.isConstructor() -> SymbolKind.Constructor;
            case Method m when m.isOperator() -> SymbolKind.Operator;
            case Method m -> member ? SymbolKind.Method : SymbolKind.Function;
            case Field f when member -> SymbolKind.Field;
            case Field f -> f.isFinal() ? SymbolKind.Constant : SymbolKind.Variable;
            default -> SymbolKind.Variable;
        };
    }

    /** Where the text of a node ends, without the line breaks and comments that close it. */
    static int contentEnd(INode node) {
        int end = node.getOffset();
        for (ILeafNode leaf : node.getLeafNodes()) {
            if (leaf.isHidden() || leaf.getText().isBlank()) continue;
            String text = leaf.getText();
            int last = text.length();
            while (last > 0 && Character.isWhitespace(text.charAt(last - 1))) last--;
            end = Math.max(end, leaf.getOffset() + last);
        }
        return end;
    }
}
