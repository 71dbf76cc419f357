package io.eave.toit.editor.lsp.quickfix;

import io.eave.toit.editor.lsp.WorkspaceEdits;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.ltk.core.refactoring.Change;
import org.eclipse.ltk.core.refactoring.PerformChangeOperation;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IMarkerResolution2;

/** One code action of the server as a quick fix: its title; running it applies its workspace edit. */
final class ToitCodeActionResolution implements IMarkerResolution2 {
    private static final ILog LOG = ILog.of(ToitCodeActionResolution.class);
    private final CodeAction action;

    ToitCodeActionResolution(CodeAction action) {
        this.action = action;
    }

    @Override
    public String getLabel() {
        return action.getTitle();
    }

    @Override
    public String getDescription() {
        return action.getTitle();
    }

    @Override
    public Image getImage() {
        return null;
    }

    @Override
    public void run(IMarker marker) {
        try {
            Change change = WorkspaceEdits.toChange(action.getTitle(), action.getEdit());
            change.initializeValidationData(new NullProgressMonitor());
            PerformChangeOperation perform = new PerformChangeOperation(change);
            perform.run(new NullProgressMonitor());   // a small local edit, in the open buffer
            ToitQuickFixes.forget(marker);
        } catch (CoreException e) {
            LOG.error("Quick fix '" + action.getTitle() + "' failed: " + e.getMessage(), e);
        }
    }
}
