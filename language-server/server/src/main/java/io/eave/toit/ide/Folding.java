package io.eave.toit.ide;

import io.eave.toit.ast.Block;
import io.eave.toit.ast.ByteArrayLiteral;
import io.eave.toit.ast.Class;
import io.eave.toit.ast.For;
import io.eave.toit.ast.If;
import io.eave.toit.ast.Import;
import io.eave.toit.ast.ListLiteral;
import io.eave.toit.ast.MapLiteral;
import io.eave.toit.ast.Method;
import io.eave.toit.ast.SetLiteral;
import io.eave.toit.ast.StringLiteral;
import io.eave.toit.ast.StringTemplate;
import io.eave.toit.ast.Try;
import io.eave.toit.ast.Unit;
import io.eave.toit.ast.While;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Folding ranges: classes, methods, statements with bodies, blocks and literals that span lines
 * (an {@code if}'s then- and else-parts apart), runs of imports, and comments. One range per
 * starting line, the outermost.
 */
final class Folding {
    private Folding() {
    }

    static List<FoldingRange> of(Unit unit) {
        INode root = NodeModelUtils.getNode(unit);
        if (root == null) return List.of();
        TextPositions positions = new TextPositions(References.text(unit));
        Map<Integer, FoldingRange> byStart = new LinkedHashMap<>();
        for (EObject o : EcoreUtil2.eAllContents(unit)) {
            if (o instanceof If i) {
                INode node = NodeModelUtils.getNode(i);
                int thenEnd = i.getThen() == null ? node.getOffset() : Symbols.contentEnd(NodeModelUtils.getNode(i.getThen()));
                if (i.getThen() != null) add(byStart, positions, node.getOffset(), thenEnd, null);
                if (i.getElse() != null && !(i.getElse() instanceof If)) {
                    ILeafNode elseKeyword = keyword(node, "else", thenEnd);
                    if (elseKeyword != null) add(byStart, positions, elseKeyword.getOffset(), Symbols.contentEnd(node), null);
                }
            } else if (foldable(o)) {
                INode node = NodeModelUtils.getNode(o);
                if (node != null) add(byStart, positions, node.getOffset(), Symbols.contentEnd(node), null);
            }
        }
        imports(unit, positions, byStart);
        comments(root, positions, byStart);
        List<FoldingRange> result = new ArrayList<>(byStart.values());
        result.sort(Comparator.comparingInt(FoldingRange::getStartLine));
        return result;
    }

    private static boolean foldable(EObject o) {
        return o instanceof Class || o instanceof Method || o instanceof While || o instanceof For || o instanceof Try
                || o instanceof Block || o instanceof ListLiteral || o instanceof MapLiteral || o instanceof SetLiteral
                || o instanceof ByteArrayLiteral || o instanceof StringLiteral || o instanceof StringTemplate;
    }

    private static void imports(Unit unit, TextPositions positions, Map<Integer, FoldingRange> byStart) {
        List<Import> imports = unit.getImports();
        if (imports.size() < 2) return;
        int start = NodeModelUtils.getNode(imports.get(0)).getOffset();
        int end = Symbols.contentEnd(NodeModelUtils.getNode(imports.get(imports.size() - 1)));
        add(byStart, positions, start, end, FoldingRangeKind.Imports);
    }

    /** Comments on lines of their own, consecutive ones together, and multi-line comments. */
    private static void comments(INode root, TextPositions positions, Map<Integer, FoldingRange> byStart) {
        String source = root.getText();
        int runStart = -1;
        int runEnd = -1;
        for (ILeafNode leaf : root.getLeafNodes()) {
            if (!leaf.isHidden() || leaf.getText().isBlank()) continue;
            String text = leaf.getText().strip();
            if (!(text.startsWith("//") || text.startsWith("/*"))) continue;
            int lineStart = source.lastIndexOf('\n', leaf.getOffset() - 1) + 1;
            if (!source.substring(lineStart, leaf.getOffset()).isBlank()) continue;   // after code on its line
            int line = positions.position(leaf.getOffset()).getLine();
            if (runStart >= 0 && line == positions.position(runEnd).getLine() + 1 && text.startsWith("//")) {
                runEnd = leaf.getOffset() + text.length();
                continue;
            }
            if (runStart >= 0) add(byStart, positions, runStart, runEnd, FoldingRangeKind.Comment);
            runStart = leaf.getOffset();
            runEnd = leaf.getOffset() + text.length();
        }
        if (runStart >= 0) add(byStart, positions, runStart, runEnd, FoldingRangeKind.Comment);
    }

    private static void add(Map<Integer, FoldingRange> byStart, TextPositions positions, int start, int end, String kind) {
        int startLine = positions.position(start).getLine();
        int endLine = positions.position(Math.max(start, end - 1)).getLine();
        if (endLine <= startLine || byStart.containsKey(startLine)) return;
        FoldingRange range = new FoldingRange(startLine, endLine);
        if (kind != null) range.setKind(kind);
        byStart.put(startLine, range);
    }

    /** The first keyword {@code text} of {@code node} at or after {@code from}. */
    private static ILeafNode keyword(INode node, String text, int from) {
        for (ILeafNode leaf : node.getLeafNodes()) {
            if (!leaf.isHidden() && leaf.getOffset() >= from && leaf.getText().equals(text)) return leaf;
        }
        return null;
    }
}
