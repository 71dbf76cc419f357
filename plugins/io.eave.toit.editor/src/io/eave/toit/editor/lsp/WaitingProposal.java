package io.eave.toit.editor.lsp;

import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposalExtension2;
import org.eclipse.jface.text.contentassist.ICompletionProposalExtension4;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;

/**
 * The one row of the completion popup while the server has not answered yet. Choosing it changes
 * nothing; it is never inserted by itself, and typing removes it (the popup then closes, and the
 * late answer with it).
 */
final class WaitingProposal implements ICompletionProposal, ICompletionProposalExtension2, ICompletionProposalExtension4 {
    static final String TEXT = "Waiting for the Toit language server\u2026";
    private final int offset;
    private final long stamp;

    WaitingProposal(int offset, long stamp) {
        this.offset = offset;
        this.stamp = stamp;
    }

    @Override
    public void apply(IDocument document) {
    }

    @Override
    public void apply(ITextViewer viewer, char trigger, int stateMask, int offset) {
    }

    @Override
    public Point getSelection(IDocument document) {
        return new Point(offset, 0);
    }

    @Override
    public String getAdditionalProposalInfo() {
        return null;
    }

    @Override
    public String getDisplayString() {
        return TEXT;
    }

    @Override
    public Image getImage() {
        return null;
    }

    @Override
    public IContextInformation getContextInformation() {
        return null;
    }

    @Override
    public void selected(ITextViewer viewer, boolean smartToggle) {
    }

    @Override
    public void unselected(ITextViewer viewer) {
    }

    @Override
    public boolean validate(IDocument document, int offset, DocumentEvent event) {
        return ToitContentAssistProcessor.stamp(document) == stamp;
    }

    @Override
    public boolean isAutoInsertable() {
        return false;
    }
}
