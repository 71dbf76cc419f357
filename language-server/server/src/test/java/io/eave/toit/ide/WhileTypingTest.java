package io.eave.toit.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;

/**
 * A program typed piece by piece: every request answers on every unfinished text, at its end and
 * in its middle, without an internal error (refusing to rename is an answer).
 */
class WhileTypingTest {
    private static final String URI = "file:///project/src/typing.toit";
    private static final String PROGRAM = """
            import math
            /// A counter.
            class Counter:
              count := 0
              constructor .count --step/int=1:
              add by/int -> none:
                count += by
              operator + other/Counter -> Counter:
                return Counter count + other.count
              stringify -> string: return "Counter($count)"
            interface Shape:
              area -> float
            main:
              counter := Counter 3 --step=2
              counter.add 4
              [1, 2, 3].do: | x |
                if x > 1 and not x == 3:
                  print "$x: $(%5d counter.count)"
                else:
                  print (math.sqrt x)
              try:
                counter.add -1
              finally: | is-exception exception |
                print is-exception
            """;

    @Test
    void everyRequestAnswersOnEveryUnfinishedText() throws Exception {
        List<String> failures = new ArrayList<>();
        try (ServerSession session = new ServerSession()) {
            session.open(URI, "");
            int version = 1;
            for (int cut = 1; cut <= PROGRAM.length(); cut += 7) {
                String text = PROGRAM.substring(0, cut);
                session.documents().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, ++version),
                        List.of(new TextDocumentContentChangeEvent(text))));
                TextPositions positions = new TextPositions(text);
                for (int offset : new int[] {text.length(), text.length() / 2}) {
                    requests(session, positions.position(offset)).forEach((name, future) -> {
                        String problem = problem(future);
                        if (problem != null) failures.add(name + " at " + offset + " of " + text.length() + ": " + problem);
                    });
                }
            }
        }
        assertEquals(List.of(), failures.stream().limit(10).toList());
    }

    private static java.util.Map<String, CompletableFuture<?>> requests(ServerSession session, Position at) {
        TextDocumentIdentifier doc = new TextDocumentIdentifier(URI);
        var documents = session.documents();
        var result = new java.util.LinkedHashMap<String, CompletableFuture<?>>();
        result.put("completion", documents.completion(new CompletionParams(doc, at)));
        result.put("hover", documents.hover(new HoverParams(doc, at)));
        result.put("definition", documents.definition(new DefinitionParams(doc, at)));
        result.put("references", documents.references(new ReferenceParams(doc, at, new ReferenceContext(true))));
        result.put("highlight", documents.documentHighlight(new DocumentHighlightParams(doc, at)));
        result.put("prepareRename", documents.prepareRename(new PrepareRenameParams(doc, at)));
        result.put("rename", documents.rename(new RenameParams(doc, at, "renamed")));
        result.put("signatureHelp", documents.signatureHelp(new SignatureHelpParams(doc, at)));
        result.put("outline", documents.documentSymbol(new DocumentSymbolParams(doc)));
        result.put("folding", documents.foldingRange(new FoldingRangeRequestParams(doc)));
        result.put("semanticTokens", documents.semanticTokensFull(new SemanticTokensParams(doc)));
        result.put("codeAction", documents.codeAction(new CodeActionParams(doc, new Range(at, at), new CodeActionContext(List.of()))));
        result.put("implementation", documents.implementation(new org.eclipse.lsp4j.ImplementationParams(doc, at)));
        result.put("formatting", documents.formatting(new org.eclipse.lsp4j.DocumentFormattingParams(doc, new org.eclipse.lsp4j.FormattingOptions(2, true))));
        result.put("rangeFormatting", documents.rangeFormatting(new org.eclipse.lsp4j.DocumentRangeFormattingParams(doc,
                new org.eclipse.lsp4j.FormattingOptions(2, true), new Range(new Position(0, 0), at))));
        result.put("semanticTokensRange", documents.semanticTokensRange(new org.eclipse.lsp4j.SemanticTokensRangeParams(doc,
                new Range(new Position(0, 0), at))));
        return result;
    }

    /** What went wrong, or null for an answer. */
    private static String problem(CompletableFuture<?> future) {
        try {
            future.get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ResponseErrorException r && r.getResponseError().getCode() == ResponseErrorCode.RequestFailed.getValue()) {
                return null;
            }
            return String.valueOf(e.getCause() instanceof ResponseErrorException r ? r.getResponseError().getMessage() + " "
                    + r.getResponseError().getData() : e.getCause());
        } catch (Exception e) {
            return e.toString();
        }
    }
}
