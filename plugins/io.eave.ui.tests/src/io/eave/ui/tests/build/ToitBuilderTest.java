package io.eave.ui.tests.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eave.launch.build.CompilerPreferences;
import io.eave.launch.build.ToitBuilder;
import io.eave.toit.wizards.ToitProjects;
import io.eave.toit.wizards.ToitSample;
import io.eave.ui.tests.devices.Waiting;

/**
 * The Toit builder in the real workspace: a project made by the New Toit Project code has the
 * builder and is built by the automatic build; saving a file with an error puts a problem marker
 * on it, fixing it removes the marker and writes the program image (each by the automatic build
 * after the save, also right after an explicit Build Project); Clean removes both; the Compiler
 * preferences (build on save, output folder) change what a save does.
 */
public class ToitBuilderTest {

    /** A build: the front end is made by then (see below), but the machine is a busy shared 2-core one. */
    private static final Duration BUILD_WAIT = Duration.ofSeconds(90);
    /** The first build creates the builder's front end (Xtext, the core library), beside the language server's. */
    private static final Duration FIRST_BUILD_WAIT = Duration.ofSeconds(240);

    private IProject project;

    @BeforeEach
    void createProject() throws Exception {
        CompilerPreferences.node().remove(CompilerPreferences.BUILD_ON_SAVE);   // the defaults, whatever ran before
        CompilerPreferences.node().remove(CompilerPreferences.OUTPUT_FOLDER);
        project = ToitProjects.create("builder-test", null, ToitSample.EMPTY, new NullProgressMonitor());
        // the automatic build of the new project makes the builder's front end (slow the first time)
        waitForAutoBuild(FIRST_BUILD_WAIT);
        assertTrue(project.getFile("build/main.img").exists(), "the sample's image after the new project's automatic build: "
                + describe(project.getFile("main.toit")));
    }

    @AfterEach
    void deleteProject() throws Exception {
        CompilerPreferences.node().remove(CompilerPreferences.BUILD_ON_SAVE);
        CompilerPreferences.node().remove(CompilerPreferences.OUTPUT_FOLDER);
        project.delete(true, true, null);
    }

    private IFile save(String name, String text) throws CoreException {
        IFile file = project.getFile(name);
        var in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        if (file.exists()) {
            file.setContents(in, IResource.FORCE, null);
        } else {
            file.create(in, true, null);
        }
        return file;
    }

    private static IMarker[] markers(IFile file) {
        try {
            return file.findMarkers(ToitBuilder.MARKER, false, IResource.DEPTH_ZERO);
        } catch (CoreException e) {
            return new IMarker[0];
        }
    }

    private static String describe(IFile file) {
        return Arrays.stream(markers(file)).map(m -> m.getAttribute(IMarker.LINE_NUMBER, -1) + ": " + m.getAttribute(IMarker.MESSAGE, ""))
                .toList().toString();
    }

    /**
     * A build of the workspace, as a launch runs before it starts (build before launch) and as
     * Project > Build All does; unlike a project's build, it makes Eclipse skip the next automatic build.
     */
    private static Job workspaceBuildJob(int kind) {
        Job job = Job.create("Build before launch", monitor -> {
            try {
                ResourcesPlugin.getWorkspace().build(kind, monitor);
                return Status.OK_STATUS;
            } catch (CoreException e) {
                return e.getStatus();
            }
        });
        job.setRule(ResourcesPlugin.getWorkspace().getRuleFactory().buildRule());
        return job;
    }

    private static void workspaceBuild() {
        Job job = workspaceBuildJob(IncrementalProjectBuilder.INCREMENTAL_BUILD);
        job.schedule();
        Waiting.until("the workspace build", BUILD_WAIT, () -> job.getResult() != null, () -> String.valueOf(job.getState()));
        assertTrue(job.getResult().isOK(), job.getResult().toString());
    }

    /** Runs a build in a Job (as Project > Build does) and waits for it without blocking the event loop. */
    private void build(int kind) {
        Job job = Job.create("test build", monitor -> {
            try {
                project.build(kind, monitor);
                return Status.OK_STATUS;
            } catch (CoreException e) {
                return e.getStatus();
            }
        });
        job.setRule(ResourcesPlugin.getWorkspace().getRuleFactory().buildRule());
        job.schedule();
        Waiting.until("the build", BUILD_WAIT, () -> job.getResult() != null, () -> String.valueOf(job.getState()));
        assertTrue(job.getResult().isOK(), job.getResult().toString());
    }

    private static void waitForAutoBuild() {
        waitForAutoBuild(BUILD_WAIT);
    }

    private static void waitForAutoBuild(Duration limit) {
        Waiting.forAutoBuild(limit);
    }

