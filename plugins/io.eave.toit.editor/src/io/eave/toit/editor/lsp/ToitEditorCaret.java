package io.eave.toit.editor.lsp;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * Where a command on the Toit editor acts: the editor, its document (connected to the server),
 * and the caret (the start of the selection) as an offset and an LSP position.
 */
public record ToitEditorCaret(ITextEditor editor, IDocument document, String uri, int offset, Position position) {

    /** The caret of the editor a command was run in, or null when it is no connected Toit editor. */
    public static ToitEditorCaret of(ExecutionEvent event) {
        IEditorPart part = HandlerUtil.getActiveEditor(event);
        return part instanceof ITextEditor editor ? of(editor) : null;
    }

    public static ToitEditorCaret of(ITextEditor editor) {
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        String uri = ToitDocumentSync.uriOf(document);
        if (uri == null || !(editor.getSelectionProvider().getSelection() instanceof ITextSelection selection)) return null;
        try {
            int offset = selection.getOffset();
            return new ToitEditorCaret(editor, document, uri, offset, LspDocuments.position(document, offset));
        } catch (BadLocationException e) {
            return null;
        }
    }

    /** The name the caret is in or after. */
    public String name() {
        try {
            int start = offset;
            int end = offset;
            while (start > 0 && namePart(document.getChar(start - 1))) start--;
            while (end < document.getLength() && namePart(document.getChar(end))) end++;
            return document.get(start, end - start);
        } catch (BadLocationException e) {
            return "";
        }
    }

    private static boolean namePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    public TextDocumentIdentifier id() {
        return new TextDocumentIdentifier(uri);
    }
}
