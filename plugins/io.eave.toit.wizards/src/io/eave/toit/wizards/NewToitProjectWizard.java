package io.eave.toit.wizards;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;

/** File &gt; New &gt; Toit Project: creates the project off the UI thread, with progress, then opens main.toit. */
public class NewToitProjectWizard extends BasicNewResourceWizard implements INewWizard {

    private ToitProjectPage page;
    private IProject created;

    @Override
    public void init(IWorkbench workbench, IStructuredSelection currentSelection) {
        super.init(workbench, currentSelection);
        setWindowTitle("New Toit Project");
        setNeedsProgressMonitor(true);
    }

    @Override
    public void addPages() {
        page = new ToitProjectPage();
        addPage(page);
    }

    /** For tests and other callers that fill the page programmatically. */
    public void selectSample(ToitSample sample) {
        page.selectSample(sample);
    }

    @Override
    public boolean performFinish() {
        String name = page.getProjectName();
        URI location = page.useDefaults() ? null : page.getLocationURI();
        ToitSample sample = page.sample();
        WorkspaceModifyOperation create = new WorkspaceModifyOperation() {
            @Override
            protected void execute(org.eclipse.core.runtime.IProgressMonitor monitor) throws CoreException {
                created = ToitProjects.create(name, location, sample, monitor);
            }
        };
        try {
            getContainer().run(true, true, create);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CoreException core) {
                ErrorDialog.openError(getShell(), "Cannot create the Toit project", null, core.getStatus());
            } else {
                page.setErrorMessage("Cannot create the project: " + cause);
            }
            return false;
        } catch (InterruptedException e) {
            return false;   // cancelled
        }
        selectAndReveal(created);
        IFile main = created.getFile(ToitProjects.MAIN_FILE);
        if (main.exists() && getWorkbench().getActiveWorkbenchWindow() != null) {
            try {
                IDE.openEditor(getWorkbench().getActiveWorkbenchWindow().getActivePage(), main, true);
            } catch (PartInitException e) {
                ErrorDialog.openError(getShell(), "Cannot open " + main.getName(), null, e.getStatus());
            }
        }
        return true;
    }

    /** The project the last finish created, or null. */
    public IProject createdProject() {
        return created;
    }
}
