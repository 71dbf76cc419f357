package io.eave.toit.editor.lsp.outline;

import io.eave.toit.editor.lsp.LspDocuments;
import io.eave.toit.editor.lsp.ToitDocumentSync;
import io.eave.toit.editor.lsp.ToitLanguageServers;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;

/**
 * The Outline of a Toit file from {@code textDocument/documentSymbol} (hierarchical: classes with
 * their fields and methods). Asked when the page opens and {@value #DELAY_MS} ms after the last
 * edit; the answer is applied on the UI thread only if no newer request was sent meanwhile
 * (expanded nodes stay expanded). Selecting a symbol selects its name in the editor.
 */
final class ToitOutlinePage extends ContentOutlinePage implements IDocumentListener {
    static final int DELAY_MS = 400;
    private final ITextEditor editor;
    private final IDocument document;
    private CompletableFuture<?> pending;
    private int generation;
    private boolean selecting;

    ToitOutlinePage(ITextEditor editor, IDocument document) {
        this.editor = editor;
        this.document = document;
    }

    @Override
    public void createControl(Composite parent) {
        super.createControl(parent);
        TreeViewer viewer = getTreeViewer();
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return input instanceof List<?> list ? list.toArray() : new Object[0];
            }

            @Override
            public Object[] getChildren(Object parent) {
                return parent instanceof DocumentSymbol s && s.getChildren() != null ? s.getChildren().toArray() : new Object[0];
            }

            @Override
            public Object getParent(Object element) {
                return null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return getChildren(element).length > 0;
            }
        });
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return element instanceof DocumentSymbol s ? label(s) : String.valueOf(element);
            }
        });
        viewer.setComparer(new org.eclipse.jface.viewers.IElementComparer() {   // same symbol across answers
            @Override
            public boolean equals(Object a, Object b) {
                return a instanceof DocumentSymbol x && b instanceof DocumentSymbol y
                        ? Objects.equals(x.getName(), y.getName()) && x.getKind() == y.getKind() : Objects.equals(a, b);
            }

            @Override
            public int hashCode(Object element) {
                return element instanceof DocumentSymbol s ? Objects.hash(s.getName(), s.getKind()) : Objects.hashCode(element);
            }
        });
        viewer.setAutoExpandLevel(2);
        document.addDocumentListener(this);
        refresh();
    }

    /** {@code hello name/string} : the name and the server's detail (a signature, a type). */
    static String label(DocumentSymbol s) {
        return s.getDetail() == null || s.getDetail().isBlank() ? s.getName() : s.getName() + " " + s.getDetail();
    }

    @Override
    public void selectionChanged(SelectionChangedEvent event) {
        super.selectionChanged(event);
        if (selecting || !(event.getSelection() instanceof IStructuredSelection s) || !(s.getFirstElement() instanceof DocumentSymbol symbol)) return;
        IRegion r = LspDocuments.region(document, symbol.getSelectionRange() != null ? symbol.getSelectionRange() : symbol.getRange());
        if (r != null) editor.selectAndReveal(r.getOffset(), r.getLength());
    }

    @Override
    public void documentAboutToBeChanged(DocumentEvent event) {
    }

    @Override
    public void documentChanged(DocumentEvent event) {
        int mine = ++generation;
        Display.getCurrent().timerExec(DELAY_MS, () -> {
            if (mine == generation) refresh();
        });
    }

    private void refresh() {
        String uri = ToitDocumentSync.uriOf(document);
        if (uri == null) return;
        int mine = ++generation;
        if (pending != null) pending.cancel(true);
        CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> answer = ToitLanguageServers.get().request(
                s -> s.getTextDocumentService().documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri))));
        pending = answer;
        Display display = Display.getCurrent();
        answer.thenAccept(symbols -> display.asyncExec(() -> {
            TreeViewer viewer = getTreeViewer();
            if (mine != generation || viewer == null || viewer.getControl().isDisposed()) return;   // stale or closed
            List<DocumentSymbol> tree = symbols == null ? List.of()
                    : symbols.stream().filter(Either::isRight).map(Either::getRight).toList();
            Object[] expanded = viewer.getExpandedElements();
            selecting = true;
            try {
                viewer.setInput(tree);
                if (expanded.length > 0) viewer.setExpandedElements(expanded);
            } finally {
                selecting = false;
            }
        }));
    }

    @Override
    public void dispose() {
        document.removeDocumentListener(this);
        if (pending != null) pending.cancel(true);
        super.dispose();
    }
}
