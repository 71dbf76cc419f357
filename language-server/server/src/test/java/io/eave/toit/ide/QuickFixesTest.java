package io.eave.toit.ide;

import static io.eave.toit.ide.ServerSession.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Quick fixes for the diagnostics the server published, applied as a client would: the problems go away. */
class QuickFixesTest {
    private static final String URI = "file:///project/src/main.toit";

    private ServerSession session;

    @BeforeEach
    void start() throws Exception {
        session = new ServerSession();
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
    }

    @Test
    void fixesRemoveTheProblemsTheyAreOfferedFor() throws Exception {
        String text = """
                connect host --secure/bool=false: return host
                main:
                  count := 1
                  print cuont
                  if !(count > 0) && true: print "none"
                  print(count)
                  connect "h" --secrue
                """;
        session.open(URI, text);
        PublishDiagnosticsParams published = session.published.poll(20, TimeUnit.SECONDS);
        assertTrue(published != null && published.getDiagnostics().size() == 5, String.valueOf(published));
        List<CodeAction> actions = await(session.documents().codeAction(new CodeActionParams(new TextDocumentIdentifier(URI),
                new Range(new Position(0, 0), new Position(7, 0)), new CodeActionContext(published.getDiagnostics()))))
                .stream().map(Either::getRight).toList();
        assertEquals(List.of("Change to 'count'", "Create function 'cuont'", "Write 'not'", "Write 'and'", "Insert a space before '('",
                "Change to '--secure'"), actions.stream().map(CodeAction::getTitle).toList());

        // the first fix offered for each problem
        List<TextEdit> edits = new ArrayList<>();
        java.util.Set<Object> fixed = new java.util.HashSet<>();
        actions.stream().filter(a -> fixed.add(a.getDiagnostics().get(0))).forEach(a -> edits.addAll(a.getEdit().getChanges().get(URI)));
        String result = ServerSession.apply(text, edits);
        assertEquals("""
                connect host --secure/bool=false: return host
                main:
                  count := 1
                  print count
                  if not (count > 0) and true: print "none"
                  print (count)
                  connect "h" --secure
                """, result);
        session.documents().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, 2),
                List.of(new TextDocumentContentChangeEvent(result))));
        assertEquals(List.of(), session.published.poll(20, TimeUnit.SECONDS).getDiagnostics());
    }

    @Test
    void missingMethodsAndFunctionsAreCreatedFromTheirCalls() throws Exception {
        String text = """
                class Point:
                  x := 0
                  norm -> int:
                    return scale x 2
                main:
                  p := Point
                  p.grow 3 --by=2
                  shout "hi" p: it
                """;
        session.open(URI, text);
        PublishDiagnosticsParams published = session.published.poll(20, TimeUnit.SECONDS);
        assertEquals(3, published.getDiagnostics().size(), published.toString());
        List<CodeAction> actions = await(session.documents().codeAction(new CodeActionParams(new TextDocumentIdentifier(URI),
                new Range(new Position(0, 0), new Position(8, 0)), new CodeActionContext(published.getDiagnostics()))))
                .stream().map(Either::getRight).toList();
        assertEquals(List.of("Create method 'scale' in class Point", "Create function 'scale'", "Create method 'grow' in class Point",
                "Create function 'shout'"), actions.stream().map(CodeAction::getTitle).toList());
        List<TextEdit> edits = new ArrayList<>();
        for (int i : new int[] {0, 2, 3}) edits.addAll(actions.get(i).getEdit().getChanges().get(URI));
        String result = ServerSession.apply(text, edits);
        assertTrue(result.contains("  scale x arg2:\n    throw \"UNIMPLEMENTED\"\n"), result);
        assertTrue(result.contains("  grow arg1 --by:\n    throw \"UNIMPLEMENTED\"\n"), result);
        assertTrue(result.endsWith("  shout \"hi\" p: it\n\nshout arg1 p [block]:\n  throw \"UNIMPLEMENTED\"\n"), result);
        session.documents().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, 2),
                List.of(new TextDocumentContentChangeEvent(result))));
        assertEquals(List.of(), session.published.poll(20, TimeUnit.SECONDS).getDiagnostics());
    }

    @Test
    void aLibraryNameIsImportedFromItsModule() throws Exception {
        String text = "main:\n  port := Port --tx=1 --rx=2\n";   // uart.Port (Pin is in the core library)
        session.open(URI, text);
        PublishDiagnosticsParams published = session.published.poll(20, TimeUnit.SECONDS);
        assertEquals(1, published.getDiagnostics().size(), published.toString());
        List<CodeAction> actions = await(session.documents().codeAction(new CodeActionParams(new TextDocumentIdentifier(URI),
                published.getDiagnostics().get(0).getRange(), new CodeActionContext(published.getDiagnostics()))))
                .stream().map(Either::getRight).toList();
        CodeAction importing = actions.stream().filter(a -> a.getTitle().equals("Import 'Port' from uart")).findFirst()
                .orElseThrow(() -> new AssertionError(actions.stream().map(CodeAction::getTitle).toList().toString()));
        String result = ServerSession.apply(text, importing.getEdit().getChanges().get(URI));
        assertEquals("import uart show Port\n\nmain:\n  port := Port --tx=1 --rx=2\n", result);
        session.documents().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, 2),
                List.of(new TextDocumentContentChangeEvent(result))));
        assertEquals(List.of(), session.published.poll(20, TimeUnit.SECONDS).getDiagnostics());
    }

    @Test
    void relativeImportsAreSpelledFromTheImportingFile() {
        assertEquals(".util", QuickFixes.relativeImport(java.nio.file.Path.of("/p/main.toit"), java.nio.file.Path.of("/p/util.toit")));
        assertEquals("..util", QuickFixes.relativeImport(java.nio.file.Path.of("/p/sub/main.toit"), java.nio.file.Path.of("/p/util.toit")));
        assertEquals(".lib.gauge", QuickFixes.relativeImport(java.nio.file.Path.of("/p/main.toit"), java.nio.file.Path.of("/p/lib/gauge.toit")));
        assertEquals(null, QuickFixes.relativeImport(java.nio.file.Path.of("/p/main.toit"), java.nio.file.Path.of("/p/my.lib/x.toit")));
    }

    @Test
    void suggestionsAreTheNearestNames() {
        var names = new java.util.LinkedHashSet<>(List.of("count", "counter", "print", "account", "cnt"));
        assertEquals(List.of("count", "cnt"), QuickFixes.nearest("cuont", names));   // "account" is 3 edits away
        assertEquals(List.of(), QuickFixes.nearest("xyzzy", names));
    }
}
