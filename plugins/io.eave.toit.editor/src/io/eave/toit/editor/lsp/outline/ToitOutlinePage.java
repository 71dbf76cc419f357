package io.eave.toit.editor.lsp.outline;

import io.eave.toit.editor.lsp.LateAnswers;
import io.eave.toit.editor.lsp.LspDocuments;
import io.eave.toit.editor.lsp.ToitDocumentSync;
import io.eave.toit.editor.lsp.ToitLanguageServers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.IPostSelectionProvider;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;

/**
 * The Outline of a Toit file from {@code textDocument/documentSymbol} (hierarchical: classes with
 * their fields and methods), each row with the icon of its kind ({@link ToitSymbolImages}).
 * Asked when the page opens and {@value #DELAY_MS} ms after the last edit; the answer is applied
 * only if no newer request was sent meanwhile, and the rows keep their identity across answers
 * ({@link OutlineSymbol}), so expanded rows and the selection survive an edit. Two toggles in the
 * page's toolbar, remembered: Sort (by name, or as in the source) and Link with Editor (the
 * caret selects the innermost symbol around it). Selecting a symbol selects its name in the
 * editor.
 */
final class ToitOutlinePage extends ContentOutlinePage implements IDocumentListener {
    static final int DELAY_MS = 400;
    static final String SORT = "sort";
    static final String LINK = "link";
    private final ITextEditor editor;
    private final IDocument document;
    private final Root root = new Root();
    private CompletableFuture<?> pending;
    private int generation;
    private boolean selecting;
    private boolean answered;
    private final ISelectionChangedListener caretListener = this::caretMoved;

    /** The input of the tree: it stays while its rows change, so a refresh keeps the tree's state. */
    private static final class Root {
        List<OutlineSymbol> rows = List.of();
        String shape = "";
        java.util.Map<OutlineSymbol, OutlineSymbol> newest = java.util.Map.of();
    }

    ToitOutlinePage(ITextEditor editor, IDocument document) {
        this.editor = editor;
        this.document = document;
    }

    @Override
    public void createControl(Composite parent) {
        super.createControl(parent);
        TreeViewer viewer = getTreeViewer();
        viewer.setUseHashlookup(true);
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return input instanceof Root r ? r.rows.toArray() : new Object[0];
            }

            @Override
            public Object[] getChildren(Object parent) {
                return parent instanceof OutlineSymbol s ? s.children.toArray() : new Object[0];
            }

