package io.eave.toit.editor.lsp.references;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.viewers.DecoratingStyledCellLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.search.ui.text.AbstractTextSearchViewPage;
import org.eclipse.search.ui.text.Match;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * The Search view's page for Toit references: a tree of projects, files and lines
 * ({@link ReferencesTree}), with the number of references of each project and file and the
 * references highlighted in their lines ({@link ReferencesLabels}). Opening a line (double-click,
 * Enter, Show Next/Previous Match) opens its file with the reference selected.
 */
public final class ToitReferencesPage extends AbstractTextSearchViewPage {
    private TreeViewer tree;

    public ToitReferencesPage() {
        super(FLAG_LAYOUT_TREE);
    }

    @Override
    protected void configureTreeViewer(TreeViewer viewer) {
        tree = viewer;
        viewer.setUseHashlookup(true);
        ReferencesTree content = new ReferencesTree(this);
        viewer.setContentProvider(content);
        viewer.setLabelProvider(new DecoratingStyledCellLabelProvider(new ReferencesLabels(this, content), null, null));
        viewer.setAutoExpandLevel(TreeViewer.ALL_LEVELS);
    }

    @Override
    protected void configureTableViewer(TableViewer viewer) {
        throw new UnsupportedOperationException("Toit references are shown as a tree");
    }

    @Override
    protected void elementsChanged(Object[] objects) {
        if (tree == null) return;
        tree.refresh();
        tree.expandAll();
    }

    @Override
    protected void clear() {
        if (tree != null) tree.refresh();
    }

    @Override
    protected void showMatch(Match match, int offset, int length, boolean activate) throws PartInitException {
        if (!(match.getElement() instanceof ReferenceLine line)) return;
        IFile file = line.file();
        var editor = IDE.openEditor(getSite().getPage(), file, activate);
        if (editor instanceof ITextEditor text) text.selectAndReveal(offset, length);
    }
}
