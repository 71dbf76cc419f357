package io.eave.toit.editor.lsp.references;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.search.ui.ISearchQuery;
import org.eclipse.search.ui.text.AbstractTextSearchResult;
import org.eclipse.search.ui.text.IEditorMatchAdapter;
import org.eclipse.search.ui.text.IFileMatchAdapter;
import org.eclipse.search.ui.text.Match;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ide.ResourceUtil;

/**
 * The references found: matches grouped by {@link ReferenceLine}. The adapters let the Search
 * view mark the matches in open editors and keep them in place as the files are edited.
 */
public final class ToitReferencesResult extends AbstractTextSearchResult implements IFileMatchAdapter, IEditorMatchAdapter {
    private final ToitReferencesQuery query;

    ToitReferencesResult(ToitReferencesQuery query) {
        this.query = query;
    }

    @Override
    public String getLabel() {
        int n = getMatchCount();
        return "'" + query.name() + "' - " + n + (n == 1 ? " reference" : " references") + " in workspace";
    }

    @Override
    public String getTooltip() {
        return getLabel();
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return null;
    }

    @Override
    public ISearchQuery getQuery() {
        return query;
    }

    @Override
    public IEditorMatchAdapter getEditorMatchAdapter() {
        return this;
    }

    @Override
    public IFileMatchAdapter getFileMatchAdapter() {
        return this;
    }

    @Override
    public Match[] computeContainedMatches(AbstractTextSearchResult result, IFile file) {
        List<Match> matches = new ArrayList<>();
        for (Object element : getElements()) {
            if (element instanceof ReferenceLine line && line.file().equals(file)) matches.addAll(List.of(getMatches(element)));
        }
        return matches.toArray(Match[]::new);
    }

    @Override
    public IFile getFile(Object element) {
        return element instanceof ReferenceLine line ? line.file() : null;
    }

    @Override
    public boolean isShownInEditor(Match match, IEditorPart editor) {
        IFile file = ResourceUtil.getFile(editor.getEditorInput());
        return file != null && match.getElement() instanceof ReferenceLine line && line.file().equals(file);
    }

    @Override
    public Match[] computeContainedMatches(AbstractTextSearchResult result, IEditorPart editor) {
        IFile file = ResourceUtil.getFile(editor.getEditorInput());
        return file == null ? new Match[0] : computeContainedMatches(result, file);
    }
}