    @Test
    void anErrorBecomesAMarkerThatGoesAwayWhenFixedAndTheImageIsWrittenAndCleaned() throws Exception {
        assertTrue(List.of(project.getDescription().getBuildSpec()).stream().anyMatch(c -> c.getBuilderName().equals(ToitBuilder.ID)),
                "a new Toit project has the Toit builder");
        String text = "main:\n  print missing\n";
        IFile main = save("main.toit", text);
        waitForAutoBuild();
        assertEquals(1, markers(main).length, describe(main));
        IMarker marker = markers(main)[0];
        assertEquals(2, marker.getAttribute(IMarker.LINE_NUMBER, -1));
        assertTrue(marker.getAttribute(IMarker.MESSAGE, "").contains("missing"), marker.getAttribute(IMarker.MESSAGE, ""));
        assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
        assertEquals("io.eave.toit.unresolved-name", marker.getAttribute(ToitBuilder.CODE, ""));
        assertEquals(text.indexOf("missing"), marker.getAttribute(IMarker.CHAR_START, -1));
        assertEquals(text.indexOf("missing") + "missing".length(), marker.getAttribute(IMarker.CHAR_END, -1));
        assertTrue(marker.isSubtypeOf(IMarker.PROBLEM), "listed in the Problems view");
        assertFalse(project.getFile("build/main.img").exists(), "a program with errors has no image (the sample's is deleted)");

        save("main.toit", "main:\n  print 42\n");
        waitForAutoBuild();
        assertEquals(0, markers(main).length, "the marker goes away after the fix: " + describe(main));
        IFile image = project.getFile("build/main.img");
        assertTrue(image.exists() && image.getLocation().toFile().length() > 0, "the image in build/");
        assertTrue(project.getFile("build/main.img.debug.json").exists(), "its debug info beside it");
        assertTrue(project.getFolder("build").isDerived(), "the output folder is derived (not searched, not shared)");

        save("main.toit", "main:\n  print missing\n");
        waitForAutoBuild();
        assertEquals(1, markers(main).length, describe(main));
        build(IncrementalProjectBuilder.CLEAN_BUILD);
        assertEquals(0, markers(main).length, "Clean removes the markers: " + describe(main));
        assertFalse(image.exists(), "and the images");
    }

    /**
     * Eclipse skips the automatic build right after an explicit build of the workspace (see
     * SaveBuilds): a save made then is built all the same, for each of several saves in a row.
     */
    @Test
    void aSaveRightAfterABuildBeforeLaunchIsBuilt() throws Exception {
        for (int i = 0; i < 3; i++) {
            workspaceBuild();   // as a launch does before it runs
            IFile main = save("main.toit", "main:\n  print missing" + i + "\n");
            waitForAutoBuild();
            assertEquals(1, markers(main).length, "round " + i + ": " + describe(main));
            assertTrue(markers(main)[0].getAttribute(IMarker.MESSAGE, "").contains("missing" + i), describe(main));
        }
    }

    /**
     * A save made while a build of the workspace runs (after the build read the file) is built by
     * the automatic build after it. Eclipse skips that automatic build (the explicit build ended
     * and, for Eclipse, covered every change); SaveBuilds builds what it skipped.
     */
    @Test
    void aSaveMadeWhileABuildBeforeLaunchRunsIsBuilt() throws Exception {
        for (int i = 0; i < 40; i++) {   // enough files for the build to take a while
            save(String.format("f%02d.toit", i), "f" + i + " x: return x + " + i + "\n");
        }
        IFile first = save("a.toit", "a:\n  print 1\n");   // checked first (files are visited by name)
        waitForAutoBuild();
        Job build = workspaceBuildJob(IncrementalProjectBuilder.FULL_BUILD);
        build.schedule();
        Waiting.until("the workspace build to start", BUILD_WAIT, () -> build.getState() == Job.RUNNING, () -> "" + build.getState());
        Thread.sleep(300);   // the builder is past a.toit now, among the f files
        // saved from another thread: the save waits for the build to end, as an editor's save would
        CompletableFuture<Void> saved = CompletableFuture.runAsync(() -> {
            try {
                save("a.toit", "a:\n  print missing\n");
            } catch (CoreException e) {
                throw new IllegalStateException(e);
            }
        });
        Waiting.until("the save", BUILD_WAIT, saved::isDone, () -> "" + build.getState());
        saved.join();
        assertTrue(build.getResult() != null && build.getResult().isOK(), String.valueOf(build.getResult()));
        waitForAutoBuild();
        assertEquals(1, markers(first).length, "the save's error, built: " + describe(first));
    }

    @Test
    void theCompilerPreferencesDecideWhetherASaveBuildsAndWhereImagesGo() throws Exception {
        IFile main = save("main.toit", "main:\n  print 1\n");
        waitForAutoBuild();
        assertTrue(project.getFile("build/main.img").exists(), describe(main));

        CompilerPreferences.node().putBoolean(CompilerPreferences.BUILD_ON_SAVE, false);
        save("main.toit", "main:\n  print missing\n");
        waitForAutoBuild();
        assertEquals(0, markers(main).length, "with build on save off, a save builds nothing: " + describe(main));
        build(IncrementalProjectBuilder.INCREMENTAL_BUILD);   // Project > Build Project still builds
        assertEquals(1, markers(main).length, describe(main));

        CompilerPreferences.node().putBoolean(CompilerPreferences.BUILD_ON_SAVE, true);
        CompilerPreferences.node().put(CompilerPreferences.OUTPUT_FOLDER, "out/images");
        save("main.toit", "main:\n  print 2\n");
        // only the automatic build after the save can write there
        Waiting.until("the save building the image into the new output folder", BUILD_WAIT,
                () -> project.getFile("out/images/main.img").exists(), () -> describe(main));
        assertEquals(0, markers(main).length, describe(main));
        assertTrue(CompilerPreferences.checkOutputFolder("../elsewhere").contains("inside each project"),
                "an output folder outside the project is refused");
    }
}
