package io.eave.toit.editor.lsp.quickfix;

import io.eave.toit.editor.lsp.ToitLanguageServers;
import io.eave.toit.editor.lsp.ToitProblemMarkers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;

/**
 * Quick fixes of Toit problem markers from {@code textDocument/codeAction}
 * ({@code org.eclipse.ui.ide.markerResolution}). Asking the server on the UI thread, when the
 * Quick Fix menu or Ctrl+1 wants them, would freeze it; so the fixes of each marker are asked as
 * soon as the marker is written and kept with it: a marker has fixes once its answer arrived.
 * Only actions that carry a workspace edit are offered.
 */
public final class ToitQuickFixes implements IMarkerResolutionGenerator2 {
    private static final Map<Long, List<CodeAction>> BY_MARKER = new ConcurrentHashMap<>();
    /** The markers whose fixes were asked (the builder's too, once the client sees them). */
    private static final java.util.Set<Long> ASKED = ConcurrentHashMap.newKeySet();

    static {
        // whoever deletes a Toit marker (the client, the builder, Clean), its fixes go with it
        ResourcesPlugin.getWorkspace().addResourceChangeListener(event -> {
            for (IMarkerDelta delta : event.findMarkerDeltas(ToitProblemMarkers.TYPE, true)) {
                if (delta.getKind() == IResourceDelta.REMOVED) forget(delta.getId());
            }
        }, IResourceChangeEvent.POST_CHANGE);
    }

    /** Asks the fixes of a marker, unless they were asked already (any thread; nothing waits). */
    public static void askOnce(String uri, Diagnostic diagnostic, IMarker marker) {
        if (!ASKED.add(marker.getId())) return;
        var capabilities = ToitLanguageServers.get().capabilities().getNow(null);
        if (capabilities == null || capabilities.getCodeActionProvider() == null
                || (capabilities.getCodeActionProvider().isLeft() && !capabilities.getCodeActionProvider().getLeft())) return;
        CodeActionContext context = new CodeActionContext(List.of(diagnostic), List.of(CodeActionKind.QuickFix));
        CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(uri), diagnostic.getRange(), context);
        ToitLanguageServers.get().request(s -> s.getTextDocumentService().codeAction(params)).thenAccept(actions -> {
            if (actions == null || !marker.exists()) return;
            List<CodeAction> withEdits = actions.stream().filter(Either::isRight).map(Either::getRight)
                    .filter(a -> a.getEdit() != null).toList();
            if (!withEdits.isEmpty()) BY_MARKER.put(marker.getId(), withEdits);
        });
    }

    /** Forgets the fixes of a marker whose problem is gone. */
    public static void forget(IMarker marker) {
        forget(marker.getId());
    }

    private static void forget(long markerId) {
        BY_MARKER.remove(markerId);
        ASKED.remove(markerId);
    }

    @Override
    public boolean hasResolutions(IMarker marker) {
        return BY_MARKER.containsKey(marker.getId());
    }

    @Override
    public IMarkerResolution[] getResolutions(IMarker marker) {
        List<CodeAction> actions = BY_MARKER.getOrDefault(marker.getId(), List.of());
        return actions.stream().map(ToitCodeActionResolution::new).toArray(IMarkerResolution[]::new);
    }

    static String title(Either<Command, CodeAction> action) {
        return action.isLeft() ? action.getLeft().getTitle() : action.getRight().getTitle();
    }
}
