package io.eave.toit.ide;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;

/** The real server and a real LSP4J client, joined by pipes; what the server publishes is queued. */
final class ServerSession implements AutoCloseable {
    final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    final BlockingQueue<org.eclipse.lsp4j.RegistrationParams> registrations = new LinkedBlockingQueue<>();
    final BlockingQueue<MessageParams> logged = new LinkedBlockingQueue<>();
    final LanguageServer server;
    final InitializeResult initialized;

    ServerSession() throws IOException, InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        this(new InitializeParams());
    }

    /** A session whose client declares {@code params}' capabilities. */
    ServerSession(InitializeParams params) throws IOException, InterruptedException, ExecutionException,
            java.util.concurrent.TimeoutException {
        System.setProperty("eave.lsp.embedded", "true");
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        ToitServerLauncher.run(serverIn, serverOut);
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Client(), clientIn, clientOut);
        launcher.startListening();
        server = launcher.getRemoteProxy();
        initialized = server.initialize(params).get(10, TimeUnit.SECONDS);
    }

    TextDocumentService documents() {
        return server.getTextDocumentService();
    }

    void open(String uri, String text) {
        documents().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "toit", 1, text)));
    }

    /** The result of a request, within the time a slow shared machine needs. */
    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    /** The message of the error a request ends with. */
    static String failure(CompletableFuture<?> future) throws Exception {
        try {
            future.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertTrue(e.getCause() instanceof ResponseErrorException, e.toString());
            return ((ResponseErrorException) e.getCause()).getResponseError().getMessage();
        }
        throw new AssertionError("the request succeeded");
    }

    /** {@code text} with the edits applied, as a client would. */
    static String apply(String text, List<TextEdit> edits) {
        TextPositions positions = new TextPositions(text);
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt((TextEdit e) -> positions.offset(e.getRange().getStart())).reversed());
        StringBuilder result = new StringBuilder(text);
        for (TextEdit e : sorted) {
            result.replace(positions.offset(e.getRange().getStart()), positions.offset(e.getRange().getEnd()), e.getNewText());
        }
        return result.toString();
    }

    @Override
    public void close() throws Exception {
        server.shutdown().get(20, TimeUnit.SECONDS);   // as every request: a busy shared machine is slow
    }

    private final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            published.add(diagnostics);
        }

        @Override
        public void showMessage(MessageParams messageParams) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
            logged.add(message);
        }

        @Override
        public CompletableFuture<Void> registerCapability(org.eclipse.lsp4j.RegistrationParams params) {
            registrations.add(params);
            return CompletableFuture.completedFuture(null);
        }
    }
}
