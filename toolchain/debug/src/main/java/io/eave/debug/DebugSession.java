package io.eave.debug;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.BreakpointNotVerifiedReason;
import org.eclipse.lsp4j.debug.ContinuedEventArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArgumentsCategory;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;

import io.eave.compiler.debug.DebugInfo;
import io.eave.debug.protocol.DebugMessage.Attached;
import io.eave.debug.protocol.DebugMessage.ContainerState;
import io.eave.debug.protocol.DebugMessage.Continued;
import io.eave.debug.protocol.DebugMessage.Event;
import io.eave.debug.protocol.DebugMessage.Exited;
import io.eave.debug.protocol.DebugMessage.StepMode;
import io.eave.debug.protocol.DebugMessage.StopReason;
import io.eave.debug.protocol.DebugMessage.Stopped;
import io.eave.device.ConsoleOutput;
import io.eave.device.ManagementClient;
import io.eave.device.Message;
import io.eave.link.DeviceConnection;

/**
 * One debugged container on one device: the link, the management and agent clients, the debug
 * info, the breakpoints, and what the container did last. Turns agent events into DAP events.
 * Threads: DAP requests arrive on LSP4J's thread, agent events on the agent client's; the state
 * they share is guarded by this object's lock, and nothing here waits on the device.
 */
final class DebugSession implements AutoCloseable {
    /** How many stops in a row stepping may skip (code without source, the rest of a line) before it gives up and shows where it is. */
    static final int MAX_AUTO_STEPS = 10_000;

    private final IDebugProtocolClient client;
    private final DeviceConnection connection;
    private final ManagementClient management;
    private final AgentClient agent;
    private final SourceMap map;
    private final Inspector inspector;
    private final String container;
    private final boolean launched;
    private final boolean stopOnEntry;
    private final List<String> args;
    private final int lineBase;

    private record Placed(int dapId, long method, long offset, int line, long agentId) {}

    private final Map<String, List<Placed>> breakpoints = new HashMap<>();
    private final Map<Long, Integer> dapIdOfAgentId = new HashMap<>();
    private final AtomicInteger nextBreakpointId = new AtomicInteger(1);
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean closing;
    private volatile ContainerState state;
    /** The step the user asked for, while the adapter keeps stepping on its own; null when none. */
    private StepMode stepping;
    private int autoSteps;
    private long lastTask = -1;

    DebugSession(IDebugProtocolClient client, DeviceConnection connection, AgentClient agent, ManagementClient management,
                 DebugInfo info, String container, boolean launched, boolean stopOnEntry, List<String> args, int lineBase) {
        this.client = client;
        this.connection = connection;
        this.agent = agent;
        this.management = management;
        this.map = new SourceMap(info);
        this.inspector = new Inspector(agent, map);
        this.container = container;
        this.launched = launched;
        this.stopOnEntry = stopOnEntry;
        this.args = List.copyOf(args);
        this.lineBase = lineBase;
        agent.addEventListener(this::onEvent);
        management.addEventListener(this::onManagementEvent);
        connection.setListener(DeviceConnection.CONSOLE, this::onConsole);
        connection.closed().whenComplete((done, failure) -> {
            if (failure != null && !closing) {
                output(OutputEventArgumentsCategory.IMPORTANT, "lost the device: " + Errors.message(failure) + "\n");
                endQuietly();
            }
        });
    }

    SourceMap map() {
        return map;
    }

    Inspector inspector() {
        return inspector;
    }

    AgentClient agent() {
        return agent;
    }

    String container() {
        return container;
    }

    /** Attaches the agent; fails when the device runs another image than the debug info describes. */
    CompletableFuture<Attached> attach() {
        return agent.attach(container).thenApply(attached -> {
            if (!attached.imageIdHex().equalsIgnoreCase(map.info().imageId())) {
                agent.detach();
                throw new java.util.concurrent.CompletionException(Errors.user("container '" + container + "' runs image "
                        + attached.imageIdHex() + " but the debug info is for image " + map.info().imageId()
                        + ": launch the program again so that they match"));
            }
            state = attached.state();
            return attached;
        });
    }

