package io.eave.toit.editor.lsp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextHoverExtension2;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkedString;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.swt.widgets.Display;

/**
 * Hover from the language server ({@code org.eclipse.ui.genericeditor.hoverProviders}): the
 * declaration's signature and doc comment as plain text. The text viewer computes hovers on its
 * own background thread, which waits here (at most {@value #TIMEOUT_MS} ms); a newer hover
 * cancels the one before.
 */
public final class ToitTextHover implements ITextHover, ITextHoverExtension2 {
    static final long TIMEOUT_MS = 3_000;
    private CompletableFuture<Hover> previous;

    @Override
    public IRegion getHoverRegion(ITextViewer viewer, int offset) {
        return wordAt(viewer.getDocument(), offset);
    }

    @Override
    public Object getHoverInfo2(ITextViewer viewer, IRegion region) {
        return getHoverInfo(viewer, region);
    }

    @Override
    public String getHoverInfo(ITextViewer viewer, IRegion region) {
        IDocument document = viewer.getDocument();
        String uri = ToitDocumentSync.uriOf(document);
        if (uri == null || region == null) return null;
        try {
            int line = document.getLineOfOffset(region.getOffset());
            Position position = new Position(line, region.getOffset() - document.getLineOffset(line));
            CompletableFuture<Hover> answer;
            synchronized (this) {
                if (previous != null) previous.cancel(true);
                answer = ToitLanguageServers.get().request(s -> s.getTextDocumentService().hover(
                        new HoverParams(new TextDocumentIdentifier(uri), position)));
                previous = answer;
            }
            Hover hover = answer.get(Display.getCurrent() != null ? 50 : TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return hover == null || hover.getContents() == null ? null : text(hover.getContents());
        } catch (Exception e) {
            return null;
        }
    }

    /** Markdown as the plain text a hover shows: code fences dropped. */
    static String text(Either<java.util.List<Either<String, MarkedString>>, MarkupContent> contents) {
        String markdown;
        if (contents.isRight()) {
            markdown = contents.getRight().getValue();
        } else {
            StringBuilder s = new StringBuilder();
            for (Either<String, MarkedString> part : contents.getLeft()) {
                s.append(part.isLeft() ? part.getLeft() : part.getRight().getValue()).append("\n\n");
            }
            markdown = s.toString();
        }
        String plain = markdown.replaceAll("(?m)^```[a-z]*\\s*$\\n?", "").strip();
        return plain.isEmpty() ? null : plain;
    }

    /** The name around an offset (Toit names may contain dashes). */
    static IRegion wordAt(IDocument document, int offset) {
        try {
            int start = offset;
            while (start > 0 && namePart(document.getChar(start - 1))) start--;
            int end = offset;
            while (end < document.getLength() && namePart(document.getChar(end))) end++;
            while (start < end && document.getChar(start) == '-') start++;
            return start == end ? null : new Region(start, end - start);
        } catch (BadLocationException e) {
            return null;
        }
    }

    private static boolean namePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
}
