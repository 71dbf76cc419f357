package io.eave.launch.build;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Makes sure every save of a Toit source is built. Eclipse skips the automatic build that follows
 * an explicit one (Project > Build Project, a launch's build before launch): the end of an
 * explicit build sets the auto-build job's "avoid build" flag, which only that job's next run
 * clears, without building, whatever changed meanwhile. A save made in that window (the job's
 * delay, 0.1 to 1 s, or longer when the job was running during the explicit build) was therefore
 * not built until the next change.
 *
 * <p>So this listener notes the projects with the Toit builder whose sources change (after each
 * workspace operation); the builder forgets a project when it builds it; after an automatic build
 * ({@code POST_BUILD}), a project still noted was skipped and is built at once, in a job of the
 * auto-build family (so whoever waits for the automatic build waits for it too).
 */
public final class SaveBuilds implements IResourceChangeListener {
    private static final ILog LOG = ILog.of(SaveBuilds.class);
    private static final Set<IProject> PENDING = ConcurrentHashMap.newKeySet();
    private static volatile boolean installed;

    private SaveBuilds() {
    }

    /** Starts listening (once; at workbench start). */
    public static synchronized void install() {
        if (installed) return;
        installed = true;
        ResourcesPlugin.getWorkspace().addResourceChangeListener(new SaveBuilds(),
                IResourceChangeEvent.POST_CHANGE | IResourceChangeEvent.POST_BUILD);
    }

    /** The builder is building {@code project}: what changed so far is seen by this build. */
    static void building(IProject project) {
        PENDING.remove(project);
    }

    @Override
    public void resourceChanged(IResourceChangeEvent event) {
        if (!ResourcesPlugin.getWorkspace().isAutoBuilding() || !CompilerPreferences.buildOnSave()) {
            PENDING.clear();   // nothing is built on save: Project > Build sees every change
            return;
        }
        if (event.getType() == IResourceChangeEvent.POST_CHANGE) {
            noteChangedSources(event.getDelta());
        } else if (event.getBuildKind() == IncrementalProjectBuilder.AUTO_BUILD && !PENDING.isEmpty()) {
            new CatchUp().schedule();
        }
    }

    private static void noteChangedSources(IResourceDelta delta) {
        if (delta == null) return;
        for (IResourceDelta child : delta.getAffectedChildren()) {
            IProject project = child.getResource().getProject();
            if (project == null || !project.isAccessible()) continue;
            String output = CompilerPreferences.outputFolder();
            boolean[] changed = { false };
            try {
                child.accept(d -> {
                    IResource r = d.getResource();
                    if (r.getType() == IResource.FOLDER && r.getProjectRelativePath().toString().equals(output)) return false;
                    boolean content = d.getKind() != IResourceDelta.CHANGED
                            || (d.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED)) != 0;
                    changed[0] |= r.getType() == IResource.FILE && "toit".equals(r.getFileExtension()) && content;
                    return !changed[0];
                });
            } catch (CoreException e) {
                LOG.log(e.getStatus());
            }
            if (changed[0] && hasToitBuilder(project)) PENDING.add(project);
        }
    }

    private static boolean hasToitBuilder(IProject project) {
        try {
            return List.of(project.getDescription().getBuildSpec()).stream().anyMatch(c -> ToitBuilder.ID.equals(c.getBuilderName()));
        } catch (CoreException e) {
            return false;
        }
    }

    /** Builds the projects that the automatic build skipped, as Project > Build Project does. */
    private static final class CatchUp extends Job {
        CatchUp() {
            super("Building Toit projects");
            setRule(ResourcesPlugin.getWorkspace().getRuleFactory().buildRule());
            setSystem(true);
        }

        @Override
        public boolean belongsTo(Object family) {
            return family == ResourcesPlugin.FAMILY_AUTO_BUILD;
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            for (IProject project : List.copyOf(PENDING)) {
                if (monitor.isCanceled()) return Status.CANCEL_STATUS;
                if (!PENDING.contains(project) || !project.isAccessible()) {
                    PENDING.remove(project);
                    continue;
                }
                try {
                    project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, ToitBuilder.ID, null, monitor);
                } catch (CoreException e) {
                    LOG.log(e.getStatus());
                } finally {
                    PENDING.remove(project);   // built, or failed with what the builder reported
                }
            }
            return Status.OK_STATUS;
        }
    }
}
