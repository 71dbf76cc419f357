package io.eave.toit.editor.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationPresenter;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.widgets.Display;

/**
 * Signature help ({@code textDocument/signatureHelp}) as content assist's context information:
 * the signatures of the call being written (Ctrl+Shift+Space, or by itself after the space that
 * follows a name: Toit passes arguments after spaces), the parameter being written in bold.
 * Asked on the UI thread (as JFace asks it), it never waits for the server: the answer, when it
 * comes, is kept and the popup opened again with it, if the caret and the text are still where
 * they were.
 */
final class ToitSignatureHelp implements IContextInformationValidator, IContextInformationPresenter {
    static final long TIMEOUT_MS = 3_000;
    private CompletableFuture<SignatureHelp> previous;
    private Ready ready;
    private ITextViewer shownIn;
    private int shownAt;
    private IContextInformation shown;

    /** An answer that arrived after the popup gave up, for this caret and text. */
    private record Ready(int offset, long stamp, IContextInformation[] informations) {
    }

    synchronized IContextInformation[] compute(ITextViewer viewer, int offset) {
        IDocument document = viewer.getDocument();
        String uri = ToitDocumentSync.uriOf(document);
        if (uri == null) return null;
        long stamp = stamp(document);
        if (ready != null && ready.offset == offset && ready.stamp == stamp) {
            IContextInformation[] found = ready.informations;
            ready = null;
            return found;
        }
        SignatureHelpParams params;
        try {
            params = new SignatureHelpParams(new TextDocumentIdentifier(uri), LspDocuments.position(document, offset));
        } catch (BadLocationException e) {
            return null;
        }
        if (previous != null) previous.cancel(true);
        CompletableFuture<SignatureHelp> answer = ToitLanguageServers.get().request(s -> s.getTextDocumentService().signatureHelp(params));
        previous = answer;
        Display display = Display.getCurrent();
        if (display != null) {
            answer.thenAccept(help -> display.asyncExec(() -> reopen(viewer, offset, stamp, informations(help, offset))));
            return null;
        }
        try {
            return informations(answer.get(TIMEOUT_MS, TimeUnit.MILLISECONDS), offset);
        } catch (Exception e) {
            return null;
        }
    }

    private void reopen(ITextViewer viewer, int offset, long stamp, IContextInformation[] informations) {
        if (informations == null || viewer.getTextWidget() == null || viewer.getTextWidget().isDisposed()) return;
        if (stamp(viewer.getDocument()) != stamp || viewer.getSelectedRange().x != offset) return;   // moved on
        synchronized (this) {
            ready = new Ready(offset, stamp, informations);
        }
        if (viewer instanceof ITextOperationTarget target && target.canDoOperation(ISourceViewer.CONTENTASSIST_CONTEXT_INFORMATION)) {
            target.doOperation(ISourceViewer.CONTENTASSIST_CONTEXT_INFORMATION);
        }
    }

    private static IContextInformation[] informations(SignatureHelp help, int offset) {
        if (help == null || help.getSignatures() == null || help.getSignatures().isEmpty()) return null;
        List<SignatureInformation> signatures = help.getSignatures();
        IContextInformation[] result = new IContextInformation[signatures.size()];
        for (int i = 0; i < signatures.size(); i++) {
            SignatureInformation s = signatures.get(i);
            Integer active = s.getActiveParameter() != null ? s.getActiveParameter()
                    : i == (help.getActiveSignature() == null ? 0 : help.getActiveSignature()) ? help.getActiveParameter() : null;
            result[i] = new Signature(s, active == null ? -1 : active, offset);
        }
        return result;
    }

    private static long stamp(IDocument document) {
        return document instanceof IDocumentExtension4 d ? d.getModificationStamp() : 0;
    }

    /** A signature: its label, and where its active parameter is in it. */
    static final class Signature implements IContextInformation, org.eclipse.jface.text.contentassist.IContextInformationExtension {
        final int[] activeRange;   // start, end in the label, or null
        private final int offset;
        private final String label;

        Signature(SignatureInformation s, int active, int offset) {
            this.label = s.getLabel();
            this.offset = offset;
            int[] range = null;
            if (s.getParameters() != null && active >= 0 && active < s.getParameters().size()) {
                var label = s.getParameters().get(active).getLabel();
                if (label.isRight()) {
                    range = new int[] { label.getRight().getFirst(), label.getRight().getSecond() };
                } else {
                    int at = s.getLabel().indexOf(label.getLeft());
                    if (at >= 0) range = new int[] { at, at + label.getLeft().length() };
                }
            }
            activeRange = range;
        }

        @Override
        public int getContextInformationPosition() {
            return offset;
        }

        @Override
        public String getContextDisplayString() {
            return label;
        }

        @Override
        public String getInformationDisplayString() {
            return label;
        }

        @Override
        public org.eclipse.swt.graphics.Image getImage() {
            return null;
        }
    }

    // the popup stays open while the caret stays on the call's line, after where it was opened

    @Override
    public void install(IContextInformation info, ITextViewer viewer, int offset) {
        shown = info;
        shownIn = viewer;
        shownAt = offset;
    }

    @Override
    public boolean isContextInformationValid(int offset) {
        try {
            IDocument d = shownIn.getDocument();
            return offset >= shownAt && d.getLineOfOffset(offset) == d.getLineOfOffset(shownAt);
        } catch (BadLocationException e) {
            return false;
        }
    }

    @Override
    public boolean updatePresentation(int offset, TextPresentation presentation) {
        if (!(shown instanceof Signature s) || s.activeRange == null) return false;
        presentation.clear();
        presentation.addStyleRange(new StyleRange(s.activeRange[0], s.activeRange[1] - s.activeRange[0], null, null, SWT.BOLD));
        return true;
    }
}
