package io.eave.toit.editor.lsp.references;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.DelegatingStyledCellLabelProvider.IStyledLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StyledString;
import org.eclipse.search.ui.text.Match;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.TextStyle;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;

/**
 * The rows of the references tree: {@code lsp-demo (3 matches)}, {@code main.toit (2 matches)},
 * {@code 3: greet "you"} with each reference highlighted as the Search view highlights matches.
 */
final class ReferencesLabels extends LabelProvider implements IStyledLabelProvider {
    /** The Search view's own match highlight colour (a theme colour of org.eclipse.search). */
    private static final String HIGHLIGHT = "org.eclipse.search.ui.match.highlight";
    private final ToitReferencesPage page;
    private final ReferencesTree tree;

    ReferencesLabels(ToitReferencesPage page, ReferencesTree tree) {
        this.page = page;
        this.tree = tree;
    }

    @Override
    public String getText(Object element) {
        return getStyledText(element).getString();
    }

    @Override
    public StyledString getStyledText(Object element) {
        if (element instanceof ReferenceLine line) return line(line);
        String name = element instanceof IProject p ? p.getName() : element instanceof IFile f ? f.getName() : String.valueOf(element);
        int n = tree.count(element);
        return new StyledString(name).append(" (" + n + (n == 1 ? " match)" : " matches)"), StyledString.COUNTER_STYLER);
    }

    private StyledString line(ReferenceLine line) {
        String label = line.label();
        StyledString styled = new StyledString(label);
        int shift = label.indexOf(": ") + 2 - line.indent();   // line offsets to label offsets
        for (Match m : page.getDisplayedMatches(line)) {
            int start = m.getOffset() - line.lineOffset() + shift;
            int end = Math.min(start + m.getLength(), label.length());
            if (start >= label.indexOf(": ") + 2 && end > start) styled.setStyle(start, end - start, HIGHLIGHTED);
        }
        return styled;
    }

    private static final StyledString.Styler HIGHLIGHTED = new StyledString.Styler() {
        @Override
        public void applyStyles(TextStyle style) {
            Color background = JFaceResources.getColorRegistry().get(HIGHLIGHT);
            if (background != null) style.background = background;
            else style.font = JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT);
        }
    };

    @Override
    public Image getImage(Object element) {
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        if (element instanceof IProject) return images.getImage(IDE.SharedImages.IMG_OBJ_PROJECT);
        if (element instanceof IFile) return images.getImage(ISharedImages.IMG_OBJ_FILE);
        return null;
    }
}
