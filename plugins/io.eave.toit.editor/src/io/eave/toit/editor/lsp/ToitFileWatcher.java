package io.eave.toit.editor.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.WatchKind;

/**
 * {@code workspace/didChangeWatchedFiles} from the Eclipse side: once the server registers its
 * watchers (dynamically, e.g. {@code **}{@code /*.toit}), every change of a matching workspace
 * file — created, its content changed (by an editor's save, another tool, a refresh of the disk),
 * deleted, moved (deleted here, created there) — is sent to the server after the workspace
 * operation that made it, in one notification per operation. The server re-reads the files into
 * its index and analyzes the open documents again, so an import that appears or goes is seen.
 * Markers and other changes that leave the text alone are not reported.
 */
final class ToitFileWatcher implements IResourceChangeListener {
    private static final ILog LOG = ILog.of(ToitFileWatcher.class);
    private static ToitFileWatcher active;

    private final String registrationId;
    private final List<Watcher> watchers;

    private record Watcher(PathMatcher glob, int kind) {
    }

    private ToitFileWatcher(String registrationId, List<Watcher> watchers) {
        this.registrationId = registrationId;
        this.watchers = watchers;
    }

    /** Starts reporting the files of a registration's options ({@code DidChangeWatchedFilesRegistrationOptions} as JSON). */
    static synchronized void watch(String registrationId, Object options) {
        List<Watcher> watchers = new ArrayList<>();
        if (options instanceof JsonObject json && json.has("watchers")) {
            for (JsonElement w : json.getAsJsonArray("watchers")) {
                JsonObject watcher = w.getAsJsonObject();
                JsonElement pattern = watcher.get("globPattern");
                String glob = pattern.isJsonPrimitive() ? pattern.getAsString() : pattern.getAsJsonObject().get("pattern").getAsString();
                int kind = watcher.has("kind") ? watcher.get("kind").getAsInt() : WatchKind.Create | WatchKind.Change | WatchKind.Delete;
                try {
                    watchers.add(new Watcher(FileSystems.getDefault().getPathMatcher("glob:" + glob), kind));
                } catch (IllegalArgumentException e) {
                    LOG.warn("Toit language server: cannot watch files matching '" + glob + "': " + e.getMessage());
                }
            }
        }
        stop();
        active = new ToitFileWatcher(registrationId, watchers);
        ResourcesPlugin.getWorkspace().addResourceChangeListener(active, IResourceChangeEvent.POST_CHANGE);
    }

    /** Stops reporting for this registration (the server unregistered it). */
    static synchronized void unwatch(String registrationId) {
        if (active != null && active.registrationId.equals(registrationId)) stop();
    }

    /** Stops reporting (the server is gone). */
    static synchronized void stop() {
        if (active == null) return;
        ResourcesPlugin.getWorkspace().removeResourceChangeListener(active);
        active = null;
    }

    @Override
    public void resourceChanged(IResourceChangeEvent event) {
        if (event.getDelta() == null) return;
        List<FileEvent> changes = new ArrayList<>();
        try {
            event.getDelta().accept(delta -> {
                if (delta.getResource().getType() != IResource.FILE) return true;
                FileChangeType type = switch (delta.getKind()) {
                    case IResourceDelta.ADDED -> FileChangeType.Created;
                    case IResourceDelta.REMOVED -> FileChangeType.Deleted;
                    case IResourceDelta.CHANGED -> (delta.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED)) != 0
                            ? FileChangeType.Changed : null;
                    default -> null;
                };
                URI location = delta.getResource().getLocationURI();
                if (type != null && location != null && "file".equals(location.getScheme()) && watched(Path.of(location), type)) {
                    changes.add(new FileEvent(location.toString(), type));
                }
                return false;
            });
        } catch (CoreException e) {
            LOG.error("Toit language server: the workspace's changes could not be read", e);
        }
        if (changes.isEmpty()) return;
        DidChangeWatchedFilesParams params = new DidChangeWatchedFilesParams(changes);
        ToitLanguageServers.get().send(s -> s.getWorkspaceService().didChangeWatchedFiles(params));
    }

    private boolean watched(Path file, FileChangeType type) {
        int kind = switch (type) {
            case Created -> WatchKind.Create;
            case Changed -> WatchKind.Change;
            case Deleted -> WatchKind.Delete;
        };
        return watchers.stream().anyMatch(w -> (w.kind() & kind) != 0 && w.glob().matches(file));
    }
}
