package io.eave.toit.ide;

import static io.eave.toit.ide.ServerSession.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outline and the folding ranges of a file, through a real LSP4J client. */
class OutlineAndFoldingTest {
    private static final String URI = "file:///project/src/main.toit";
    private static final String TEXT = """
            import math
            import gpio

            LIMIT ::= 10
            counter := 0

            // A point on the plane,
            // with integer coordinates.
            class Point:
              x/int
              y/int
              constructor .x .y:
              constructor.origin:
                x = 0
                y = 0
              operator + other/Point -> Point:
                return Point x + other.x y + other.y
              norm= value/int:
                x = value
              stringify -> string: return "($x, $y)"

            interface Shape:
              area -> float

            main:
              points := [
                Point 1 2,
                Point.origin,
              ]
              if points.size > 1:
                print points[0]
                print points[1]
              else:
                print "none"
              points.do: | p |
                print p
            """;

    private ServerSession session;

    @BeforeEach
    void start() throws Exception {
        session = new ServerSession();
        session.open(URI, TEXT);
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
    }

    @Test
    void outlineListsDeclarationsAndClassMembers() throws Exception {
        List<DocumentSymbol> symbols = await(session.documents().documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(URI))))
                .stream().map(Either::getRight).toList();
        assertEquals(List.of("LIMIT Constant", "counter Variable", "Point Class", "Shape Interface", "main Function"),
                symbols.stream().map(OutlineAndFoldingTest::describe).toList());
        DocumentSymbol point = symbols.get(2);
        assertEquals(List.of("x Field", "y Field", "constructor Constructor", "constructor.origin Constructor", "operator + Operator",
                "norm= Method", "stringify Method"), point.getChildren().stream().map(OutlineAndFoldingTest::describe).toList());
        // the whole class for the range, its name for the selection
        assertEquals(new Range(new Position(8, 0), new Position(19, 40)), point.getRange());
        assertEquals(new Range(new Position(8, 6), new Position(8, 11)), point.getSelectionRange());
        DocumentSymbol plus = point.getChildren().get(4);
        assertEquals("other -> Point", plus.getDetail());
        assertEquals(new Range(new Position(15, 2), new Position(16, 40)), plus.getRange());
        assertEquals(List.of("area Method"), symbols.get(3).getChildren().stream().map(OutlineAndFoldingTest::describe).toList());
    }

    @Test
    @SuppressWarnings("deprecation")
    void aClientWithoutNestedSymbolsGetsAFlatList() throws Exception {
        var capabilities = new org.eclipse.lsp4j.ClientCapabilities();
        var textDocument = new org.eclipse.lsp4j.TextDocumentClientCapabilities();
        var symbols = new org.eclipse.lsp4j.DocumentSymbolCapabilities();
        symbols.setHierarchicalDocumentSymbolSupport(false);
        textDocument.setDocumentSymbol(symbols);
        var rename = new org.eclipse.lsp4j.RenameCapabilities();
        rename.setPrepareSupport(true);
        textDocument.setRename(rename);
        capabilities.setTextDocument(textDocument);
        var params = new org.eclipse.lsp4j.InitializeParams();
        params.setCapabilities(capabilities);
        try (ServerSession flat = new ServerSession(params)) {
            assertEquals(true, flat.initialized.getCapabilities().getRenameProvider().getRight().getPrepareProvider());
            assertEquals(true, session.initialized.getCapabilities().getRenameProvider().getLeft());   // no prepare support declared
            flat.open(URI, TEXT);
            var list = await(flat.documents().documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(URI))))
                    .stream().map(Either::getLeft).toList();
            assertEquals(List.of("LIMIT", "counter", "Point", "x Point", "y Point", "constructor Point", "constructor.origin Point",
                    "operator + Point", "norm= Point", "stringify Point", "Shape", "area Shape", "main"),
                    list.stream().map(s -> s.getName() + (s.getContainerName() == null ? "" : " " + s.getContainerName())).toList());
            assertEquals(new Range(new Position(15, 2), new Position(16, 40)), list.get(7).getLocation().getRange());
        }
    }

    @Test
    void foldingCoversBodiesLiteralsImportsAndComments() throws Exception {
        List<FoldingRange> ranges = await(session.documents().foldingRange(new FoldingRangeRequestParams(new TextDocumentIdentifier(URI))));
        assertEquals(List.of(
                "0-1 imports", "6-7 comment", "8-19", "12-14", "15-16", "17-18", "21-22", "24-35", "25-28", "29-31", "32-33",
                "34-35"), ranges.stream().map(OutlineAndFoldingTest::describe).toList());
    }

    private static String describe(DocumentSymbol s) {
        return s.getName() + " " + s.getKind();
    }

    private static String describe(FoldingRange r) {
        return r.getStartLine() + "-" + r.getEndLine() + (r.getKind() == null ? "" : " " + r.getKind());
    }
}
