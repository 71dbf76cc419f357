package io.eave.toit.editor.lsp.occurrences;

import io.eave.toit.editor.lsp.LateAnswers;
import io.eave.toit.editor.lsp.LspDocuments;
import io.eave.toit.editor.lsp.ToitDocumentSync;
import io.eave.toit.editor.lsp.ToitLanguageServers;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.viewers.IPostSelectionProvider;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.swt.widgets.Display;

/**
 * Mark Occurrences ({@code org.eclipse.ui.genericeditor.highlightReconcilers}): when the caret
 * comes to rest, {@code textDocument/documentHighlight} for it; the answer replaces the marks
 * (annotations {@value #READ} and {@value #WRITE}, where a name is assigned) on the UI thread,
 * unless the caret moved or the text changed since the request, which a newer request follows.
 */
public final class ToitOccurrences implements IReconciler, ISelectionChangedListener {
    public static final String READ = "io.eave.toit.editor.occurrence";
    public static final String WRITE = "io.eave.toit.editor.occurrence.write";
    private ISourceViewer viewer;
    private Annotation[] shown = new Annotation[0];
    private int generation;
    private int caret = -1;
    private long stamp = -1;
    private CompletableFuture<?> pending;

    @Override
    public void install(ITextViewer textViewer) {
        if (!(textViewer instanceof ISourceViewer source) || !(textViewer.getSelectionProvider() instanceof IPostSelectionProvider p)) return;
        viewer = source;
        p.addPostSelectionChangedListener(this);
    }

    @Override
    public void uninstall() {
        if (viewer != null && viewer.getSelectionProvider() instanceof IPostSelectionProvider p) p.removePostSelectionChangedListener(this);
        if (pending != null) pending.cancel(true);
        viewer = null;
    }

    @Override
    public IReconcilingStrategy getReconcilingStrategy(String contentType) {
        return null;
    }

    @Override
    public void selectionChanged(SelectionChangedEvent event) {
        if (viewer == null || !(event.getSelection() instanceof ITextSelection selection)) return;
        IDocument document = viewer.getDocument();
        String uri = ToitDocumentSync.uriOf(document);
        if (uri == null) return;
        long now = document instanceof org.eclipse.jface.text.IDocumentExtension4 d ? d.getModificationStamp() : 0;
        if (selection.getOffset() == caret && now == stamp) return;   // nothing moved
        caret = selection.getOffset();
        stamp = now;
        int mine = ++generation;
        if (pending != null) pending.cancel(true);
        org.eclipse.lsp4j.Position position;
        try {
            position = LspDocuments.position(document, caret);
        } catch (BadLocationException e) {
            return;
        }
        Display display = Display.getCurrent();
        CompletableFuture<List<? extends DocumentHighlight>> answer = ToitLanguageServers.get().request(s -> s.getTextDocumentService()
                .documentHighlight(new DocumentHighlightParams(new TextDocumentIdentifier(uri), position)));
        pending = answer;
        answer.thenAccept(highlights -> LateAnswers.apply(display, List.of(this, "occurrences"), () -> {
            if (mine == generation && viewer != null) show(document, highlights == null ? List.of() : highlights);
        }));
    }

    private void show(IDocument document, List<? extends DocumentHighlight> highlights) {
        IAnnotationModel model = viewer.getAnnotationModel();
        if (!(model instanceof IAnnotationModelExtension extension)) return;
        Map<Annotation, Position> added = new HashMap<>();
        for (DocumentHighlight h : highlights) {
            IRegion r = LspDocuments.region(document, h.getRange());
            if (r == null) continue;
            String type = h.getKind() == DocumentHighlightKind.Write ? WRITE : READ;
            try {
                added.put(new Annotation(type, false, document.get(r.getOffset(), r.getLength())), new Position(r.getOffset(), r.getLength()));
            } catch (BadLocationException e) {
                // outside the text
            }
        }
        Annotation[] present = stillThere(model, shown);
        if (present.length == shown.length && marks(model, present).equals(marks(added))) return;   // the same marks: no repaint
        extension.replaceAnnotations(present, added);
        shown = added.keySet().toArray(Annotation[]::new);
    }

    private static java.util.Set<String> marks(IAnnotationModel model, Annotation[] annotations) {
        java.util.Set<String> marks = new java.util.HashSet<>();
        for (Annotation a : annotations) {
            Position p = model.getPosition(a);
            if (p != null) marks.add(a.getType() + "@" + p.getOffset() + "+" + p.getLength());
        }
        return marks;
    }

    private static java.util.Set<String> marks(Map<Annotation, Position> annotations) {
        java.util.Set<String> marks = new java.util.HashSet<>();
        annotations.forEach((a, p) -> marks.add(a.getType() + "@" + p.getOffset() + "+" + p.getLength()));
        return marks;
    }

    private static Annotation[] stillThere(IAnnotationModel model, Annotation[] annotations) {
        java.util.Set<Annotation> present = new java.util.HashSet<>();
        for (Iterator<Annotation> i = model.getAnnotationIterator(); i.hasNext();) present.add(i.next());
        return java.util.Arrays.stream(annotations).filter(present::contains).toArray(Annotation[]::new);
    }
}
