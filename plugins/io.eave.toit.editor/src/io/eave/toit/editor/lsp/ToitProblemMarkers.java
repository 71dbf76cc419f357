package io.eave.toit.editor.lsp;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * The server's diagnostics of a file as problem markers of type {@value #TYPE} (the issue code
 * in attribute {@value #CODE}); the editor shows markers of problem types as annotations. Markers
 * are written in a workspace job on the file, never on the UI thread, and only when they changed.
 */
public final class ToitProblemMarkers {
    public static final String TYPE = "io.eave.toit.problem";
    public static final String CODE = "code";

    private ToitProblemMarkers() {
    }

    static void update(String uri, List<Diagnostic> diagnostics) {
        IFile file = file(uri);
        if (file == null) return;
        IDocument document = ToitDocumentSync.documentOf(uri);   // offsets of the text the server saw
        List<Map<String, Object>> wanted = new ArrayList<>();
        for (Diagnostic d : diagnostics) wanted.add(attributes(d, document));
        WorkspaceJob job = new WorkspaceJob("Toit problems of " + file.getName()) {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                if (!file.exists()) return Status.OK_STATUS;
                IMarker[] existing = file.findMarkers(TYPE, false, IResource.DEPTH_ZERO);
                if (same(existing, wanted)) return Status.OK_STATUS;
                for (IMarker m : existing) io.eave.toit.editor.lsp.quickfix.ToitQuickFixes.forget(m);
                file.deleteMarkers(TYPE, false, IResource.DEPTH_ZERO);
                for (int i = 0; i < wanted.size(); i++) {
                    IMarker marker = file.createMarker(TYPE, wanted.get(i));
                    io.eave.toit.editor.lsp.quickfix.ToitQuickFixes.ask(uri, diagnostics.get(i), marker);   // fixes, asked now
                }
                return Status.OK_STATUS;
            }
        };
        job.setRule(ResourcesPlugin.getWorkspace().getRuleFactory().markerRule(file));
        job.setSystem(true);
        job.schedule();
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
        if (document != null) {
            int start = offset(document, d.getRange().getStart());
            int end = offset(document, d.getRange().getEnd());
            if (start >= 0 && end >= start) {
                a.put(IMarker.CHAR_START, start);
                a.put(IMarker.CHAR_END, Math.max(end, Math.min(start + 1, document.getLength())));
            }
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

    private static boolean same(IMarker[] existing, List<Map<String, Object>> wanted) throws CoreException {
        if (existing.length != wanted.size()) return false;
        List<Map<String, Object>> have = new ArrayList<>();
        for (IMarker m : existing) have.add(m.getAttributes());
        for (Map<String, Object> w : wanted) {
            if (have.stream().noneMatch(h -> w.entrySet().stream().allMatch(e -> Objects.equals(h.get(e.getKey()), e.getValue())))) return false;
        }
        return true;
    }
}
