package io.eave.toit.editor.lsp;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;

/**
 * Ctrl+click on a name ({@code org.eclipse.ui.workbench.texteditor.hyperlinkDetectors}). The
 * detector runs on the UI thread as the mouse moves, so it never asks the server: every name is
 * a link, and opening it asks for the definition in the background ({@link ToitDefinitionHyperlink}).
 */
public final class ToitHyperlinkDetector extends AbstractHyperlinkDetector {
    @Override
    public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
        if (region == null || ToitDocumentSync.uriOf(viewer.getDocument()) == null) return null;
        IRegion word = ToitTextHover.wordAt(viewer.getDocument(), region.getOffset());
        if (word == null || Character.isDigit(charAt(viewer, word.getOffset()))) return null;
        return new IHyperlink[] { new ToitDefinitionHyperlink(viewer, word) };
    }

    private static char charAt(ITextViewer viewer, int offset) {
        try {
            return viewer.getDocument().getChar(offset);
        } catch (org.eclipse.jface.text.BadLocationException e) {
            return '0';
        }
    }
}
