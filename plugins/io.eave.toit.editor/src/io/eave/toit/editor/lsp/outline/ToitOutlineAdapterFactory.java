package io.eave.toit.editor.lsp.outline;

import io.eave.toit.editor.lsp.ToitDocumentSync;
import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

/** The Outline of a Toit editor: the generic editor asks the platform for its outline page. */
public final class ToitOutlineAdapterFactory implements IAdapterFactory {
    @Override
    public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
        if (adapterType != IContentOutlinePage.class || !(adaptable instanceof ITextEditor editor)) return null;
        if (editor.getDocumentProvider() == null) return null;
        var document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        if (ToitDocumentSync.uriOf(document) == null) return null;   // not a Toit editor
        return adapterType.cast(new ToitOutlinePage(editor, document));
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] { IContentOutlinePage.class };
    }
}
