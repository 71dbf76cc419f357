package io.eave.debug.ui.model;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointListener;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.IBreakpointManagerListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IMemoryBlock;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.ContinuedEventArguments;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArgumentsCategory;
import org.eclipse.lsp4j.debug.PauseArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StepInArguments;
import org.eclipse.lsp4j.debug.StepOutArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;
import org.eclipse.lsp4j.debug.TerminateArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;

import io.eave.debug.ui.breakpoints.ToitBreakpoints;
import io.eave.debug.ui.breakpoints.ToitExceptionBreakpoint;
import io.eave.debug.ui.breakpoints.ToitLineBreakpoint;
import io.eave.launch.ToitLaunchDelegate;

/**
 * A Toit program under the Eave debug adapter, as Eclipse's debug model sees it: a DAP client.
 * Requests go to the adapter as futures; the adapter's events arrive on the DAP connection's
 * reader thread and are handled on this target's own event thread (which may wait for follow-up
 * answers, with timeouts), never on the UI thread. Threads are the container's tasks; a stop
 * stops all of them. Frames keep their identity across stops (by depth), so the Debug view keeps
 * its selection while stepping.
 */
public final class ToitDebugTarget extends ToitDebugElement implements IDebugTarget, IDebugProtocolClient, IBreakpointListener,
        IBreakpointManagerListener {
    /** How long Terminate waits for the adapter to report the end before ending the session anyway. */
    private static final long TERMINATE_WAIT_S = 5;

    private final ILaunch launch;
    private final String name;
    private final ToitDebugProcess process;
    private final Runnable closer;
    private final Map<Integer, ToitThread> threads = new LinkedHashMap<>();
    private final Set<String> breakpointFiles = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> initialized = new CompletableFuture<>();
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "eave-debug-events");
        t.setDaemon(true);
        return t;
    });
    private volatile IDebugProtocolServer server;
    private volatile boolean suspended;
    private volatile boolean terminated;
    private volatile boolean listening;

    /**
     * @param closer closes the connection to the adapter when the session is over
     */
    public ToitDebugTarget(ILaunch launch, ToitDebugProcess process, String name, Runnable closer) {
        super(null);
        this.launch = launch;
        this.process = process;
        this.name = name;
        this.closer = closer;
        process.attach(this);
    }

    /** The adapter's side of the connection (LSP4J's remote proxy). */
    public void connect(IDebugProtocolServer server) {
        this.server = server;
    }

    IDebugProtocolServer server() {
        return server;
    }

    // ------------------------------------------------------------------ the session

    /**
     * Starts the session in the launch job: initialize, launch (the adapter compiles, installs
     * and attaches), the breakpoints, configurationDone (the program starts). Waits with
     * {@code wait} for the launch (it compiles) and the device timeout for the rest, checking the
     * monitor for Cancel; a failure says what went wrong (a compile error with file:line).
     */
    public void start(Map<String, Object> launchArguments, Duration wait, IProgressMonitor monitor) throws IOException {
        InitializeRequestArguments init = new InitializeRequestArguments();
        init.setClientID("eave-eclipse");
        init.setClientName("Eave IDE");
        init.setAdapterID("eave");
        init.setLinesStartAt1(true);
        init.setColumnsStartAt1(true);
        init.setPathFormat("path");
        init.setSupportsVariableType(true);
        init.setSupportsRunInTerminalRequest(false);
        Duration requestWait = Duration.ofSeconds(20);
        monitor.subTask("Starting the debugger");
        Capabilities capabilities = ToitLaunchDelegate.await(server.initialize(init), requestWait, monitor);
        Objects.requireNonNull(capabilities);
        monitor.subTask("Compiling and installing " + launchArguments.get("program"));
        ToitLaunchDelegate.await(server.launch(launchArguments), wait, monitor);
        ToitLaunchDelegate.await(initialized, requestWait, monitor);
        monitor.subTask("Setting breakpoints");
        IBreakpointManager manager = DebugPlugin.getDefault().getBreakpointManager();
        manager.addBreakpointListener(this);
        manager.addBreakpointManagerListener(this);
        listening = true;
        for (ToitLineBreakpoint b : ToitBreakpoints.lineBreakpoints()) {
            if (b.path() != null) {
                breakpointFiles.add(b.path());
            }
        }
        for (String file : breakpointFiles) {
            ToitLaunchDelegate.await(sendBreakpoints(file), requestWait, monitor);
        }
        ToitLaunchDelegate.await(sendExceptionFilters(), requestWait, monitor);
        monitor.subTask("Starting the program");
        ToitLaunchDelegate.await(server.configurationDone(new org.eclipse.lsp4j.debug.ConfigurationDoneArguments()), requestWait, monitor);
    }

    private CompletableFuture<SetBreakpointsResponse> sendBreakpoints(String file) {
        IBreakpointManager manager = DebugPlugin.getDefault().getBreakpointManager();
        List<SourceBreakpoint> lines = new ArrayList<>();
        for (ToitLineBreakpoint b : ToitBreakpoints.lineBreakpoints()) {
            try {
                if (manager.isEnabled() && b.isEnabled() && file.equals(b.path())) {
                    SourceBreakpoint s = new SourceBreakpoint();
                    s.setLine(b.getLineNumber());
                    lines.add(s);
                }
            } catch (CoreException e) {
                // a breakpoint being deleted
            }
        }
        Source source = new Source();
        source.setPath(file);
        source.setName(java.nio.file.Path.of(file).getFileName().toString());
        SetBreakpointsArguments args = new SetBreakpointsArguments();
        args.setSource(source);
        args.setBreakpoints(lines.toArray(SourceBreakpoint[]::new));
        return server.setBreakpoints(args);
    }

    private CompletableFuture<Void> sendExceptionFilters() {
        List<String> filters = new ArrayList<>();
        try {
            boolean enabled = DebugPlugin.getDefault().getBreakpointManager().isEnabled();
            for (ToitExceptionBreakpoint b : ToitBreakpoints.exceptionBreakpoints()) {
                if (enabled && b.isEnabled()) {
                    filters.add(b.filter());
                }
            }
        } catch (CoreException e) {
            // none
        }
        SetExceptionBreakpointsArguments args = new SetExceptionBreakpointsArguments();
        args.setFilters(filters.toArray(String[]::new));
        return server.setExceptionBreakpoints(args).thenApply(r -> null);
    }

    private void breakpointsChanged(IBreakpoint breakpoint, IMarkerDelta delta) {
        if (terminated || !listening) {
            return;
        }
        if (breakpoint instanceof ToitExceptionBreakpoint) {
            sendExceptionFilters().exceptionally(this::report);
        } else if (breakpoint instanceof ToitLineBreakpoint line) {
            String file = line.path();
            if (file == null && delta != null && delta.getResource().getLocation() != null) {
                file = delta.getResource().getLocation().toOSString();
            }
            if (file != null) {
                breakpointFiles.add(file);
                sendBreakpoints(file).exceptionally(this::report);
            }
        }
    }

    @Override
    public void breakpointAdded(IBreakpoint breakpoint) {
        breakpointsChanged(breakpoint, null);
    }

    @Override
    public void breakpointRemoved(IBreakpoint breakpoint, IMarkerDelta delta) {
        breakpointsChanged(breakpoint, delta);
    }

    @Override
    public void breakpointChanged(IBreakpoint breakpoint, IMarkerDelta delta) {
        breakpointsChanged(breakpoint, delta);
    }

    @Override
    public void breakpointManagerEnablementChanged(boolean enabled) {
        if (terminated || !listening) {
            return;
        }
        for (String file : breakpointFiles) {
            sendBreakpoints(file).exceptionally(this::report);
        }
        sendExceptionFilters().exceptionally(this::report);
    }

    private <T> T report(Throwable failure) {
        if (!terminated) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            process.message("The debugger: " + cause.getMessage() + "\n");
        }
        return null;
    }

    // ------------------------------------------------------------------ the adapter's events

    @Override
    public void initialized() {
        initialized.complete(null);
    }

    @Override
    public void output(OutputEventArguments args) {
        String category = args.getCategory();
        if (OutputEventArgumentsCategory.TELEMETRY.equals(category)) {
            return;
        }
        if (category == null || OutputEventArgumentsCategory.STDOUT.equals(category)) {
            process.output(args.getOutput());
        } else {
            process.message(args.getOutput());
        }
    }

    @Override
    public void stopped(StoppedEventArguments args) {
        events.execute(() -> onStopped(args));
    }

    @Override
    public void continued(ContinuedEventArguments args) {
        events.execute(() -> resumed(DebugEvent.CLIENT_REQUEST));
    }

    @Override
    public void exited(ExitedEventArguments args) {
        process.exited(args.getExitCode());
    }

    @Override
    public void terminated(TerminatedEventArguments args) {
        events.execute(this::ended);
    }

    @Override
    public void thread(org.eclipse.lsp4j.debug.ThreadEventArguments args) {
        // the thread list is read at each stop
    }

    private void onStopped(StoppedEventArguments args) {
        if (terminated) {
            return;
        }
        suspended = true;
        List<ToitThread> all;
        try {
            all = refreshThreads();
        } catch (DebugException e) {
            report(e);
            all = threadList();
        }
        ToitThread stopped;
        synchronized (threads) {
            stopped = args.getThreadId() == null ? null : threads.get(args.getThreadId());
        }
        String reason = args.getDescription() != null ? args.getDescription() : args.getReason();
        for (ToitThread t : all) {
            t.suspended(t == stopped ? reason : null);
        }
        if (stopped != null) {
            try {
                stopped.getStackFrames(); // fetched before the views ask, so the editor shows the line at once
            } catch (DebugException e) {
                report(e);
            }
        }
        for (ToitThread t : all) {
            if (t != stopped) {
                t.fireSuspendEvent(DebugEvent.UNSPECIFIED);
            }
        }
        if (stopped != null) {
            stopped.fireSuspendEvent(switch (String.valueOf(args.getReason())) {
                case StoppedEventArgumentsReason.STEP -> DebugEvent.STEP_END;
                case StoppedEventArgumentsReason.PAUSE -> DebugEvent.CLIENT_REQUEST;
                default -> DebugEvent.BREAKPOINT;
            });
        } else {
            fireSuspendEvent(DebugEvent.CLIENT_REQUEST);
        }
    }

    private List<ToitThread> refreshThreads() throws DebugException {
        ThreadsResponse response = answer(server.threads(), "Reading the tasks");
        List<ToitThread> added = new ArrayList<>();
        boolean changed = false;
        synchronized (threads) {
            Set<Integer> seen = new java.util.HashSet<>();
            for (org.eclipse.lsp4j.debug.Thread t : response.getThreads()) {
                seen.add(t.getId());
                ToitThread known = threads.get(t.getId());
                if (known == null) {
                    known = new ToitThread(this, t.getId());
                    threads.put(t.getId(), known);
                    added.add(known);
                }
                known.setName(t.getName());
            }
            changed = threads.keySet().retainAll(seen);
        }
        for (ToitThread t : added) {
            t.fireCreationEvent();
        }
        if (changed || !added.isEmpty()) {
            fireChangeEvent(DebugEvent.CONTENT);
        }
        return threadList();
    }

    private List<ToitThread> threadList() {
        synchronized (threads) {
            return new ArrayList<>(threads.values());
        }
    }

    private void resumed(int detail) {
        if (!suspended || terminated) {
            return;
        }
        suspended = false;
        for (ToitThread t : threadList()) {
            t.resumed();
            t.fireResumeEvent(detail);
        }
    }

    /** The session is over (the program ended, was terminated, or the adapter went away). */
    void ended() {
        synchronized (this) {
            if (terminated) {
                return;
            }
            terminated = true;
        }
        suspended = false;
        if (listening) {
            IBreakpointManager manager = DebugPlugin.getDefault().getBreakpointManager();
            manager.removeBreakpointListener(this);
            manager.removeBreakpointManagerListener(this);
        }
        List<ToitThread> all = threadList();
        synchronized (threads) {
            threads.clear();
        }
        for (ToitThread t : all) {
            t.resumed();
            t.fireTerminateEvent();
        }
        fireTerminateEvent();
        process.ended();
        IDebugProtocolServer s = server;
        CompletableFuture<Void> disconnected = s == null ? CompletableFuture.completedFuture(null)
                : s.disconnect(new DisconnectArguments()).orTimeout(TERMINATE_WAIT_S, TimeUnit.SECONDS);
        disconnected.whenComplete((v, e) -> {
            closer.run();
            events.shutdown();
        });
    }

    // ------------------------------------------------------------------ running and stepping

    private int anyThread() {
        synchronized (threads) {
            return threads.isEmpty() ? 1 : threads.keySet().iterator().next();
        }
    }

    void step(ToitThread thread, int detail) {
        resumed(detail);
        CompletableFuture<Void> sent = switch (detail) {
            case DebugEvent.STEP_INTO -> {
                StepInArguments a = new StepInArguments();
                a.setThreadId(thread.id());
                yield server.stepIn(a);
            }
            case DebugEvent.STEP_RETURN -> {
                StepOutArguments a = new StepOutArguments();
                a.setThreadId(thread.id());
                yield server.stepOut(a);
            }
            default -> {
                NextArguments a = new NextArguments();
                a.setThreadId(thread.id());
                yield server.next(a);
            }
        };
        sent.exceptionally(this::report);
    }

    @Override
    public void resume() {
        ContinueArguments a = new ContinueArguments();
        a.setThreadId(anyThread());
        resumed(DebugEvent.CLIENT_REQUEST);
        server.continue_(a).exceptionally(this::report);
    }

    @Override
    public void suspend() {
        suspend(anyThread());
    }

    void suspend(int thread) {
        PauseArguments a = new PauseArguments();
        a.setThreadId(thread);
        server.pause(a).exceptionally(this::report);
    }

    @Override
    public boolean canResume() {
        return suspended && !terminated;
    }

    @Override
    public boolean canSuspend() {
        return !suspended && !terminated;
    }

    @Override
    public boolean isSuspended() {
        return suspended;
    }

    @Override
    public boolean canTerminate() {
        return !terminated;
    }

    @Override
    public boolean isTerminated() {
        return terminated;
    }

    /** Asks the adapter to stop the program; its terminated event ends the session (after 5 s without one, it ends anyway). */
    @Override
    public void terminate() {
        if (terminated) {
            return;
        }
        IDebugProtocolServer s = server;
        if (s == null) {
            events.execute(this::ended);
            return;
        }
        s.terminate(new TerminateArguments()).exceptionally(this::report);
        CompletableFuture.delayedExecutor(TERMINATE_WAIT_S, TimeUnit.SECONDS).execute(() -> {
            if (!terminated) {
                process.message("The program did not report its end; the debug session is closed.\n");
                events.execute(this::ended);
            }
        });
    }

    /** Ends the session at once (the launch failed before the program ran). */
    public void abort() {
        events.execute(this::ended);
    }

    @Override
    public boolean canDisconnect() {
        return false;
    }

    @Override
    public void disconnect() {
    }

    @Override
    public boolean isDisconnected() {
        return false;
    }

    // ------------------------------------------------------------------ the model

    @Override
    public IDebugTarget getDebugTarget() {
        return this;
    }

    @Override
    public ILaunch getLaunch() {
        return launch;
    }

    @Override
    public IProcess getProcess() {
        return process;
    }

    @Override
    public IThread[] getThreads() {
        return threadList().toArray(IThread[]::new);
    }

    @Override
    public boolean hasThreads() {
        return !terminated && !threadList().isEmpty();
    }

    @Override
    public String getName() {
        return name + (terminated ? " (terminated)" : "");
    }

    @Override
    public boolean supportsBreakpoint(IBreakpoint breakpoint) {
        return ToitBreakpoints.MODEL_ID.equals(breakpoint.getModelIdentifier());
    }

    @Override
    public boolean supportsStorageRetrieval() {
        return false;
    }

    @Override
    public IMemoryBlock getMemoryBlock(long startAddress, long length) throws DebugException {
        throw new DebugException(new Status(IStatus.ERROR, "io.eave.debug.ui", DebugException.NOT_SUPPORTED, "no memory view", null));
    }

    /** The tasks' names, for tests and labels. */
    public List<String> threadNames() {
        return Arrays.stream(getThreads()).map(t -> {
            try {
                return t.getName();
            } catch (DebugException e) {
                return "?";
            }
        }).toList();
    }
}
