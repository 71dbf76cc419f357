package io.eave.toit.editor.lsp.folding;

import io.eave.toit.editor.lsp.LateAnswers;
import io.eave.toit.editor.lsp.ServerFollowingReconciler;
import io.eave.toit.editor.lsp.ToitLanguageServers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
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
public final class ToitFoldingReconciler extends ServerFollowingReconciler implements IProjectionListener {
    @Override
    protected boolean attach(ITextViewer textViewer) {
        if (!(textViewer instanceof ProjectionViewer projection)) return false;
        projection.addProjectionListener(this);
        return true;
    }

    @Override
    protected void detach(ITextViewer textViewer) {
        ((ProjectionViewer) textViewer).removeProjectionListener(this);
    }

    @Override
    public void projectionEnabled() {
        schedule();
    }

    @Override
    public void projectionDisabled() {
    }

    @Override
    protected CompletableFuture<?> request(String uri, int mine) {
        Display display = Display.getCurrent();
        CompletableFuture<List<FoldingRange>> answer = ToitLanguageServers.get().request(s -> s.getTextDocumentService()
                .foldingRange(new FoldingRangeRequestParams(new TextDocumentIdentifier(uri))));
        answer.thenAccept(ranges -> LateAnswers.apply(display, List.of(this, "folding"), () -> {
            if (!current(mine)) return;   // stale, or the editor closed
            ProjectionAnnotationModel model = ((ProjectionViewer) viewer()).getProjectionAnnotationModel();
            if (model != null) update(model, FoldingRegions.of(document(), ranges == null ? List.of() : ranges));
        }));
        return answer;
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
