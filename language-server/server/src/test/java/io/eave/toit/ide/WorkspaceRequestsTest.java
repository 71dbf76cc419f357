package io.eave.toit.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests that analyze the whole workspace do not hold up the ones that need only the open documents. */
class WorkspaceRequestsTest {
    private static final String APP = """
            main:
              total := 0
              print total
            """;

    @TempDir
    Path project;

    @Test
    void completionAnswersWhileTheFirstReferencesAnalyzeALargeWorkspace() throws Exception {
        long lines = 0;
        for (int f = 0; f < 50; f++) {
            String text = GeneratedProgram.of(44, "f" + f);
            lines += text.lines().count();
            Files.writeString(project.resolve("file" + f + ".toit"), text);
        }
        assertTrue(lines > 45_000, lines + " lines");
        Path app = Files.writeString(project.resolve("app.toit"), APP);
        String uri = app.toUri().toString();
        InitializeParams params = new InitializeParams();
        params.setWorkspaceFolders(List.of(new WorkspaceFolder(project.toUri().toString(), "project")));
        try (ServerSession session = new ServerSession(params)) {
            session.open(uri, APP);
            assertEquals(List.of(), session.published.poll(20, TimeUnit.SECONDS).getDiagnostics());
            TextDocumentIdentifier doc = new TextDocumentIdentifier(uri);
            CompletionParams completion = new CompletionParams(doc, new Position(2, 8));
            ServerSession.await(session.documents().completion(completion));   // warm: the open document's analysis is kept
            Thread.sleep(1_000);   // the index reads the 50 files meanwhile

            // the first references: the whole workspace is analyzed (seconds); completion meanwhile answers at once
            long start = System.nanoTime();
            var references = session.documents().references(new ReferenceParams(doc, new Position(1, 3), new ReferenceContext(true)));
            List<String> offered = ServerSession.await(session.documents().completion(completion)).getLeft().stream()
                    .map(CompletionItem::getLabel).toList();
            long completed = System.nanoTime() - start;
            boolean referencesDoneFirst = references.isDone();
            var found = ServerSession.await(references);
            long referenced = System.nanoTime() - start;
            assertTrue(offered.contains("total"), offered.toString());
            assertEquals(2, found.size(), found.toString());
            assertFalse(referencesDoneFirst, "completion (" + completed / 1_000_000 + " ms) waited for references (" + referenced / 1_000_000
                    + " ms)");
            assertTrue(completed < referenced / 2, "completion " + completed / 1_000_000 + " ms, references " + referenced / 1_000_000 + " ms");
        }
    }
}
