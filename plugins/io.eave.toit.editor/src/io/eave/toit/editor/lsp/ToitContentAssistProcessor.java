package io.eave.toit.editor.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ContentAssistEvent;
import org.eclipse.jface.text.contentassist.ICompletionListener;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessorExtension;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.ISourceViewerExtension4;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.swt.widgets.Display;

/**
 * Completion from the language server ({@code org.eclipse.ui.genericeditor.contentAssistProcessors}).
 * Auto-activated after {@code .} and after the second {@code -} of {@code --}. The generic editor's
 * content assistant runs this on a worker thread, but its UI thread waits for it up to 50 ms
 * before it shows the popup; so this waits for the server's answer {@value #FIRST_WAIT_MS} ms at
 * most (enough for an idle server) and otherwise returns at once with a placeholder
 * ({@link WaitingProposal}); when the answer comes, while the popup is still open and the text
 * and the caret unchanged, the popup is asked again (until it takes the answer: JFace ignores an
 * invocation right after it opened the popup by itself) and gets it at once. A newer request cancels
 * the one before. Context information is the server's signature help ({@link ToitSignatureHelp}).
 */
public final class ToitContentAssistProcessor implements IContentAssistProcessorExtension {
    static final long FIRST_WAIT_MS = 10;
    /**
     * How often the popup is asked again until it took the answer: JFace ignores an invocation
     * that comes too soon after it opened the popup by itself (at least 200 ms).
     */
    static final int RETRY_MS = 100;
    static final int RETRIES = 20;
    private CompletableFuture<?> previous;
    private final ToitSignatureHelp signatures = new ToitSignatureHelp();
    /** An answer that came after the popup got the placeholder, for this caret and text. */
    private Ready ready;
    private volatile boolean sessionOpen;
    private ITextViewer listenedTo;

    private record Ready(int offset, long stamp, ICompletionProposal[] proposals) {
    }

