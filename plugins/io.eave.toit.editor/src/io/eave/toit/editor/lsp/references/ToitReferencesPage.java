package io.eave.toit.editor.lsp.references;

import java.util.Arrays;
import java.util.Comparator;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.search.ui.text.AbstractTextSearchResult;
import org.eclipse.search.ui.text.AbstractTextSearchViewPage;
import org.eclipse.search.ui.text.Match;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * The Search view's page for Toit references: one row per line, {@code main.toit:3: greet "you"},
 * sorted by file and line, with the number of references on the line when more than one.
 * Opening a row opens the file with the reference selected.
 */
public final class ToitReferencesPage extends AbstractTextSearchViewPage {
    private TableViewer table;

    public ToitReferencesPage() {
        super(FLAG_LAYOUT_FLAT);
    }

    @Override
    protected void configureTableViewer(TableViewer viewer) {
        table = viewer;
        viewer.setContentProvider((IStructuredContentProvider) input -> input instanceof AbstractTextSearchResult r
                ? Arrays.stream(r.getElements()).filter(e -> r.getMatchCount(e) > 0)
                        .sorted(Comparator.comparing((Object e) -> ((ReferenceLine) e).file().getFullPath().toString())
                                .thenComparingInt(e -> ((ReferenceLine) e).line()))
                        .toArray()
                : new Object[0]);
        viewer.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                if (!(element instanceof ReferenceLine line)) return String.valueOf(element);
                int n = getInput() == null ? 0 : getInput().getMatchCount(element);
                return line.label() + (n > 1 ? "  (" + n + " references)" : "");
            }
        });
    }

    @Override
    protected void configureTreeViewer(TreeViewer viewer) {
        throw new UnsupportedOperationException("Toit references are listed flat");
    }

    @Override
    protected void elementsChanged(Object[] objects) {
        if (table != null) table.refresh();
    }

    @Override
    protected void clear() {
        if (table != null) table.refresh();
    }

    @Override
    protected void showMatch(Match match, int offset, int length, boolean activate) throws PartInitException {
        if (!(match.getElement() instanceof ReferenceLine line)) return;
        IFile file = line.file();
        var editor = IDE.openEditor(getSite().getPage(), file, activate);
        if (editor instanceof ITextEditor text) text.selectAndReveal(offset, length);
    }
}
