package io.eave.toit.ide;

import static io.eave.toit.ide.ServerSession.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemCapabilities;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;

/** Keywords where they may stand; snippets only for a client that takes them. */
class KeywordCompletionTest {
    private static final String URI = "file:///project/src/main.toit";
    private static final String TEXT = """
            class Point:
              x := 0
              con
            cl
            main:
              wh
              print tr
            """;

    @Test
    void keywordsFitTheirPlace() throws Exception {
        try (ServerSession session = new ServerSession()) {
            session.open(URI, TEXT);
            assertEquals(List.of("constructor"), labels(complete(session, 2, 5)));
            assertEquals(List.of("class"), labels(complete(session, 3, 2)));
            assertEquals(List.of("while"), labels(complete(session, 5, 4)));
            List<String> expression = labels(complete(session, 6, 10));
            assertTrue(expression.contains("true") && !expression.contains("try"), expression.toString());
            CompletionItem plain = complete(session, 5, 4).get(0);
            assertEquals(CompletionItemKind.Keyword, plain.getKind());
            assertFalse(InsertTextFormat.Snippet.equals(plain.getInsertTextFormat()), "no snippets for a client without them");
        }
    }

    @Test
    void aClientWithSnippetsGetsTheStatementShape() throws Exception {
        CompletionItemCapabilities item = new CompletionItemCapabilities(true);
        TextDocumentClientCapabilities textDocument = new TextDocumentClientCapabilities();
        textDocument.setCompletion(new CompletionCapabilities(item));
        ClientCapabilities capabilities = new ClientCapabilities();
        capabilities.setTextDocument(textDocument);
        InitializeParams params = new InitializeParams();
        params.setCapabilities(capabilities);
        try (ServerSession session = new ServerSession(params)) {
            session.open(URI, TEXT);
            CompletionItem loop = complete(session, 5, 4).get(0);
            assertEquals("while ${1:condition}:\n  $0", loop.getInsertText());
            assertEquals(InsertTextFormat.Snippet, loop.getInsertTextFormat());
            assertEquals("class ${1:Name}:\n  $0", complete(session, 3, 2).get(0).getInsertText());
        }
    }

    private static List<CompletionItem> complete(ServerSession session, int line, int character) throws Exception {
        return await(session.documents().completion(new CompletionParams(new TextDocumentIdentifier(URI), new Position(line, character))))
                .getLeft();
    }

    private static List<String> labels(List<CompletionItem> items) {
        return items.stream().map(CompletionItem::getLabel).toList();
    }
}
