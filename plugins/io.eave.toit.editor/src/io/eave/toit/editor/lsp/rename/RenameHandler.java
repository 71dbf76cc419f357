package io.eave.toit.editor.lsp.rename;

import io.eave.toit.editor.lsp.Answers;
import io.eave.toit.editor.lsp.LspDocuments;
import io.eave.toit.editor.lsp.ToitEditorCaret;
import io.eave.toit.editor.lsp.ToitLanguageServers;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.jface.text.IRegion;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.ltk.ui.refactoring.RefactoringWizardOpenOperation;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * Rename (Alt+Shift+R): asks the server whether the name at the caret can be renamed
 * ({@code textDocument/prepareRename}, asynchronously); then, on the UI thread and only if the
 * text did not change meanwhile, opens the rename wizard (new name, Preview, Finish) or says
 * why not.
 */
public final class RenameHandler extends AbstractHandler {
    static final String TITLE = "Rename Toit Element";

    @Override
    public Object execute(ExecutionEvent event) {
        ToitEditorCaret caret = ToitEditorCaret.of(event);
        if (caret == null) return null;
        Shell shell = caret.editor().getSite().getShell();
        long stamp = stamp(caret);
        ToitLanguageServers.get().request(s -> s.getTextDocumentService().prepareRename(
                new PrepareRenameParams(caret.id(), caret.position()))).whenComplete((answer, failure) -> {
                    Display display = shell.getDisplay();
                    if (display.isDisposed()) return;
                    display.asyncExec(() -> {
                        if (shell.isDisposed() || stamp(caret) != stamp) return;   // stale: the text moved on
                        if (failure != null) {
                            MessageDialog.openInformation(shell, TITLE, Answers.message(failure));
                            return;
                        }
                        String name = name(caret, answer);
                        if (name == null) {
                            MessageDialog.openInformation(shell, TITLE, "Nothing to rename here");
                            return;
                        }
                        ToitRenameRefactoring refactoring = new ToitRenameRefactoring(caret.uri(), caret.position(), name);
                        try {
                            new RefactoringWizardOpenOperation(new ToitRenameWizard(refactoring)).run(shell, TITLE);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                });
        return null;
    }

    private static String name(ToitEditorCaret caret, Either3<org.eclipse.lsp4j.Range, org.eclipse.lsp4j.PrepareRenameResult, org.eclipse.lsp4j.PrepareRenameDefaultBehavior> answer) {
        if (answer == null) return null;
        if (answer.isSecond()) return answer.getSecond().getPlaceholder();
        if (answer.isFirst()) {
            IRegion r = LspDocuments.region(caret.document(), answer.getFirst());
            try {
                return r == null ? null : caret.document().get(r.getOffset(), r.getLength());
            } catch (org.eclipse.jface.text.BadLocationException e) {
                return null;
            }
        }
        return caret.name();
    }

    private static long stamp(ToitEditorCaret caret) {
        return caret.document() instanceof IDocumentExtension4 d ? d.getModificationStamp() : 0;
    }
}
