package io.eave.toit.editor.workspace;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.progress.UIJob;

/**
 * {@code ./eave ide} starts the IDE with {@code -Deave.sample.project=DIR}: on a workspace that
 * does not hold it yet, the folder is added as a project (in place, nothing is copied) and its
 * {@code main.toit} opened, so a first start shows Toit code rather than an empty workbench.
 */
public class SampleProjectImport implements IStartup {

    public static final String PROPERTY = "eave.sample.project";
    private static final String MAIN_FILE = "main.toit";

    @Override
    public void earlyStartup() {
        String folder = System.getProperty(PROPERTY);
        if (folder == null || folder.isBlank() || !Files.isDirectory(Path.of(folder))) return;
        Path location = Path.of(folder).toAbsolutePath().normalize();
        new WorkspaceJob("Adding the Toit sample project") {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                IProject project = addProject(ResourcesPlugin.getWorkspace(), location, monitor);
                if (project != null) openMainFile(project.getFile(MAIN_FILE));
                return Status.OK_STATUS;
            }
        }.schedule();
    }

    /** Adds the folder as a project unless a project already lives there; returns the new project or null. */
    static IProject addProject(IWorkspace workspace, Path location, IProgressMonitor monitor) throws CoreException {
        IPath path = IPath.fromPath(location);
        for (IProject existing : workspace.getRoot().getProjects()) {
            if (path.equals(existing.getLocation())) return null;
        }
        IProject project = workspace.getRoot().getProject(location.getFileName().toString());
        if (project.exists()) return null;
        IProjectDescription description = workspace.newProjectDescription(project.getName());
        if (!path.equals(workspace.getRoot().getLocation().append(project.getName()))) {
            description.setLocation(path);
        }
        project.create(description, monitor);
        project.open(monitor);
        return project;
    }

    private static void openMainFile(IFile file) {
        if (!file.exists()) return;
        new UIJob("Opening " + file.getName()) {
            @Override
            public IStatus runInUIThread(IProgressMonitor monitor) {
                IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
                if (window == null || window.getActivePage() == null) return Status.OK_STATUS;
                IWorkbenchPage page = window.getActivePage();
                try {
                    IDE.openEditor(page, file, true);
                } catch (PartInitException e) {
                    return e.getStatus();
                }
                return Status.OK_STATUS;
            }
        }.schedule();
    }
}
