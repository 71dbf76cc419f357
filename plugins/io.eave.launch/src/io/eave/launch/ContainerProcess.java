package io.eave.launch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.ILaunch;

import io.eave.compiler.debug.DebugInfo;
import io.eave.device.ConsoleOutput;
import io.eave.device.Message;
import io.eave.devices.SharedDevice;

/**
 * A program running in a container on a device, as the debug framework sees a process: its
 * console shows the container's output and then how it ended; Terminate stops the container.
 * Everything here is driven by the device's messages on the link's thread, and nothing blocks:
 * the device answers with futures and events.
 */
public final class ContainerProcess extends DeviceProgramProcess {
    /** How long Terminate waits for the device to report the end before closing the console anyway. */
    private static final long STOP_WAIT_S = 5;
    private final String container;
    private final SharedDevice device;
    private final DebugInfo debugInfo;
    private final Runnable stopConsole;
    private final Runnable stopEvents;
    private final CompletableFuture<Integer> ended = new CompletableFuture<>();
    private volatile boolean startSent;
    private volatile boolean started;

    /** Adds itself to {@code launch}, which opens its console; nothing is sent to the device yet. */
    public ContainerProcess(ILaunch launch, String label, String container, SharedDevice device, DebugInfo debugInfo) {
        super(launch, label);
        this.container = container;
        this.device = device;
        this.debugInfo = debugInfo;
        stopConsole = device.onConsole(this::console);
        stopEvents = device.onEvent(this::event);
        device.closed().whenComplete((v, e) -> {
            if (!ended.isDone()) {
                message("\nThe link to " + device.known().name() + " was lost; " + container + " may still run there.\n");
                end(-1);
            }
        });
        addToLaunch();
    }

    /** The container's name on the device. */
    public String container() {
        return container;
    }

    public SharedDevice device() {
        return device;
    }

    /** Completes with the exit code when the container has ended (or the link was lost). */
    public CompletableFuture<Integer> ended() {
        return ended;
    }

    /** From now on the console shows the container's output, and its end ends this process. */
    public void starting() {
        startSent = true;
    }

    /** The launch failed before the program ran: says why and ends. */
    public void failed(String why) {
        message(why.endsWith("\n") ? why : why + "\n");
        end(-1);
    }

    private void console(ConsoleOutput output) {
        if (startSent && !ended.isDone() && output.container().equals(container)) {
            if (output.stream() == ConsoleOutput.Stream.STDOUT) {
                output(output.text());
            } else {
                message(output.text());
            }
        }
    }

    private void event(Message.Event event) {
        if (event instanceof Message.Started s && s.name().equals(container) && startSent) {
            started = true;
        } else if (event instanceof Message.Exited e && e.name().equals(container) && started && !ended.isDone()) {
            String report = ExitReport.describe(container, e, debugInfo);
            if (e.kind() == Message.EndKind.CODE && e.exitCode() == 0) {
                output("\n" + report);
            } else {
                message("\n" + report);
            }
            end((int) e.exitCode());
        }
    }

    private void end(int exitCode) {
        if (ended.complete(exitCode)) {
            stopConsole.run();
            stopEvents.run();
            fire(DebugEvent.TERMINATE);
        }
    }

    @Override
    public boolean canTerminate() {
        return !ended.isDone();
    }

    @Override
    public boolean isTerminated() {
        return ended.isDone();
    }

    /** Asks the device to stop the container; its EXITED event ends this process. Never blocks. */
    @Override
    public void terminate() {
        if (ended.isDone()) {
            return;
        }
        if (!started) {
            message("Stopped before " + container + " started.\n");
            end(-1);
            return;
        }
        device.management().stop(container).whenComplete((ok, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                message("\nStopping " + container + " failed: " + cause.getMessage() + "\n");
                end(-1);
            }
        });
        // the EXITED event should follow at once; a device that does not say so still ends here
        CompletableFuture.delayedExecutor(STOP_WAIT_S, TimeUnit.SECONDS).execute(() -> {
            if (!ended.isDone()) {
                message("\n" + container + " did not report its end; the console is closed.\n");
                end(-1);
            }
        });
    }

    @Override
    public int getExitValue() throws org.eclipse.debug.core.DebugException {
        if (!ended.isDone()) {
            throw new org.eclipse.debug.core.DebugException(org.eclipse.core.runtime.Status.error(container + " is still running"));
        }
        return ended.join();
    }
}
