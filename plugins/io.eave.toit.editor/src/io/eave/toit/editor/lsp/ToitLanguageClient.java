package io.eave.toit.editor.lsp;

import java.util.concurrent.CompletableFuture;
import org.eclipse.core.runtime.ILog;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

/** What the server tells the IDE: diagnostics become problem markers; messages go to the log. */
final class ToitLanguageClient implements LanguageClient {
    private static final ILog LOG = ILog.of(ToitLanguageClient.class);

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
        ToitLanguageServers.arrive(() -> ToitProblemMarkers.update(diagnostics.getUri(), diagnostics.getDiagnostics()));
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
