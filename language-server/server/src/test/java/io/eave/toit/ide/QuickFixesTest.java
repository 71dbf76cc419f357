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
        assertEquals(List.of("Change to 'count'", "Write 'not'", "Write 'and'", "Insert a space before '('", "Change to '--secure'"),
                actions.stream().map(CodeAction::getTitle).toList());

        List<TextEdit> edits = new ArrayList<>();
        actions.forEach(a -> edits.addAll(a.getEdit().getChanges().get(URI)));
        String fixed = ServerSession.apply(text, edits);
        assertEquals("""
                connect host --secure/bool=false: return host
                main:
                  count := 1
                  print count
                  if not (count > 0) and true: print "none"
                  print (count)
                  connect "h" --secure
                """, fixed);
        session.documents().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, 2),
                List.of(new TextDocumentContentChangeEvent(fixed))));
        assertEquals(List.of(), session.published.poll(20, TimeUnit.SECONDS).getDiagnostics());
    }

    @Test
    void suggestionsAreTheNearestNames() {
        var names = new java.util.LinkedHashSet<>(List.of("count", "counter", "print", "account", "cnt"));
        assertEquals(List.of("count", "cnt"), QuickFixes.nearest("cuont", names));   // "account" is 3 edits away
        assertEquals(List.of(), QuickFixes.nearest("xyzzy", names));
    }
}
