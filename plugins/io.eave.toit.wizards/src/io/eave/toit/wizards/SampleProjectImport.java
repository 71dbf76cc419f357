package io.eave.toit.wizards;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.progress.UIJob;

/**
 * {@code ./eave ide} starts the IDE with {@code -Deave.sample.project=DIR}: on a workspace that
 * does not hold it yet, the folder is added as a Toit project (in place) and its main.toit
 * opened, so a first start shows Toit code rather than an empty workbench.
 */
public class SampleProjectImport implements IStartup {

    public static final String PROPERTY = "eave.sample.project";

    @Override
    public void earlyStartup() {
        String folder = System.getProperty(PROPERTY);
        if (folder == null || folder.isBlank() || !Files.isDirectory(Path.of(folder))) return;
        new WorkspaceJob("Adding the Toit sample project") {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                IProject project = ToitProjects.addExisting(Path.of(folder), monitor);
                if (project != null) open(project.getFile(ToitProjects.MAIN_FILE));
                return Status.OK_STATUS;
            }
        }.schedule();
    }

    private static void open(IFile file) {
        if (!file.exists()) return;
        new UIJob("Opening " + file.getName()) {
            @Override
            public IStatus runInUIThread(IProgressMonitor monitor) {
                IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
                if (window == null || window.getActivePage() == null) return Status.OK_STATUS;
                try {
                    IDE.openEditor(window.getActivePage(), file, true);
                } catch (PartInitException e) {
                    return e.getStatus();
                }
                return Status.OK_STATUS;
            }
        }.schedule();
    }
}
