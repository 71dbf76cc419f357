package io.eave.toit.editor.lsp;

import java.util.concurrent.CompletableFuture;
import org.eclipse.core.runtime.ILog;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * What the server tells the IDE: diagnostics become problem markers; messages go to the log; its
 * file watchers are served by {@link ToitFileWatcher}.
 */
final class ToitLanguageClient implements LanguageClient {
    private static final ILog LOG = ILog.of(ToitLanguageClient.class);
    private static final String WATCHED_FILES = "workspace/didChangeWatchedFiles";

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
        ToitLanguageServers.arrive(() -> ToitProblemMarkers.update(diagnostics.getUri(),
                diagnostics.getVersion(), diagnostics.getDiagnostics()));
    }

    /** The server asks to be told of changed files ({@code workspace/didChangeWatchedFiles}); nothing else is registered. */
    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
        params.getRegistrations().stream().filter(r -> WATCHED_FILES.equals(r.getMethod()))
                .forEach(r -> ToitFileWatcher.watch(r.getId(), r.getRegisterOptions()));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> unregisterCapability(UnregistrationParams params) {
        params.getUnregisterations().stream().filter(u -> WATCHED_FILES.equals(u.getMethod()))
                .forEach(u -> ToitFileWatcher.unwatch(u.getId()));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void showMessage(MessageParams message) {
        logMessage(message);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
        logMessage(new MessageParams(request.getType(), request.getMessage()));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {
        if (message.getType() == MessageType.Error) LOG.error("Toit language server: " + message.getMessage());
        else if (message.getType() == MessageType.Warning) LOG.warn("Toit language server: " + message.getMessage());
    }
}
