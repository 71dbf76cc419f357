package io.eave.toit.editor.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessorExtension;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
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
 * content assistant is asynchronous: this runs on its worker thread and waits for the answer (at
 * most {@value #TIMEOUT_MS} ms); were it ever called on the UI thread it would wait 50 ms at most.
 * A newer request cancels the one before. Context information is the server's signature help
 * ({@link ToitSignatureHelp}).
 */
public final class ToitContentAssistProcessor implements IContentAssistProcessorExtension {
    static final long TIMEOUT_MS = 5_000;
    private CompletableFuture<?> previous;
    private final ToitSignatureHelp signatures = new ToitSignatureHelp();

    @Override
    public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
        IDocument document = viewer.getDocument();
        String uri = ToitDocumentSync.uriOf(document);
        if (uri == null) return new ICompletionProposal[0];
        try {
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
            long timeout = Display.getCurrent() != null ? 50 : TIMEOUT_MS;
            Either<List<CompletionItem>, CompletionList> items = answer.get(timeout, TimeUnit.MILLISECONDS);
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
        } catch (Exception e) {
            return new ICompletionProposal[0];
        }
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