            @Override
            public Object getParent(Object element) {
                return element instanceof OutlineSymbol s && s.parent != null ? s.parent : null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return element instanceof OutlineSymbol s && !s.children.isEmpty();
            }
        });
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return element instanceof OutlineSymbol s ? label(s.symbol) : String.valueOf(element);
            }

            @Override
            public Image getImage(Object element) {
                return element instanceof OutlineSymbol s ? ToitSymbolImages.image(s.symbol) : null;
            }
        });
        if (settings().getBoolean(SORT)) viewer.setComparator(byName());
        viewer.setInput(root);
        addToggles();
        document.addDocumentListener(this);
        if (editor.getSelectionProvider() instanceof IPostSelectionProvider p) p.addPostSelectionChangedListener(caretListener);
        refresh();
    }

    /** {@code hello name/string} : the name and the server's detail (a signature, a type). */
    static String label(DocumentSymbol s) {
        return s.getDetail() == null || s.getDetail().isBlank() ? s.getName() : s.getName() + " " + s.getDetail();
    }

    private static ViewerComparator byName() {
        return new ViewerComparator() {
            @Override
            public int compare(Viewer viewer, Object a, Object b) {
                return ((OutlineSymbol) a).symbol.getName().compareToIgnoreCase(((OutlineSymbol) b).symbol.getName());
            }
        };
    }

    private void addToggles() {
        IToolBarManager toolbar = getSite().getActionBars().getToolBarManager();
        Action sort = new Action("Sort", IAction.AS_CHECK_BOX) {
            @Override
            public void run() {
                settings().put(SORT, isChecked());
                getTreeViewer().setComparator(isChecked() ? byName() : null);   // null: as in the source
            }
        };
        sort.setId(SORT);
        sort.setToolTipText("Sort by name (off: as in the source)");
        sort.setChecked(settings().getBoolean(SORT));
        Action link = new Action("Link with Editor", IAction.AS_CHECK_BOX) {
            @Override
            public void run() {
                settings().put(LINK, isChecked());
                if (isChecked()) caretMoved(null);
            }
        };
        link.setId(LINK);
        link.setToolTipText("Link with Editor: the caret selects its symbol");
        link.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_ELCL_SYNCED));
        link.setChecked(linked());
        toolbar.add(sort);
        toolbar.add(link);
        getSite().getActionBars().updateActionBars();
    }

    /** Link with Editor is on unless the user turned it off. */
    private boolean linked() {
        return settings().get(LINK) == null || settings().getBoolean(LINK);
    }

    private static IDialogSettings settings() {
        IDialogSettings all = PlatformUI.getDialogSettingsProvider(org.osgi.framework.FrameworkUtil.getBundle(ToitOutlinePage.class))
                .getDialogSettings();
        IDialogSettings mine = all.getSection("outline");
        return mine != null ? mine : all.addNewSection("outline");
    }

    @Override
    public void selectionChanged(SelectionChangedEvent event) {
        super.selectionChanged(event);
        if (selecting || !(event.getSelection() instanceof IStructuredSelection s) || !(s.getFirstElement() instanceof OutlineSymbol row)) return;
        DocumentSymbol symbol = root.newest.getOrDefault(row, row).symbol;   // where it is now
        IRegion r = LspDocuments.region(document, symbol.getSelectionRange() != null ? symbol.getSelectionRange() : symbol.getRange());
        if (r != null) editor.selectAndReveal(r.getOffset(), r.getLength());
    }

    /** The caret rested: with Link with Editor, the innermost symbol around it is selected. */
    private void caretMoved(SelectionChangedEvent event) {
        TreeViewer viewer = getTreeViewer();
        if (!linked() || viewer == null || viewer.getControl().isDisposed() || viewer.getControl().isFocusControl()) return;
        if (!(editor.getSelectionProvider().getSelection() instanceof ITextSelection caret)) return;
        OutlineSymbol around;
        try {
            var position = LspDocuments.position(document, caret.getOffset());
            around = OutlineSymbol.innermost(root.rows, position.getLine(), position.getCharacter());
        } catch (BadLocationException e) {
            return;
        }
        IStructuredSelection now = viewer.getStructuredSelection();
        if (around == null ? now.isEmpty() : around.equals(now.getFirstElement())) return;
        selecting = true;
        try {
            viewer.setSelection(around == null ? StructuredSelection.EMPTY : new StructuredSelection(around), true);
        } finally {
            selecting = false;
        }
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
        answer.thenAccept(symbols -> {
            List<DocumentSymbol> tree = new ArrayList<>();
            if (symbols != null) symbols.stream().filter(Either::isRight).map(Either::getRight).forEach(tree::add);
            List<OutlineSymbol> rows = OutlineSymbol.of(tree);   // built off the UI thread
            String shape = OutlineSymbol.shape(rows);
            java.util.Map<OutlineSymbol, OutlineSymbol> newest = new java.util.HashMap<>();
            OutlineSymbol.index(rows, newest);
            LateAnswers.apply(display, List.of(this, "symbols"), () -> show(mine, rows, shape, newest));
        });
    }

    private void show(int mine, List<OutlineSymbol> rows, String shape, java.util.Map<OutlineSymbol, OutlineSymbol> newest) {
        TreeViewer viewer = getTreeViewer();
        if (mine != generation || viewer == null || viewer.getControl().isDisposed()) return;   // stale or closed
        root.rows = rows;
        root.newest = newest;
        if (shape.equals(root.shape)) {   // the same rows, moved at most: nothing to redraw
            caretMoved(null);
            return;
        }
        root.shape = shape;
        selecting = true;
        try {
            viewer.refresh();   // equal rows keep their expansion and selection
            if (!answered && !rows.isEmpty()) viewer.expandToLevel(2);
        } finally {
            selecting = false;
        }
        answered |= !rows.isEmpty();
        caretMoved(null);
    }

    @Override
    public void dispose() {
        document.removeDocumentListener(this);
        if (editor.getSelectionProvider() instanceof IPostSelectionProvider p) p.removePostSelectionChangedListener(caretListener);
        if (pending != null) pending.cancel(true);
        super.dispose();
    }
}
