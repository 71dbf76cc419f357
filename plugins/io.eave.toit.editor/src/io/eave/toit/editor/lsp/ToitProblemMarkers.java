package io.eave.toit.editor.lsp;

import io.eave.toit.editor.lsp.quickfix.ToitQuickFixes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;

/**
 * Toit problems: the one marker type {@value #TYPE} (the issue code in attribute {@value #CODE})
 * that the Problems view lists and the editor shows as annotations. Two writers share it, each for
 * the text it has seen, so an error is listed once:
 * <ul>
 * <li>the Toit builder (io.eave.launch) for the files as saved, on every build; it leaves alone
 * the front end's problems of a file open in an editor with unsaved changes
 * ({@link #liveInEditor});</li>
 * <li>the language client for a file open in an editor, as you type: the server's diagnostics
 * replace the file's markers, unless they were computed for an older text than the editor's
 * ({@code PublishDiagnosticsParams.version}), or the file is no longer open (then the builder's
 * markers stand).</li>
 * </ul>
 * The code generator's errors (only the builder finds them) carry {@link IMarker#SOURCE_ID}
 * {@value #COMPILER}, and only the builder replaces them. Markers are written in workspace jobs,
 * never on the UI thread, and only when they changed.
 */
public final class ToitProblemMarkers {
    public static final String TYPE = "io.eave.toit.problem";
    public static final String CODE = "code";
    /** {@link IMarker#SOURCE_ID} of the problems that only a build finds (the code generator's). */
    public static final String COMPILER = "io.eave.compiler";

    /** Per open URI, the hash of the text that the markers written last were computed for. */
    private static final Map<String, Integer> MARKED_TEXT = new ConcurrentHashMap<>();

    private ToitProblemMarkers() {
    }

