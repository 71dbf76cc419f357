package io.eave.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;

import io.eave.debug.ProgramBuilder;
import io.eave.device.ManagementException;
import io.eave.devices.DeviceRegistry;
import io.eave.devices.DevicesPlugin;
import io.eave.devices.KnownDevice;
import io.eave.devices.SharedDevice;

/**
 * Runs a Toit Application: builds the program ({@link ProgramBuilders}), installs it on the
 * device as a container, starts it, and leaves a {@link ContainerProcess} whose console shows
 * the output. The debug framework calls this in a job, so the waits here (each with a timeout)
 * never hold the UI thread. What goes wrong before the program exists is a CoreException (the
 * launch error dialog); what goes wrong on the device is said in the console as well.
 */
public final class ToitLaunchDelegate extends LaunchConfigurationDelegate {

    /** How long a compile may take. */
    public static final Duration BUILD_WAIT = Duration.ofSeconds(120);

    @Override
    public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, "Running " + configuration.getName(), 100);
        IFile main = mainFile(configuration);
        String container = ToitLaunch.containerName(main.getProject().getName(), main.getProjectRelativePath().toString());
        boolean runOnBoot = configuration.getAttribute(ToitLaunch.ATTR_RUN_ON_BOOT, false);
        List<String> arguments = Arrays.asList(DebugPlugin.parseArguments(configuration.getAttribute(ToitLaunch.ATTR_ARGUMENTS, "")));

        DeviceRegistry registry = DevicesPlugin.getDefault().registry();
        progress.subTask("Finding the device");
        KnownDevice device;
        try {
            device = registry.resolve(configuration.getAttribute(ToitLaunch.ATTR_DEVICE, KnownDevice.DEFAULT_SPEC));
        } catch (IOException e) {
            throw fail("Cannot run " + main.getName() + ": " + e.getMessage(), e);
        }
        progress.worked(5);

        progress.subTask("Compiling " + main.getName());
        ProgramBuilder.Program program;
        try {
            program = await(ProgramBuilders.current().build(Path.of(main.getLocationURI())), BUILD_WAIT, progress);
        } catch (IOException e) {
            throw fail(e.getMessage(), e);
        }
        progress.worked(25);

        progress.subTask("Connecting to " + device.name());
        Duration wait = registry.links().timeout();
        SharedDevice shared;
        try {
            shared = await(registry.connect(device), wait.multipliedBy(2), progress);
        } catch (IOException e) {
            throw fail("Cannot run " + main.getName() + " on " + device.name() + ": " + e.getMessage(), e);
        }
        progress.worked(10);

        String label = main.getName() + " on " + device.name();
        ContainerProcess process = new ContainerProcess(launch, label, container, shared, program.debugInfo());
        byte[] image = program.image();
        try {
            process.message("Installing " + main.getProjectRelativePath() + " (" + image.length + " bytes) as " + container
                    + " on " + device.name() + "\n");
            SubMonitor installing = progress.split(50).setWorkRemaining(image.length);
            int[] sent = { 0 };
            CompletableFuture<?> install = shared.management().install(container, image, runOnBoot, (done, all) -> {
                installing.worked((int) done - sent[0]);
                sent[0] = (int) done;
            });
            await(install, wait.multipliedBy(2 + image.length / 400), progress);
            progress.subTask("Starting " + container);
            process.starting();
            await(shared.management().start(container, arguments), wait, progress);
            progress.worked(10);
        } catch (IOException e) {
            process.failed("Running " + container + " on " + device.name() + " failed: " + e.getMessage());
            throw fail("Running " + container + " on " + device.name() + " failed: " + e.getMessage(), e);
        }
    }

    /** The configuration's main file; says what is wrong when it is missing. */
    public static IFile mainFile(ILaunchConfiguration configuration) throws CoreException {
        String projectName = configuration.getAttribute(ToitLaunch.ATTR_PROJECT, "");
        String mainPath = configuration.getAttribute(ToitLaunch.ATTR_MAIN, "");
        if (projectName.isBlank()) {
            throw fail("The launch configuration " + configuration.getName() + " names no project: choose one on its Main tab.", null);
        }
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(projectName);
        if (!project.exists() || !project.isOpen()) {
            throw fail("The project " + projectName + " of " + configuration.getName() + " does not exist or is closed.", null);
        }
        if (mainPath.isBlank()) {
            throw fail("The launch configuration " + configuration.getName() + " names no main file: choose one on its Main tab.", null);
        }
        IFile main = project.getFile(mainPath);
        if (!main.exists()) {
            throw fail("The main file " + mainPath + " is not in the project " + projectName + ".", null);
        }
        return main;
    }

    /** Waits for a device or compiler answer in the launch job, checking for cancel; failures become IOExceptions. */
    public static <T> T await(CompletableFuture<T> future, Duration wait, IProgressMonitor monitor) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            if (monitor.isCanceled()) {
                future.cancel(true);
                throw new IOException("cancelled");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                future.cancel(true);
                throw new IOException("no answer within " + wait.toSeconds() + " s");
            }
            try {
                return future.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // check for cancel, then wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof ManagementException m) {
                    throw new IOException(m.getMessage(), m);
                }
                throw new IOException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
            }
        }
    }

    private static CoreException fail(String message, Throwable cause) {
        return new CoreException(Status.error(message, cause));
    }
}
