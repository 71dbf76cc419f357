package io.eave.toit.editor.lsp;

import java.util.concurrent.CompletableFuture;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.ITextInputListener;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.swt.widgets.Display;

/**
 * A reconciler that follows the viewer's document and asks the language server about it
 * {@value #DELAY_MS} ms after the last edit (folding, semantic colours). Each edit or new input
 * starts a new generation: a request still running is cancelled, and an answer is applied only
 * while its generation is current ({@link #current}), so nothing computed for an older text is
 * shown.
 */
public abstract class ServerFollowingReconciler implements IReconciler, IDocumentListener, ITextInputListener {
    public static final int DELAY_MS = 300;
    private ITextViewer viewer;
    private IDocument document;
    private int generation;
    private CompletableFuture<?> pending;

    /** Hooks this reconciler's own listeners into the viewer; false when the viewer cannot serve it. */
    protected abstract boolean attach(ITextViewer textViewer);

    protected abstract void detach(ITextViewer textViewer);

    /**
     * Asks the server about the document at {@code uri} for generation {@code mine}; the answer
     * is applied (through {@link LateAnswers}) only if {@link #current} still holds for it.
     */
    protected abstract CompletableFuture<?> request(String uri, int mine);

    /** The document was replaced by another (or by none): what was shown for it goes. */
    protected void documentReplaced() {
    }

    /** The text changed: what was shown may follow the edit until the next answer. */
    protected void edited(DocumentEvent event) {
    }

    @Override
    public final void install(ITextViewer textViewer) {
        if (!attach(textViewer)) return;
        viewer = textViewer;
        viewer.addTextInputListener(this);
        inputDocumentChanged(null, viewer.getDocument());   // the editor sets it after installing us
    }

    @Override
    public final void uninstall() {
        if (viewer != null) {
            detach(viewer);
            viewer.removeTextInputListener(this);
        }
        if (document != null) document.removeDocumentListener(this);
        if (pending != null) pending.cancel(true);
        viewer = null;
    }

    @Override
    public IReconcilingStrategy getReconcilingStrategy(String contentType) {
        return null;
    }

    @Override
    public void inputDocumentAboutToBeChanged(IDocument oldInput, IDocument newInput) {
    }

    @Override
    public void inputDocumentChanged(IDocument oldInput, IDocument newInput) {
        if (newInput == document) return;
        if (document != null) document.removeDocumentListener(this);
        document = newInput;
        documentReplaced();
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
        edited(event);
        generation++;
        schedule();
    }

    /** Asks again after the pause, unless the text changes meanwhile. */
    protected final void schedule() {
        int mine = generation;
        Display display = Display.getCurrent();
        if (display == null) return;
        display.timerExec(DELAY_MS, () -> {
            if (mine != generation || viewer == null) return;
            String uri = ToitDocumentSync.uriOf(document);
            if (uri == null) return;
            if (pending != null) pending.cancel(true);
            pending = request(uri, mine);
        });
    }

    /** Whether an answer asked for generation {@code mine} may be applied: same text, editor open. */
    protected final boolean current(int mine) {
        return mine == generation && viewer != null;
    }

    protected final ITextViewer viewer() {
        return viewer;
    }

    protected final IDocument document() {
        return document;
    }
}
