package io.eave.toit.wizards;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** Creating Toit projects: new ones from a sample, and existing folders added in place. */
public final class ToitProjects {

    /** The file a Toit project runs by default; wizards open it after creating the project. */
    public static final String MAIN_FILE = "main.toit";

    private ToitProjects() {
    }

    /**
     * Creates and opens project {@code name} with the Toit nature and the files of {@code sample}.
     *
     * @param location where the project lives, or null for the workspace's default location
     */
    public static IProject create(String name, URI location, ToitSample sample, IProgressMonitor monitor)
            throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, "Creating Toit project " + name, 3);
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        IProject project = workspace.getRoot().getProject(name);
        if (project.exists()) {
            throw new CoreException(Status.error("A project named '" + name + "' already exists; choose another name."));
        }
        IProjectDescription description = workspace.newProjectDescription(name);
        description.setLocationURI(location);
        description.setNatureIds(new String[] { ToitNature.ID });
        ToitNature.addBuilder(description);
        project.create(description, progress.split(1));
        project.open(progress.split(1));
        copySample(sample, project, progress.split(1));
        return project;
    }

    /**
     * Adds an existing folder as a Toit project in place (nothing is copied), unless a project
     * already lives there. Returns the new project, or null when there was one already.
     */
    public static IProject addExisting(Path folder, IProgressMonitor monitor) throws CoreException {
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        IPath location = IPath.fromPath(folder.toAbsolutePath().normalize());
        for (IProject existing : workspace.getRoot().getProjects()) {
            if (location.equals(existing.getLocation())) return null;
        }
        IProject project = workspace.getRoot().getProject(location.lastSegment());
        if (project.exists()) return null;
        IProjectDescription description = workspace.newProjectDescription(project.getName());
        if (!location.equals(workspace.getRoot().getLocation().append(project.getName()))) {
            description.setLocation(location);
        }
        description.setNatureIds(new String[] { ToitNature.ID });
        ToitNature.addBuilder(description);
        SubMonitor progress = SubMonitor.convert(monitor, "Adding project " + project.getName(), 2);
        project.create(description, progress.split(1));
        project.open(progress.split(1));
        return project;
    }

    private static void copySample(ToitSample sample, IProject project, IProgressMonitor monitor) throws CoreException {
        Bundle bundle = FrameworkUtil.getBundle(ToitProjects.class);
        String root = sample.bundlePath();
        Enumeration<URL> found = bundle.findEntries(root, "*", true);
        List<URL> entries = found == null ? List.of() : new ArrayList<>(Collections.list(found));
        if (entries.isEmpty()) {
            throw new CoreException(Status.error("The sample '" + sample.label() + "' is missing from "
                    + bundle.getSymbolicName() + " (" + root + "); reinstall Eave."));
        }
        SubMonitor progress = SubMonitor.convert(monitor, entries.size());
        for (URL entry : entries) {
            String path = entry.getPath();
            String relative = path.substring(path.indexOf(root) + root.length() + 1);
            if (relative.isEmpty() || relative.endsWith("/")) {
                progress.worked(1);
                continue;
            }
            IFile file = project.getFile(relative);
            createParents(file.getParent(), progress);
            try (InputStream in = entry.openStream()) {
                file.create(in, true, progress.split(1));
            } catch (IOException e) {
                throw new CoreException(Status.error("Cannot read " + relative + " of the sample '" + sample.label() + "'", e));
            }
        }
    }

    private static void createParents(IContainer container, IProgressMonitor monitor) throws CoreException {
        if (container instanceof IFolder folder && !folder.exists()) {
            createParents(folder.getParent(), monitor);
            folder.create(true, true, null);
        }
    }
}
