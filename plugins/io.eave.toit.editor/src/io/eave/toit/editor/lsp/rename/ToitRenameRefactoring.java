package io.eave.toit.editor.lsp.rename;

import io.eave.toit.editor.lsp.Answers;
import io.eave.toit.editor.lsp.ToitLanguageServers;
import io.eave.toit.editor.lsp.WorkspaceEdits;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.ltk.core.refactoring.Change;
import org.eclipse.ltk.core.refactoring.CompositeChange;
import org.eclipse.ltk.core.refactoring.Refactoring;
import org.eclipse.ltk.core.refactoring.RefactoringStatus;

/**
 * {@code textDocument/rename} as an LTK refactoring: the wizard's final check asks the server
 * (in the wizard's progress context, up to {@value #TIMEOUT_S} s, Cancel honoured) and turns its
 * workspace edit into a change per file, which the preview shows and Finish applies (one undo).
 * A refusal of the server (a library name, an invalid name) is a fatal status with its message.
 */
public final class ToitRenameRefactoring extends Refactoring {
    static final int TIMEOUT_S = 60;
    private final String uri;
    private final Position position;
    private final String oldName;
    private String newName;
    private CompositeChange change;

    public ToitRenameRefactoring(String uri, Position position, String oldName) {
        this.uri = uri;
        this.position = position;
        this.oldName = oldName;
        this.newName = oldName;
    }

    public String oldName() {
        return oldName;
    }

    public void setNewName(String name) {
        newName = name;
    }

    @Override
    public String getName() {
        return "Rename '" + oldName + "'";
    }

    @Override
    public RefactoringStatus checkInitialConditions(IProgressMonitor pm) {
        return new RefactoringStatus();
    }

    @Override
    public RefactoringStatus checkFinalConditions(IProgressMonitor pm) {
        change = null;
        if (newName == null || newName.isBlank()) return RefactoringStatus.createFatalErrorStatus("Enter a new name");
        if (newName.equals(oldName)) return RefactoringStatus.createFatalErrorStatus("The new name is the old name");
        pm.beginTask("Asking the Toit language server", IProgressMonitor.UNKNOWN);
        try {
            RenameParams params = new RenameParams(new TextDocumentIdentifier(uri), position, newName);
            WorkspaceEdit edit = Answers.await(ToitLanguageServers.get().request(
                    s -> s.getTextDocumentService().rename(params)), pm, TIMEOUT_S);
            if (edit == null) return RefactoringStatus.createFatalErrorStatus("Nothing to rename here");
            change = WorkspaceEdits.toChange(getName() + " to '" + newName + "'", edit);
            return new RefactoringStatus();
        } catch (OperationCanceledException e) {
            throw e;
        } catch (Exception e) {
            return RefactoringStatus.createFatalErrorStatus(Answers.message(e));
        } finally {
            pm.done();
        }
    }

    @Override
    public Change createChange(IProgressMonitor pm) {
        return change;
    }
}
