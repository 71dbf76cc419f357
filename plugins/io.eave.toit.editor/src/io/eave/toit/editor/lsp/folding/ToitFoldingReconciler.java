package io.eave.toit.editor.lsp.folding;

import io.eave.toit.editor.lsp.LateAnswers;
import io.eave.toit.editor.lsp.ToitDocumentSync;
import io.eave.toit.editor.lsp.ToitLanguageServers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.ITextInputListener;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.projection.IProjectionListener;
import org.eclipse.jface.text.source.projection.ProjectionAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.swt.widgets.Display;

/**
 * Folding from {@code textDocument/foldingRange} ({@code org.eclipse.ui.genericeditor.foldingReconcilers}):
 * the server's ranges become projection annotations, asked {@value #DELAY_MS} ms after the last
 * edit and applied on the UI thread only if the text did not change meanwhile. A region that is
 * still there keeps its annotation, so what the user folded stays folded.
 */
public final class ToitFoldingReconciler implements IReconciler, IDocumentListener, IProjectionListener, ITextInputListener {
    static final int DELAY_MS = 300;
    private ProjectionViewer viewer;
    private IDocument document;
    private int generation;
    private CompletableFuture<?> pending;

    @Override
    public void install(ITextViewer textViewer) {
        if (!(textViewer instanceof ProjectionViewer projection)) return;
        viewer = projection;
        viewer.addProjectionListener(this);
        viewer.addTextInputListener(this);
        inputDocumentChanged(null, viewer.getDocument());   // the editor sets it after installing us
    }

    @Override
    public void uninstall() {
        if (viewer != null) viewer.removeProjectionListener(this);
        if (viewer != null) viewer.removeTextInputListener(this);
        if (document != null) document.removeDocumentListener(this);
        if (pending != null) pending.cancel(true);
        viewer = null;
    }

    @Override
    public IReconcilingStrategy getReconcilingStrategy(String contentType) {
        return null;
    }

    @Override
    public void projectionEnabled() {
        schedule();
    }

    @Override
    public void projectionDisabled() {
    }

    @Override
    public void inputDocumentAboutToBeChanged(IDocument oldInput, IDocument newInput) {
    }

    @Override
    public void inputDocumentChanged(IDocument oldInput, IDocument newInput) {
        if (newInput == document) return;
        if (document != null) document.removeDocumentListener(this);
        document = newInput;
        generation++;
        if (document != null) {
            document.addDocumentListener(this);
            schedule();
        }
    }

    @Override
    public void documentAboutToBeChanged(DocumentEvent event) {
    }

    @Override
    public void documentChanged(DocumentEvent event) {
        generation++;
        schedule();
    }

    private void schedule() {
        int mine = generation;
        Display display = Display.getCurrent();
        if (display == null) return;
        display.timerExec(DELAY_MS, () -> {
            if (mine == generation && viewer != null) request();
        });
    }

    private void request() {
        String uri = ToitDocumentSync.uriOf(document);
        if (uri == null) return;
        int mine = generation;
        if (pending != null) pending.cancel(true);
        Display display = Display.getCurrent();
        CompletableFuture<List<FoldingRange>> answer = ToitLanguageServers.get().request(s -> s.getTextDocumentService()
                .foldingRange(new FoldingRangeRequestParams(new TextDocumentIdentifier(uri))));
        pending = answer;
        answer.thenAccept(ranges -> LateAnswers.apply(display, List.of(this, "folding"), () -> {
            if (mine != generation || viewer == null) return;   // stale, or the editor closed
            ProjectionAnnotationModel model = viewer.getProjectionAnnotationModel();
            if (model != null) update(model, FoldingRegions.of(document, ranges == null ? List.of() : ranges));
        }));
    }

    private static void update(ProjectionAnnotationModel model, List<Position> wanted) {
        Map<Position, Annotation> existing = new HashMap<>();
        for (Iterator<Annotation> i = model.getAnnotationIterator(); i.hasNext();) {
            Annotation a = i.next();
            if (a instanceof ProjectionAnnotation) existing.put(model.getPosition(a), a);
        }
        Map<Annotation, Position> added = new HashMap<>();
        for (Position p : wanted) {
            if (existing.remove(p) == null) added.put(new ProjectionAnnotation(), p);
        }
        List<Annotation> deleted = new ArrayList<>(existing.values());
        if (!deleted.isEmpty() || !added.isEmpty()) model.modifyAnnotations(deleted.toArray(Annotation[]::new), added, null);
    }
}
