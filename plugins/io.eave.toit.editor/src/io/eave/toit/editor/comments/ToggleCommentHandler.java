package io.eave.toit.editor.comments;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

/** Ctrl+/ in a Toit editor: toggles line comments as one undoable change. */
public class ToggleCommentHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IEditorPart part = HandlerUtil.getActiveEditor(event);
        if (!(part instanceof ITextEditor editor) || !editor.isEditable()) return null;
        ISelection selection = editor.getSelectionProvider().getSelection();
        if (!(selection instanceof ITextSelection text)) return null;
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        IRewriteTarget rewrite = editor.getAdapter(IRewriteTarget.class);
        if (rewrite != null) rewrite.beginCompoundChange();
        try {
            ToitLineComments.toggle(document, text.getOffset(), text.getLength());
        } catch (BadLocationException e) {
            throw new ExecutionException("Cannot toggle comments: the selection is outside the document", e);
        } finally {
            if (rewrite != null) rewrite.endCompoundChange();
        }
        return null;
    }
}
