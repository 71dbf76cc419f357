package io.eave.toit.editor.lsp.references;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.search.ui.text.AbstractTextSearchResult;

/**
 * The Search view's tree of references: projects, their files, and in each file the lines with
 * references in line order. Only lines still holding a match are shown (the user may remove
 * matches). The parents let the view's Next/Previous Match walk from file to file.
 */
final class ReferencesTree implements ITreeContentProvider {
    private final ToitReferencesPage page;

    ReferencesTree(ToitReferencesPage page) {
        this.page = page;
    }

    @Override
    public Object[] getElements(Object input) {
        return lines().map(l -> l.file().getProject()).distinct().sorted(Comparator.comparing(IProject::getName)).toArray();
    }

    @Override
    public Object[] getChildren(Object parent) {
        if (parent instanceof IProject project) {
            return lines().map(ReferenceLine::file).filter(f -> f.getProject().equals(project)).distinct()
                    .sorted(Comparator.comparing((IFile f) -> f.getProjectRelativePath().toString())).toArray();
        }
        if (parent instanceof IFile file) {
            return lines().filter(l -> l.file().equals(file)).sorted(Comparator.comparingInt(ReferenceLine::line)).toArray();
        }
        return new Object[0];
    }

    @Override
    public Object getParent(Object element) {
        if (element instanceof ReferenceLine line) return line.file();
        if (element instanceof IFile file) return file.getProject();
        return null;
    }

    @Override
    public boolean hasChildren(Object element) {
        return element instanceof IProject || element instanceof IFile;
    }

    /** The references under a row: its own, or its lines' (a file), or its files' (a project). */
    int count(Object element) {
        if (element instanceof ReferenceLine) return page.getDisplayedMatchCount(element);
        return Arrays.stream(getChildren(element)).mapToInt(this::count).sum();
    }

    private Stream<ReferenceLine> lines() {
        AbstractTextSearchResult result = page.getInput();
        if (result == null) return Stream.empty();
        return Arrays.stream(result.getElements()).filter(e -> e instanceof ReferenceLine && result.getMatchCount(e) > 0)
                .map(ReferenceLine.class::cast);
    }
}
