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
 * The references found: matches grouped by {@link ReferenceLine} (the Search view groups the
 * lines by file and project). The adapters let the Search
 * view mark the matches in open editors and keep them in place as the files are edited.
 */
public final class ToitReferencesResult extends AbstractTextSearchResult implements IFileMatchAdapter, IEditorMatchAdapter {
    private final ToitReferencesQuery query;

    ToitReferencesResult(ToitReferencesQuery query) {
        this.query = query;
    }

    /** {@code 'greet' – 3 references in 2 files}. */
    @Override
    public String getLabel() {
        int n = getMatchCount();
        long files = java.util.Arrays.stream(getElements()).filter(e -> getMatchCount(e) > 0)
                .map(e -> ((ReferenceLine) e).file()).distinct().count();
        return "'" + query.name() + "' \u2013 " + n + (n == 1 ? " reference" : " references") + " in " + files + (files == 1 ? " file" : " files");
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
        if (element instanceof IFile file) return file;
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
