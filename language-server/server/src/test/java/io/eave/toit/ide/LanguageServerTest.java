package io.eave.toit.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real client talks JSON-RPC to the server over pipes: diagnostics as you type, completion. */
class LanguageServerTest {
    private static final String URI = "file:///project/src/main.toit";

    private ServerSession session;
    private LanguageServer server;

    @BeforeEach
    void start() throws Exception {
        session = new ServerSession();
        server = session.server;
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
    }

    private PublishDiagnosticsParams nextDiagnostics() throws InterruptedException {
        PublishDiagnosticsParams p = session.published.poll(20, TimeUnit.SECONDS);
        assertTrue(p != null, "no diagnostics published");
        return p;
    }

    @Test
    void diagnosticsFollowTheText() throws Exception {
        assertTrue(session.initialized.getCapabilities().getCompletionProvider() != null);
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(URI, "toit", 1, "main:\n  print undefined-name\n")));
        PublishDiagnosticsParams first = nextDiagnostics();
        assertEquals(URI, first.getUri());
        assertEquals(1, first.getDiagnostics().size());
        var d = first.getDiagnostics().get(0);
        assertEquals("io.eave.toit.unresolved-name", d.getCode().getLeft());
        assertEquals(new Range(new Position(1, 8), new Position(1, 22)), d.getRange());

        // replace the wrong name: the error goes away
        TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(
                new Range(new Position(1, 8), new Position(1, 22)), "42");
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(URI, 2), List.of(change)));
        assertEquals(List.of(), nextDiagnostics().getDiagnostics());
    }

    @Test
    void completionOffersNamesInScopeAndMembers() throws Exception {
        String text = """
                class Point:
                  x := 0
                  y := 0
                  distance -> int: return x + y
                main:
                  point := Point
                  print poi
                  point.
                """;
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "toit", 1, text)));
        List<String> names = complete(6, 11);
        assertTrue(names.contains("point"), names.toString());
        names = complete(7, 8);
        assertTrue(names.containsAll(List.of("x", "y", "distance", "stringify")), names.toString());
        names = complete(6, 4);
        assertTrue(names.contains("print"), names.toString());
    }

    @Test
    void completionOffersNamedArguments() throws Exception {
        String text = """
                connect host --port/int=80 --secure/bool=false: return host
                main:
                  connect "h" --
                  connect "h" --se
                """;
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "toit", 1, text)));
        assertEquals(List.of("--port", "--secure"), complete(2, 16));
        assertEquals(List.of("--secure"), complete(3, 18));
    }

    /**
     * After an edit inside one declaration, completion parses only that declaration against the
     * last analysis: names and types of the other declarations still resolve, the edited one's
     * new names and members are seen, and edits elsewhere are seen too.
     */
    @Test
    void completionAfterEditsReparsesTheDeclarationAtTheCursor() throws Exception {
        String text = """
                /// A point.
                class Point:
                  x := 0
                  distance -> int: return x
                helper -> Point: return Point
                main:
                  p := helper
                  print p.x
                """;
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "toit", 1, text)));
        assertEquals(List.of(), nextDiagnostics().getDiagnostics());   // analyzed: the kept analysis completion starts from
        change(2, new Range(new Position(7, 11), new Position(7, 11)), "\n  q := p\n  q.");
        assertTrue(complete(9, 4).containsAll(List.of("x", "distance")), complete(9, 4).toString());
        assertTrue(complete(8, 8).contains("p"), complete(8, 8).toString());
        change(3, new Range(new Position(3, 27), new Position(3, 27)), "\n  y := 1");   // a member added in another declaration
        assertTrue(complete(10, 4).containsAll(List.of("x", "y", "distance")), complete(10, 4).toString());
        change(4, new Range(new Position(9, 9), new Position(9, 9)), "\n  r := Point\n  r.");   // and now inside main again
        assertTrue(complete(12, 4).containsAll(List.of("x", "y", "distance")), complete(12, 4).toString());
        var documented = server.getTextDocumentService()
                .completion(new CompletionParams(new TextDocumentIdentifier(URI), new Position(11, 9))).get(20, TimeUnit.SECONDS).getLeft();
        var point = documented.stream().filter(i -> i.getLabel().equals("Point")).findFirst().orElseThrow();
        assertEquals("A point.", point.getDocumentation().getLeft());
    }

    @Test
    void completionRightAfterAnEditInAnotherDeclarationSeesItsNewNames() throws Exception {
        String text = """
                class Point:
                  x := 0
                  norm -> int: return x

                helper:
                  return 1

                main:
                  point := Point
                  total := 0
                  print point.norm
                """;
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "toit", 1, text)));
        assertEquals(List.of(), nextDiagnostics().getDiagnostics());
        // a keystroke in the body of a method of Point, far from main: main's locals and Point's members as before
        change(2, new Range(new Position(2, 22), new Position(2, 22)), " ");
        assertTrue(complete(10, 8).containsAll(List.of("total", "point", "helper")), complete(10, 8).toString());
        // a member added to Point and at once completion in main: the new member is offered
        change(3, new Range(new Position(2, 24), new Position(2, 24)), "\n  nudge -> int: return 2");
        assertTrue(complete(11, 15).containsAll(List.of("norm", "nudge")), complete(11, 15).toString());
    }

    private void change(int version, Range range, String text) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, version),
                List.of(new TextDocumentContentChangeEvent(range, text))));
    }

    @Test
    void hoverAndDefinition() throws Exception {
        String text = """
                /// Twice the value.
                twice x/int -> int: return x * 2
                main:
                  print (twice 3)
                """;
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "toit", 1, text)));
        var hover = server.getTextDocumentService()
                .hover(new org.eclipse.lsp4j.HoverParams(new TextDocumentIdentifier(URI), new Position(3, 10)))
                .get(20, TimeUnit.SECONDS);
        String markdown = hover.getContents().getRight().getValue();
        assertTrue(markdown.contains("twice x/int -> int") && markdown.contains("Twice the value."), markdown);
        var definition = server.getTextDocumentService()
                .definition(new org.eclipse.lsp4j.DefinitionParams(new TextDocumentIdentifier(URI), new Position(3, 10)))
                .get(20, TimeUnit.SECONDS).getLeft();
        assertEquals(1, definition.size());
        assertEquals(new Range(new Position(1, 0), new Position(1, 5)), definition.get(0).getRange());
    }

    private List<String> complete(int line, int character) throws Exception {
        CompletableFuture<List<String>> names = server.getTextDocumentService()
                .completion(new CompletionParams(new TextDocumentIdentifier(URI), new Position(line, character)))
                .thenApply(e -> e.getLeft().stream().map(CompletionItem::getLabel).toList());
        return names.get(20, TimeUnit.SECONDS);
    }
}
