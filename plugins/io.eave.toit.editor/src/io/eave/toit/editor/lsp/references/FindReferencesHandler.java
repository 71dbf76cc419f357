package io.eave.toit.editor.lsp.references;

import io.eave.toit.editor.lsp.ToitEditorCaret;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.search.ui.NewSearchUI;

/**
 * References (Ctrl+Shift+G): the uses of the name at the caret, in the Search view. The query
 * runs as a background job; the UI thread only starts it.
 */
public final class FindReferencesHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        ToitEditorCaret caret = ToitEditorCaret.of(event);
        if (caret == null) return null;
        NewSearchUI.runQueryInBackground(new ToitReferencesQuery(caret.uri(), caret.position(), caret.name()));
        return null;
    }
}
