package io.eave.toit.editor.lsp.format;

import io.eave.toit.editor.lsp.Answers;
import io.eave.toit.editor.lsp.LspDocuments;
import io.eave.toit.editor.lsp.ToitEditorCaret;
import io.eave.toit.editor.lsp.ToitLanguageServers;
import java.util.List;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Range;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.texteditor.IEditorStatusLine;

/**
 * Format (Ctrl+Shift+F, Source &gt; Format): {@code textDocument/formatting} with Toit's
 * indentation (two spaces), or with a selection {@code textDocument/rangeFormatting} of the lines
 * it touches. The edits are applied on the UI thread as one undo step, and only if the text did
 * not change while the server worked; otherwise, or on failure, the status line says so.
 */
public final class FormatHandler extends AbstractHandler {
    /** Toit indents by two spaces; tabs are errors in indentation. */
    static final FormattingOptions OPTIONS = new FormattingOptions(2, true);

    @Override
    public Object execute(ExecutionEvent event) {
        ToitEditorCaret caret = ToitEditorCaret.of(event);
        if (caret == null) return null;
        long stamp = stamp(caret);
        Display display = Display.getCurrent();
        Range selected = selectedLines(caret);
        ToitLanguageServers.get().request(s -> selected == null
                ? s.getTextDocumentService().formatting(new DocumentFormattingParams(caret.id(), OPTIONS))
                : s.getTextDocumentService().rangeFormatting(new DocumentRangeFormattingParams(caret.id(), OPTIONS, selected)))
                .whenComplete((edits, failure) -> display.asyncExec(() -> {
                    if (stamp(caret) != stamp) {
                        status(caret, "Not formatted: the text changed while the server formatted it");
                    } else if (failure != null) {
                        status(caret, "Not formatted: " + Answers.message(failure));
                    } else if (edits != null && !edits.isEmpty()) {
                        apply(caret, edits);
                    }
                }));
        return null;
    }

    /** The selection as an LSP range (the server formats the whole lines it touches), or null when nothing is selected. */
    private static Range selectedLines(ToitEditorCaret caret) {
        if (!(caret.editor().getSelectionProvider().getSelection() instanceof ITextSelection selection) || selection.getLength() == 0) {
            return null;
        }
        try {
            return new Range(LspDocuments.position(caret.document(), selection.getOffset()),
                    LspDocuments.position(caret.document(), selection.getOffset() + selection.getLength()));
        } catch (BadLocationException e) {
            return null;
        }
    }

    private static void apply(ToitEditorCaret caret, List<? extends org.eclipse.lsp4j.TextEdit> edits) {
        IRewriteTarget target = caret.editor().getAdapter(IRewriteTarget.class);
        if (target != null) target.beginCompoundChange();
        try {
            LspDocuments.apply(caret.document(), edits);
        } catch (BadLocationException e) {
            status(caret, "Not formatted: " + e.getMessage());
        } finally {
            if (target != null) target.endCompoundChange();
        }
    }

    private static void status(ToitEditorCaret caret, String message) {
        IEditorStatusLine line = caret.editor().getAdapter(IEditorStatusLine.class);
        if (line != null) line.setMessage(true, message, null);
    }

    private static long stamp(ToitEditorCaret caret) {
        return caret.document() instanceof IDocumentExtension4 d ? d.getModificationStamp() : 0;
    }
}