    /** The server's diagnostics of {@code uri} for the text of {@code version} (null: unknown). */
    static void update(String uri, Integer version, List<Diagnostic> diagnostics) {
        IFile file = file(uri);
        if (file == null || !current(uri, version)) return;
        IDocument document = ToitDocumentSync.documentOf(uri);   // offsets of the text the server saw
        if (document == null) return;
        int textHash = document.get().hashCode();
        List<Map<String, Object>> wanted = new ArrayList<>();
        for (Diagnostic d : diagnostics) wanted.add(attributes(d, document));
        WorkspaceJob job = new WorkspaceJob("Toit problems of " + file.getName()) {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                // checked again: the editor may have moved on, or closed, since the diagnostics arrived
                if (!file.exists() || !current(uri, version)) return Status.OK_STATUS;
                MARKED_TEXT.put(uri, textHash);
                List<IMarker> existing = new ArrayList<>();
                for (IMarker m : file.findMarkers(TYPE, false, IResource.DEPTH_ZERO)) {
                    if (!COMPILER.equals(m.getAttribute(IMarker.SOURCE_ID, ""))) existing.add(m);
                }
                if (same(existing, wanted)) {
                    // the builder may have written them (for the same text): their fixes are asked once
                    for (IMarker m : existing) {
                        int i = indexOf(wanted, m);
                        if (i >= 0) ToitQuickFixes.askOnce(uri, diagnostics.get(i), m);
                    }
                    return Status.OK_STATUS;
                }
                for (IMarker m : existing) m.delete();   // their fixes go with them (ToitQuickFixes)
                for (int i = 0; i < wanted.size(); i++) {
                    IMarker marker = file.createMarker(TYPE, wanted.get(i));
                    ToitQuickFixes.askOnce(uri, diagnostics.get(i), marker);   // fixes, asked now
                }
                return Status.OK_STATUS;
            }
        };
        job.setRule(ResourcesPlugin.getWorkspace().getRuleFactory().markerRule(file));
        job.setSystem(true);
        job.schedule();
    }

    /** Whether diagnostics for {@code version} describe the text open in the editor now. */
    private static boolean current(String uri, Integer version) {
        Integer open = ToitDocumentSync.versionOf(uri);
        return open != null && (version == null || version >= open);
    }

    /**
     * The builder's question: whether the client's markers describe {@code file} better than a
     * build can, because it is open in an editor with changes not saved yet.
     */
    public static boolean liveInEditor(IFile file) {
        URI location = file.getLocationURI();
        return location != null && ToitDocumentSync.versionOf(location.toString()) != null
                && ToitDocumentSync.hasUnsavedChanges(location.toString());
    }

    /**
     * The last editor of {@code uri} closed. If its markers were computed for a text that was not
     * saved (the edits were discarded), the file is touched so that the builder checks what is on
     * disk (with build on save).
     */
    static void closed(String uri) {
        Integer marked = MARKED_TEXT.remove(uri);
        IFile file = file(uri);
        if (marked == null || file == null) return;
        WorkspaceJob job = new WorkspaceJob("Toit problems of " + file.getName()) {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                if (file.exists() && marked != savedText(file).hashCode()) file.touch(monitor);
                return Status.OK_STATUS;
            }
        };
        job.setRule(ResourcesPlugin.getWorkspace().getRuleFactory().modifyRule(file));
        job.setSystem(true);
        job.schedule();
    }

    private static String savedText(IFile file) throws CoreException {
        try (InputStream in = file.getContents(true)) {
            return new String(in.readAllBytes(), file.getCharset() == null ? StandardCharsets.UTF_8.name() : file.getCharset());
        } catch (IOException e) {
            return "";
        }
    }

    public static IFile file(String uri) {
        try {
            IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(URI.create(uri));
            return files.length == 0 ? null : files[0];
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, Object> attributes(Diagnostic d, IDocument document) {
        Map<String, Object> a = new HashMap<>();
        a.put(IMarker.MESSAGE, d.getMessage() == null ? "" : d.getMessage().isLeft() ? d.getMessage().getLeft() : d.getMessage().getRight().getValue());
        a.put(IMarker.SEVERITY, d.getSeverity() == DiagnosticSeverity.Error ? IMarker.SEVERITY_ERROR
                : d.getSeverity() == DiagnosticSeverity.Warning ? IMarker.SEVERITY_WARNING : IMarker.SEVERITY_INFO);
        a.put(IMarker.LINE_NUMBER, d.getRange().getStart().getLine() + 1);
        if (d.getCode() != null) a.put(CODE, d.getCode().isLeft() ? d.getCode().getLeft() : String.valueOf(d.getCode().getRight()));
        int start = offset(document, d.getRange().getStart());
        int end = offset(document, d.getRange().getEnd());
        if (start >= 0 && end >= start) {
            a.put(IMarker.CHAR_START, start);
            a.put(IMarker.CHAR_END, Math.max(end, Math.min(start + 1, document.getLength())));
        }
        return a;
    }

    static int offset(IDocument document, Position position) {
        try {
            return document.getLineOffset(position.getLine()) + position.getCharacter();
        } catch (BadLocationException e) {
            return -1;
        }
    }

    private static boolean same(List<IMarker> existing, List<Map<String, Object>> wanted) throws CoreException {
        if (existing.size() != wanted.size()) return false;
        for (IMarker m : existing) {
            if (indexOf(wanted, m) < 0) return false;
        }
        for (Map<String, Object> w : wanted) {
            if (existing.stream().noneMatch(m -> matches(m, w))) return false;
        }
        return true;
    }

    private static int indexOf(List<Map<String, Object>> wanted, IMarker marker) {
        for (int i = 0; i < wanted.size(); i++) {
            if (matches(marker, wanted.get(i))) return i;
        }
        return -1;
    }

    private static boolean matches(IMarker marker, Map<String, Object> wanted) {
        try {
            Map<String, Object> have = marker.getAttributes();
            return wanted.entrySet().stream().allMatch(e -> Objects.equals(have.get(e.getKey()), e.getValue()));
        } catch (CoreException e) {
            return false;
        }
    }
}