    @Override
    public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
        IDocument document = viewer.getDocument();
        String uri = ToitDocumentSync.uriOf(document);
        if (uri == null) return new ICompletionProposal[0];
        try {
            long stamp = stamp(document);
            synchronized (this) {
                if (ready != null && ready.offset == offset && ready.stamp == stamp) {
                    ICompletionProposal[] found = ready.proposals;
                    ready = null;
                    return found;
                }
            }
            int line = document.getLineOfOffset(offset);
            Position position = new Position(line, offset - document.getLineOffset(line));
            int start = wordStart(document, offset);
            String prefix = document.get(start, offset - start);
            CompletableFuture<Either<List<CompletionItem>, CompletionList>> answer;
            synchronized (this) {
                if (previous != null) previous.cancel(true);
                answer = ToitLanguageServers.get().request(s -> s.getTextDocumentService().completion(
                        new CompletionParams(new TextDocumentIdentifier(uri), position)));
                previous = answer;
            }
            Display display = Display.getCurrent();
            try {
                // on the UI thread (not how the generic editor calls it) nothing waits
                return proposals(answer.get(display != null ? 0 : FIRST_WAIT_MS, TimeUnit.MILLISECONDS), prefix, start, offset);
            } catch (TimeoutException e) {
                Display ui = display != null ? display : viewer.getTextWidget().getDisplay();
                listenForSessionEnd(viewer);
                sessionOpen = true;
                answer.thenAccept(items -> ui.asyncExec(() -> reopen(viewer, offset, stamp, proposals(items, prefix, start, offset))));
                return new ICompletionProposal[] { new WaitingProposal(offset, stamp) };
            }
        } catch (Exception e) {
            return new ICompletionProposal[0];
        }
    }

    private static ICompletionProposal[] proposals(Either<List<CompletionItem>, CompletionList> items, String prefix, int start, int offset) {
        List<CompletionItem> list = items == null ? List.of() : items.isLeft() ? items.getLeft() : items.getRight().getItems();
        List<ICompletionProposal> proposals = new ArrayList<>();
        for (CompletionItem item : list) {
            String insert = item.getInsertText() != null ? item.getInsertText() : item.getLabel();
            String filter = item.getFilterText() != null ? item.getFilterText() : item.getLabel();
            if (!filter.startsWith(prefix)) continue;
            String display = item.getLabel() + (item.getDetail() == null || item.getDetail().isEmpty() ? "" : "  " + item.getDetail());
            String doc = item.getDocumentation() == null ? null
                    : item.getDocumentation().isLeft() ? item.getDocumentation().getLeft() : item.getDocumentation().getRight().getValue();
            proposals.add(new CompletionProposal(insert, start, offset - start, insert.length(), null, display, null, doc));
        }
        return proposals.toArray(ICompletionProposal[]::new);
    }

    /** On the UI thread: the popup that shows the placeholder asks again and finds the answer. */
    private void reopen(ITextViewer viewer, int offset, long stamp, ICompletionProposal[] proposals) {
        if (!sessionOpen || viewer.getTextWidget() == null || viewer.getTextWidget().isDisposed()) return;   // closed
        if (stamp(viewer.getDocument()) != stamp || viewer.getSelectedRange().x != offset) return;   // moved on
        Ready answer = new Ready(offset, stamp, proposals);
        synchronized (this) {
            ready = answer;
        }
        ask(viewer, answer, RETRIES);
    }

    private void ask(ITextViewer viewer, Ready answer, int retries) {
        synchronized (this) {
            if (ready != answer) return;   // taken, or a newer request
        }
        if (!sessionOpen || viewer.getTextWidget() == null || viewer.getTextWidget().isDisposed()) return;
        if (viewer instanceof ITextOperationTarget target && target.canDoOperation(ISourceViewer.CONTENTASSIST_PROPOSALS)) {
            target.doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
        }
        if (retries > 0) viewer.getTextWidget().getDisplay().timerExec(RETRY_MS, () -> ask(viewer, answer, retries - 1));
    }

    private synchronized void listenForSessionEnd(ITextViewer viewer) {
        if (listenedTo == viewer || !(viewer instanceof ISourceViewerExtension4 v4) || v4.getContentAssistantFacade() == null) return;
        listenedTo = viewer;
        v4.getContentAssistantFacade().addCompletionListener(new ICompletionListener() {
            @Override
            public void assistSessionStarted(ContentAssistEvent event) {
            }

            @Override
            public void assistSessionEnded(ContentAssistEvent event) {
                sessionOpen = false;
            }

            @Override
            public void selectionChanged(ICompletionProposal proposal, boolean smartToggle) {
            }
        });
    }

    static long stamp(IDocument document) {
        return document instanceof IDocumentExtension4 d ? d.getModificationStamp() : 0;
    }

    /** Where the name being typed starts; after {@code --} only the name counts. */
    static int wordStart(IDocument document, int offset) throws BadLocationException {
        int start = offset;
        while (start > 0) {
            char c = document.getChar(start - 1);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) break;
            start--;
        }
        while (start < offset && document.getChar(start) == '-') start++;   // `--po`: the name after the dashes
        return start;
    }

    @Override
    public boolean isCompletionProposalAutoActivation(char c, ITextViewer viewer, int offset) {
        if (c == '.') return true;
        if (c != '-') return false;
        try {
            // the second dash of `--` after a space starts a named argument (not `x--`); the
            // typed dash is not in the document yet
            IDocument d = viewer.getDocument();
            return offset >= 1 && d.getChar(offset - 1) == '-'
                    && (offset == 1 || Character.isWhitespace(d.getChar(offset - 2)) || d.getChar(offset - 2) == '(');
        } catch (BadLocationException e) {
            return false;
        }
    }

    @Override
    public char[] getCompletionProposalAutoActivationCharacters() {
        return new char[] { '.', '-' };
    }

    /** Signature help after the space that follows a name (arguments follow spaces in Toit). */
    @Override
    public boolean isContextInformationAutoActivation(char c, ITextViewer viewer, int offset) {
        try {
            return c == ' ' && offset > 0 && Character.isLetterOrDigit(viewer.getDocument().getChar(offset - 1));
        } catch (BadLocationException e) {
            return false;
        }
    }

    @Override
    public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
        return signatures.compute(viewer, offset);
    }

    @Override
    public char[] getContextInformationAutoActivationCharacters() {
        return new char[] { ' ' };
    }

    @Override
    public String getErrorMessage() {
        return null;
    }

    @Override
    public IContextInformationValidator getContextInformationValidator() {
        return signatures;
    }
}
