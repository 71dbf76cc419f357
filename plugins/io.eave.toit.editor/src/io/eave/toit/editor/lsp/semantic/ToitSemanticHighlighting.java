package io.eave.toit.editor.lsp.semantic;

import io.eave.toit.editor.lsp.LateAnswers;
import io.eave.toit.editor.lsp.ServerFollowingReconciler;
import io.eave.toit.editor.lsp.ToitLanguageServers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.ITextViewerExtension2;
import org.eclipse.jface.text.ITextViewerExtension4;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;

/**
 * Semantic highlighting ({@code textDocument/semanticTokens/full}) over the lexical colours: a
 * presentation listener merges the last answer's styles into every repaint. The tokens are
 * asked {@value #DELAY_MS} ms after the last edit; an answer is applied on the UI thread only if
 * the text did not change since it was asked. Between an edit and the next answer the old
 * styles move with the text (styles the edit touched are dropped). Only the stretch of text whose
 * styles changed is presented again, not the whole document.
 */
public final class ToitSemanticHighlighting extends ServerFollowingReconciler implements ITextPresentationListener {
    private List<StyleRange> styles = List.of();

    @Override
    protected boolean attach(ITextViewer textViewer) {
        if (!(textViewer instanceof ITextViewerExtension4 v4)) return false;
        v4.addTextPresentationListener(this);
        return true;
    }

    @Override
    protected void detach(ITextViewer textViewer) {
        ((ITextViewerExtension4) textViewer).removeTextPresentationListener(this);
    }

    /** The styles applied now (document offsets), for tests. */
    public List<StyleRange> styles() {
        return styles;
    }

    @Override
    public void applyTextPresentation(TextPresentation presentation) {
        IRegion extent = presentation.getExtent();
        int from = extent == null ? 0 : extent.getOffset();
        int to = extent == null ? Integer.MAX_VALUE : extent.getOffset() + extent.getLength();
        for (StyleRange s : styles) {
            if (s.start + s.length > from && s.start < to) presentation.mergeStyleRange((StyleRange) s.clone());
        }
    }

    @Override
    protected void documentReplaced() {
        styles = List.of();
    }

    @Override
    protected void edited(DocumentEvent event) {
        int delta = (event.getText() == null ? 0 : event.getText().length()) - event.getLength();
        int end = event.getOffset() + event.getLength();
        List<StyleRange> moved = new ArrayList<>();
        for (StyleRange s : styles) {
            if (s.start + s.length <= event.getOffset()) {
                moved.add(s);
            } else if (s.start >= end) {
                StyleRange m = (StyleRange) s.clone();
                m.start += delta;
                moved.add(m);
            }
        }
        styles = moved;
    }

    @Override
    protected CompletableFuture<?> request(String uri, int mine) {
        Display display = Display.getCurrent();
        ToitLanguageServers servers = ToitLanguageServers.get();
        CompletableFuture<SemanticTokens> answer = servers.request(s -> s.getTextDocumentService()
                .semanticTokensFull(new SemanticTokensParams(new TextDocumentIdentifier(uri))));
        answer.thenCombine(servers.capabilities(), (tokens, capabilities) -> {
            var provider = capabilities.getSemanticTokensProvider();
            if (tokens == null || provider == null || provider.getLegend() == null) return null;
            var legend = provider.getLegend();
            LateAnswers.apply(display, List.of(this, "tokens"), () -> {
                if (!current(mine)) return;   // stale, or the editor closed
                SemanticTokenStyles decoder = new SemanticTokenStyles(legend,
                        PlatformUI.getWorkbench().getThemeManager().getCurrentTheme().getColorRegistry());
                List<StyleRange> before = styles;
                styles = decoder.decode(document(), tokens.getData());
                repaint(before, styles);
            });
            return null;
        });
        return answer;
    }

    /** Presents again only the text between the first and the last style that changed. */
    private void repaint(List<StyleRange> before, List<StyleRange> after) {
        ITextViewer viewer = viewer();
        IDocument document = document();
        if (viewer.getTextWidget() == null || viewer.getTextWidget().isDisposed()) return;
        int head = 0;
        while (head < before.size() && head < after.size() && same(before.get(head), after.get(head))) head++;
        int tailBefore = before.size() - 1;
        int tailAfter = after.size() - 1;
        while (tailBefore >= head && tailAfter >= head && same(before.get(tailBefore), after.get(tailAfter))) {
            tailBefore--;
            tailAfter--;
        }
        int from = Integer.MAX_VALUE;
        int to = -1;
        for (List<StyleRange> list : List.of(before.subList(head, tailBefore + 1), after.subList(head, tailAfter + 1))) {
            for (StyleRange s : list) {
                from = Math.min(from, s.start);
                to = Math.max(to, s.start + s.length);
            }
        }
        if (to < 0) return;   // nothing changed
        to = Math.min(to, document.getLength());
        if (from >= to) return;
        if (viewer instanceof ITextViewerExtension2 v2) v2.invalidateTextPresentation(from, to - from);
        else viewer.invalidateTextPresentation();
    }

    private static boolean same(StyleRange a, StyleRange b) {
        return a.start == b.start && a.length == b.length && a.similarTo(b);
    }
}
