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
