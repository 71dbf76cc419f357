package io.eave.toit.ide;

import static io.eave.toit.ide.ServerSession.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How long each request takes on a 1,000-line file, printed (the server's README quotes it). The
 * bound asserted is loose (a shared, busy machine) but catches a request that analyzes far too often.
 */
class RequestLatencyTest {
    private static final String URI = "file:///project/src/big.toit";
    private static final int CLASSES = 44;
    private static final long BOUND_MS = 5_000;

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
    void requestsOnAThousandLines() throws Exception {
        String text = GeneratedProgram.of(CLASSES);
        long lines = text.lines().count();
        assertTrue(lines >= 1_000, lines + " lines");
        long start = System.nanoTime();
        session.open(URI, text);
        assertEquals(0, session.published.poll(60, TimeUnit.SECONDS).getDiagnostics().size());
        long open = (System.nanoTime() - start) / 1_000_000;   // cold: JIT and the core library too, so not bounded
        Map<String, Long> ms = new LinkedHashMap<>();
        TextDocumentIdentifier doc = new TextDocumentIdentifier(URI);
        Position area = new Position(6, 3);   // `area` of Shape0
        time(ms, "hover", () -> await(session.documents().hover(new HoverParams(doc, area))));
        time(ms, "completion", () -> await(session.documents().completion(new CompletionParams(doc, new Position(7, 11)))));
        time(ms, "references", () -> await(session.documents().references(new ReferenceParams(doc, area, new ReferenceContext(true)))));
        time(ms, "rename", () -> await(session.documents().rename(new RenameParams(doc, area, "surface"))));
        time(ms, "signature help", () -> await(session.documents().signatureHelp(new SignatureHelpParams(doc, new Position(9, 11)))));
        time(ms, "outline", () -> await(session.documents().documentSymbol(new DocumentSymbolParams(doc))));
        time(ms, "folding", () -> await(session.documents().foldingRange(new FoldingRangeRequestParams(doc))));
        time(ms, "semantic tokens", () -> await(session.documents().semanticTokensFull(new SemanticTokensParams(doc))));
        System.out.println("LSP request latency on " + lines + " lines (ms, median of 5): " + ms + "; first diagnostics after open: " + open);
        ms.forEach((request, took) -> assertTrue(took < BOUND_MS, request + " took " + took + " ms"));
    }

    /** The median of five runs after one to warm up. */
    private static void time(Map<String, Long> ms, String request, Callable<?> call) throws Exception {
        call.call();
        long[] runs = new long[5];
        for (int i = 0; i < runs.length; i++) {
            long start = System.nanoTime();
            call.call();
            runs[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(runs);
        ms.put(request, runs[runs.length / 2]);
    }
}
