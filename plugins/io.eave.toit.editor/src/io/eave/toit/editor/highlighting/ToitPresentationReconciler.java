package io.eave.toit.editor.highlighting;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.presentation.PresentationReconciler;

/**
 * Lexical highlighting of Toit, contributed to the generic editor. Immediate: it runs on every
 * keystroke, before the language server answers anything.
 */
public class ToitPresentationReconciler extends PresentationReconciler {

    public ToitPresentationReconciler() {
        TokenDamagerRepairer damagerRepairer = new TokenDamagerRepairer(new ToitTokenStyles());
        setDamager(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
        setRepairer(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
    }
}