    /** After the client sent its breakpoints: start the container (launch), or show where it stands (attach). */
    CompletableFuture<Void> configurationDone() {
        if (state == ContainerState.NOT_STARTED) {
            output(OutputEventArgumentsCategory.CONSOLE, "starting '" + container + "' under the debugger\n");
            return management.start(container, args);
        }
        if (state == ContainerState.STOPPED) {
            return agent.tasks().thenAccept(tasks -> {
                long task = tasks.isEmpty() ? 0 : tasks.get(0).id();
                reportStopped(task, StoppedEventArgumentsReason.PAUSE, null, null);
            });
        }
        return CompletableFuture.completedFuture(null);
    }

    // ------------------------------------------------------------------ breakpoints

    /** Replaces the breakpoints of one source file; each verified at the line where it really stops. */
    CompletableFuture<Breakpoint[]> setBreakpoints(String path, int[] lines) {
        int file = map.fileIndex(path);
        List<Placed> old;
        synchronized (this) {
            old = breakpoints.getOrDefault(path, List.of());
        }
        List<CompletableFuture<Object>> placing = new ArrayList<>();
        Map<String, CompletableFuture<Object>> here = new HashMap<>();
        for (int requested : lines) {
            int line = requested + lineBase;
            if (file < 0) {
                placing.add(CompletableFuture.completedFuture("'" + path + "' is not part of the program being debugged"));
                continue;
            }
            DebugInfo.Location location = map.info().resolve(file, line);
            if (location == null) {
                placing.add(CompletableFuture.completedFuture("no code at or after line " + line + " in this method or file"));
                continue;
            }
            Placed existing = old.stream().filter(p -> p.method() == location.method() && p.offset() == location.offset()).findFirst()
                    .orElse(null);
            String key = location.method() + ":" + location.offset();
            if (existing != null) {
                placing.add(CompletableFuture.completedFuture(existing));
                continue;
            }
            if (here.containsKey(key)) { // two lines that stop at the same statement share its breakpoint
                placing.add(here.get(key));
                continue;
            }
            CompletableFuture<Object> set = agent.setBreakpoint(location.method(), location.offset())
                    .<Object>thenApply(agentId -> new Placed(nextBreakpointId.getAndIncrement(), location.method(), location.offset(),
                            location.line(), agentId))
                    .exceptionally(failure -> "the device refused the breakpoint: " + Errors.message(failure));
            here.put(key, set);
            placing.add(set);
        }
        return CompletableFuture.allOf(placing.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Placed> now = new ArrayList<>();
            Breakpoint[] result = new Breakpoint[lines.length];
            for (int i = 0; i < lines.length; i++) {
                Object outcome = placing.get(i).join();
                Breakpoint b = new Breakpoint();
                b.setSource(Inspector.source(path));
                if (outcome instanceof Placed p) {
                    b.setId(p.dapId());
                    b.setVerified(true);
                    b.setLine(p.line() - lineBase);
                    if (!now.contains(p)) {
                        now.add(p);
                    }
                } else {
                    b.setVerified(false);
                    b.setLine(lines[i]);
                    b.setMessage((String) outcome);
                    b.setReason(BreakpointNotVerifiedReason.FAILED);
                }
                result[i] = b;
            }
            synchronized (this) {
                for (Placed p : old) {
                    if (!now.contains(p)) {
                        dapIdOfAgentId.remove(p.agentId());
                        agent.clearBreakpoint(p.agentId());
                    }
                }
                for (Placed p : now) {
                    dapIdOfAgentId.put(p.agentId(), p.dapId());
                }
                breakpoints.put(path, now);
            }
            return result;
        });
    }

    CompletableFuture<Void> setExceptionStops(boolean uncaught, boolean all) {
        return agent.setExceptionStops((uncaught ? 1 : 0) | (all ? 2 : 0));
    }

    // ------------------------------------------------------------------ running

    CompletableFuture<Void> resume() {
        resumed(null);
        return agent.resume();
    }

    CompletableFuture<Void> pause() {
        return agent.pause();
    }

    /** Steps the innermost frame of a task over, into or out of its current line. */
    CompletableFuture<Void> step(long task, StepMode mode) {
        return inspector.topFrame(task).thenCompose(top -> {
            resumed(mode);
            List<io.eave.debug.protocol.DebugMessage.Range> ranges = mode == StepMode.OUT ? List.of() : map.lineRanges(top.method(), top.offset());
            return agent.step(task, mode, 0, ranges);
        });
    }

    private synchronized void resumed(StepMode mode) {
        stepping = mode;
        autoSteps = 0;
        inspector.reset();
    }

    /** Stops the container through the management protocol; the agent then reports its exit. */
    CompletableFuture<Void> terminate() {
        return management.stop(container).exceptionally(failure -> null).thenRun(() -> {
            CompletableFuture.delayedExecutor(2, java.util.concurrent.TimeUnit.SECONDS).execute(() -> endQuietly());
        });
    }

    /** Ends the session: stops the container (launch, or when asked) or detaches and lets it run. */
    CompletableFuture<Void> disconnect(Boolean terminateDebuggee) {
        boolean stop = terminateDebuggee != null ? terminateDebuggee : launched;
        CompletableFuture<Void> last = ended.get() ? CompletableFuture.completedFuture(null)
                : stop ? management.stop(container) : agent.detach();
        return last.exceptionally(failure -> null).orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                .exceptionally(failure -> null).thenRun(this::close);
    }

    // ------------------------------------------------------------------ events

    private void onEvent(Event event) {
        switch (event) {
            case Stopped stopped -> onStopped(stopped);
            case Continued c -> {
                ContinuedEventArguments args = new ContinuedEventArguments();
                args.setThreadId(threadId(lastTask < 0 ? 0 : lastTask));
                args.setAllThreadsContinued(true);
                client.continued(args);
            }
            case Exited exited -> {
                String reason = exited.reason().isEmpty() ? "" : ": " + exited.reason();
                end(exited.code(), "'" + container + "' exited with code " + exited.code() + reason + "\n");
            }
        }
    }

    private void onStopped(Stopped stopped) {
        StepMode mode;
        synchronized (this) {
            inspector.reset();
            lastTask = stopped.task();
            state = ContainerState.STOPPED;
            mode = stopped.reason() == StopReason.STEP ? stepping : null;
        }
        switch (stopped.reason()) {
            case ENTRY -> {
                if (!stopOnEntry) {
                    agent.resume();
                    return;
                }
                reportStopped(stopped.task(), StoppedEventArgumentsReason.ENTRY, null, null);
            }
            case BREAKPOINT -> {
                Integer id;
                synchronized (this) {
                    id = dapIdOfAgentId.get(stopped.breakpoint());
                }
                reportStopped(stopped.task(), StoppedEventArgumentsReason.BREAKPOINT, id, null);
            }
            case PAUSE -> reportStopped(stopped.task(), StoppedEventArgumentsReason.PAUSE, null, null);
            case EXCEPTION -> inspector.describe(stopped.exception()).whenComplete((d, failure) -> {
                String what = d != null ? d.text() : "an exception";
                reportStopped(stopped.task(), StoppedEventArgumentsReason.EXCEPTION, null,
                        (stopped.uncaught() ? "Uncaught exception: " : "Exception: ") + what);
            });
            case STEP -> afterStep(stopped.task(), mode);
        }
    }

    /**
     * A step ended. Stepping goes on by itself, without showing the stop, when it ended in code
     * without source (core library, call-shape stubs) or in the middle of a line after returning
     * into a caller: the user asked for a line, not an instruction.
     */
    private void afterStep(long task, StepMode mode) {
        if (mode == null) {
            reportStopped(task, StoppedEventArgumentsReason.STEP, null, null);
            return;
        }
        inspector.topFrame(task).whenComplete((top, failure) -> {
            if (failure != null) {
                reportStopped(task, StoppedEventArgumentsReason.STEP, null, null);
                return;
            }
            StepMode again = null;
            List<io.eave.debug.protocol.DebugMessage.Range> ranges = List.of();
            if (!map.hasSource(top.method())) {
                again = mode == StepMode.IN ? StepMode.IN : StepMode.OUT;
                ranges = again == StepMode.IN ? List.of(new io.eave.debug.protocol.DebugMessage.Range(0, SourceMap.END)) : List.of();
            } else if (mode != StepMode.OUT && !map.statementStart(top.method(), top.offset())) {
                again = StepMode.OVER;
                ranges = map.lineRanges(top.method(), top.offset());
            }
            boolean give;
            synchronized (this) {
                give = again == null || ++autoSteps > MAX_AUTO_STEPS;
                if (!give) {
                    inspector.reset();
                }
            }
            if (give) {
                reportStopped(task, StoppedEventArgumentsReason.STEP, null, null);
            } else {
                agent.step(task, again, 0, ranges).exceptionally(e -> {
                    reportStopped(task, StoppedEventArgumentsReason.STEP, null, null);
                    return null;
                });
            }
        });
    }

    private void reportStopped(long task, String reason, Integer breakpoint, String text) {
        synchronized (this) {
            stepping = null;
            lastTask = task;
        }
        StoppedEventArguments args = new StoppedEventArguments();
        args.setReason(reason);
        args.setThreadId(threadId(task));
        args.setAllThreadsStopped(true);
        if (breakpoint != null) {
            args.setHitBreakpointIds(new Integer[] {breakpoint});
        }
        if (text != null) {
            args.setDescription(text);
            args.setText(text);
        }
        client.stopped(args);
    }

    private void onManagementEvent(Message.Event event) {
        if (event instanceof Message.Exited exited && exited.name().equals(container)) {
            String head = "'" + container + "' exited with code " + exited.exitCode()
                    + (exited.reason().isEmpty() ? "" : ": " + exited.reason()) + "\n";
            StringBuilder text = new StringBuilder();
            for (Message.TraceEntry entry : exited.trace()) {
                String path = map.path(entry.method());
                text.append("  at ").append(map.frameName(entry.method()));
                if (path != null) {
                    text.append(" (").append(path).append(':').append(map.line(entry.method(), entry.offset())).append(')');
                }
                text.append('\n');
            }
            if (!end(exited.exitCode(), head + text) && !text.isEmpty()) {
                output(OutputEventArgumentsCategory.CONSOLE, text.toString()); // the agent reported the exit first
            }
        }
    }

    private void onConsole(byte[] payload) {
        ConsoleOutput out;
        try {
            out = ConsoleOutput.decode(payload);
        } catch (IllegalArgumentException e) {
            return;
        }
        if (!out.container().equals(container) && !out.container().isEmpty()) {
            return;
        }
        output(switch (out.stream()) {
            case STDOUT -> OutputEventArgumentsCategory.STDOUT;
            case STDERR -> OutputEventArgumentsCategory.STDERR;
            case SYSTEM -> OutputEventArgumentsCategory.CONSOLE;
        }, out.text());
    }

    void output(String category, String text) {
        OutputEventArguments args = new OutputEventArguments();
        args.setCategory(category);
        args.setOutput(text);
        client.output(args);
    }

    /** The container ended: its exit, then the end of the session (once, whichever side reports it first). */
    private boolean end(long code, String text) {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        state = null;
        output(OutputEventArgumentsCategory.CONSOLE, text);
        ExitedEventArguments exited = new ExitedEventArguments();
        exited.setExitCode((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, code)));
        client.exited(exited);
        client.terminated(new TerminatedEventArguments());
        return true;
    }

    /** The session ended without an exit code (device lost, terminated without an answer). */
    private void endQuietly() {
        if (ended.compareAndSet(false, true)) {
            state = null;
            client.terminated(new TerminatedEventArguments());
        }
    }

    boolean ended() {
        return ended.get();
    }

    static int threadId(long task) {
        return (int) (task + 1);
    }

    static long task(int threadId) {
        return threadId - 1L;
    }

    @Override
    public void close() {
        closing = true;
        agent.close();
        management.close();
        connection.close();
    }

}
