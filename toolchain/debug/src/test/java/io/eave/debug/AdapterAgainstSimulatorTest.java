package io.eave.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.eclipse.lsp4j.debug.*;
import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.eave.compiler.Build;
import io.eave.compiler.Compiler;
import io.eave.device.Device;
import io.eave.device.DeviceAddress;
import io.eave.link.Simulator;

/**
 * The adapter end to end against the REAL device: LSP4J's DSP client on one side of a loopback
 * socket, the adapter on the other, and eave-sim (the VM with the C debug agent,
 * vm-debug-agent/) over the link protocol on TCP. The programs are Toit sources compiled by the
 * real compiler ({@link ProgramBuilder#compiler()}). Every assertion is what a user sees: the
 * line it stops at, a variable's value, where a step lands, the output and the exit code.
 * eave-sim comes from -Deave.sim, else from the shared CMake build (skipped without cmake).
 */
class AdapterAgainstSimulatorTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String SECRET = "debug-test-secret";
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    /** main.toit as the user sees it; the line numbers matter. */
    static final String SOURCE = """
            class Dog:
              name := ?
              age := ?
              constructor .name .age:

            bark dog/Dog:
              sound := "woof"
              print "$dog.name: $sound"

            main:
              x := 5
              // make a dog
              dog := Dog "Rex" 3
              bark dog
              x = x + 1
              print x
            """;

    /** Throws where nothing catches it. */
    static final String THROWS = """
            main:
              count := 3
              print "before"
              throw "boom"
            """;

    @TempDir
    Path dir;
    Path main;
    Simulator sim;
    EaveDebugAdapter adapter;
    ServerSocket dapServer;
    Socket clientSocket;
    IDebugProtocolServer server;
    final LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>();
    final StringBuilder output = new StringBuilder();

    static final java.util.logging.Logger JSONRPC = java.util.logging.Logger.getLogger("org.eclipse.lsp4j.jsonrpc");

    static Path simulatorBinary() throws Exception {
        if (!Simulator.availableIn(ROOT)) {
            Assumptions.abort("eave-sim end-to-end tests skipped: no cmake and no eave-sim (pass -Deave.sim=PATH)");
        }
        return Simulator.ofSourceTree(ROOT, new StringBuilder());
    }

    @BeforeEach
    void start() throws Exception {
        JSONRPC.setLevel(java.util.logging.Level.OFF);
        main = dir.resolve("main.toit");
        Files.writeString(main, SOURCE);
        sim = Simulator.start(simulatorBinary(), "debug-test", dir.resolve("sim.store"), SECRET);
        adapter = new EaveDebugAdapter(new EaveDebugAdapter.Options(ProgramBuilder.compiler(),
                DeviceConnector.link(Duration.ofSeconds(5)), new DebugInfoStore(dir.resolve("debug-store")), Duration.ofSeconds(10)));
        dapServer = DapServer.listen(0);
        java.lang.Thread serving = new java.lang.Thread(() -> {
            try {
                DapServer.serveOne(dapServer, () -> adapter);
            } catch (java.io.IOException e) {
                // closed
            }
        }, "test-dap-server");
        serving.setDaemon(true);
        serving.start();
        clientSocket = new Socket(dapServer.getInetAddress(), dapServer.getLocalPort());
        Launcher<IDebugProtocolServer> launcher = DSPLauncher.createClientLauncher(new Client(), clientSocket.getInputStream(),
                clientSocket.getOutputStream());
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    /** The launch's {@code device} argument: the simulator's TCP address (a subclass takes its serial pty). */
    String device() {
        return "127.0.0.1:" + sim.tcpPort();
    }

    @AfterEach
    void stop() throws Exception {
        clientSocket.close();
        dapServer.close();
        if (sim != null) sim.close();
    }

    final class Client implements IDebugProtocolClient {
        @Override public void initialized() { events.add("initialized"); }
        @Override public void stopped(StoppedEventArguments args) { events.add(args); }
        @Override public void continued(ContinuedEventArguments args) { events.add(args); }
        @Override public void exited(ExitedEventArguments args) { events.add(args); }
        @Override public void terminated(TerminatedEventArguments args) { events.add(args); }
        @Override public void output(OutputEventArguments args) {
            synchronized (output) {
                output.append(args.getOutput());
            }
            events.add(args);
        }
    }

    @SuppressWarnings("unchecked")
    <T> T next(Class<T> type, Predicate<T> which) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            Object e = events.poll(50, TimeUnit.MILLISECONDS);
            if (type.isInstance(e) && which.test((T) e)) return (T) e;
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT + "; output so far:\n" + output);
    }

    StoppedEventArguments stopped() throws InterruptedException {
        return next(StoppedEventArguments.class, e -> true);
    }

    static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    static String errorOf(CompletableFuture<?> f) throws Exception {
        try {
            f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            assertTrue(e.getCause() instanceof ResponseErrorException, "a DAP error response, not " + e.getCause());
            return e.getCause().getMessage();
        }
        throw new AssertionError("expected an error response");
    }

    StackFrame[] frames(int thread, Integer start, Integer levels) throws Exception {
        StackTraceArguments a = new StackTraceArguments();
        a.setThreadId(thread);
        a.setStartFrame(start);
        a.setLevels(levels);
        return get(server.stackTrace(a)).getStackFrames();
    }

    Map<String, Variable> variables(int reference) throws Exception {
        VariablesArguments a = new VariablesArguments();
        a.setVariablesReference(reference);
        return Arrays.stream(get(server.variables(a)).getVariables())
                .collect(Collectors.toMap(Variable::getName, v -> v, (x, y) -> x, java.util.LinkedHashMap::new));
    }

    Map<String, Scope> scopes(int frame) throws Exception {
        ScopesArguments a = new ScopesArguments();
        a.setFrameId(frame);
        return Arrays.stream(get(server.scopes(a)).getScopes()).collect(Collectors.toMap(Scope::getName, s -> s));
    }

    String evaluate(String expression, Integer frame, String context) throws Exception {
        return get(evaluating(expression, frame, context)).getResult();
    }

    CompletableFuture<EvaluateResponse> evaluating(String expression, Integer frame, String context) {
        EvaluateArguments a = new EvaluateArguments();
        a.setExpression(expression);
        a.setFrameId(frame);
        a.setContext(context);
        return server.evaluate(a);
    }

    Breakpoint[] setBreakpoints(int... lines) throws Exception {
        SetBreakpointsArguments a = new SetBreakpointsArguments();
        Source source = new Source();
        source.setPath(main.toString());
        a.setSource(source);
        a.setBreakpoints(Arrays.stream(lines).mapToObj(line -> {
            SourceBreakpoint b = new SourceBreakpoint();
            b.setLine(line);
            return b;
        }).toArray(SourceBreakpoint[]::new));
        return get(server.setBreakpoints(a)).getBreakpoints();
    }

    void initializeAndLaunch(boolean stopOnEntry) throws Exception {
        InitializeRequestArguments init = new InitializeRequestArguments();
        init.setAdapterID("eave");
        init.setLinesStartAt1(true);
        Capabilities caps = get(server.initialize(init));
        assertTrue(caps.getSupportsConfigurationDoneRequest());
        assertEquals(List.of("uncaught", "all"), Arrays.stream(caps.getExceptionBreakpointFilters()).map(ExceptionBreakpointsFilter::getFilter).toList());
        Map<String, Object> launch = new HashMap<>();
        launch.put("program", main.toString());
        launch.put("device", device());
        launch.put("secret", SECRET);
        launch.put("stopOnEntry", stopOnEntry);
        get(server.launch(launch));
        next(String.class, "initialized"::equals);
    }

    void exceptionFilters(String... filters) throws Exception {
        SetExceptionBreakpointsArguments a = new SetExceptionBreakpointsArguments();
        a.setFilters(filters);
        get(server.setExceptionBreakpoints(a));
    }

    int step(String how, int thread) throws Exception {
        switch (how) {
            case "in" -> { StepInArguments a = new StepInArguments(); a.setThreadId(thread); get(server.stepIn(a)); }
            case "over" -> { NextArguments a = new NextArguments(); a.setThreadId(thread); get(server.next(a)); }
            default -> { StepOutArguments a = new StepOutArguments(); a.setThreadId(thread); get(server.stepOut(a)); }
        }
        StoppedEventArguments s = stopped();
        assertEquals("step", s.getReason());
        return frames(thread, 0, 1)[0].getLine();
    }

    void resume(int thread) throws Exception {
        ContinueArguments a = new ContinueArguments();
        a.setThreadId(thread);
        assertTrue(get(server.continue_(a)).getAllThreadsContinued());
    }

    Map<String, Variable> locals(int thread) throws Exception {
        return variables(scopes(frames(thread, 0, 1)[0].getId()).get("Locals").getVariablesReference());
    }

    @Test
    void launchStopsAtBreakpointsShowsVariablesStepsByLinesAndExits() throws Exception {
        initializeAndLaunch(true);
        Breakpoint[] placed = setBreakpoints(12, 14, 9);
        assertTrue(placed[0].isVerified(), "a comment line moves to the next statement");
        assertEquals(13, placed[0].getLine());
        assertTrue(placed[1].isVerified());
        assertEquals(14, placed[1].getLine());
        assertFalse(placed[2].isVerified(), "line 9 is between methods");
        exceptionFilters("uncaught");
        get(server.configurationDone(new ConfigurationDoneArguments()));

        StoppedEventArguments entry = stopped();
        assertEquals("entry", entry.getReason());
        int thread = entry.getThreadId();
        StackFrame top = frames(thread, 0, 20)[0];
        assertEquals("main", top.getName());
        assertEquals(11, top.getLine());
        assertEquals(main.toString(), top.getSource().getPath());
        assertEquals(1, get(server.threads()).getThreads().length);

        resume(thread);
        StoppedEventArguments hit = stopped();
        assertEquals("breakpoint", hit.getReason());
        assertEquals(placed[0].getId(), hit.getHitBreakpointIds()[0]);
        assertEquals(13, frames(thread, 0, 20)[0].getLine());
        assertEquals("5", locals(thread).get("x").getValue());

        resume(thread);
        hit = stopped();
        assertEquals(placed[1].getId(), hit.getHitBreakpointIds()[0]);
        top = frames(thread, 0, 20)[0];
        assertEquals(14, top.getLine());
        Map<String, Variable> locals = locals(thread);
        assertEquals("5", locals.get("x").getValue());
        Variable dog = locals.get("dog");
        assertEquals("Dog", dog.getValue());
        Map<String, Variable> fields = variables(dog.getVariablesReference());
        assertEquals("\"Rex\"", fields.get("name").getValue());
        assertEquals("3", fields.get("age").getValue());
        assertEquals("\"Rex\"", evaluate("dog.name", top.getId(), "hover"));

        assertEquals(7, step("in", thread), "step in enters bark at its first statement");
        StackFrame[] stack = frames(thread, 0, 20);
        assertEquals(List.of("bark", "main"), Arrays.stream(stack).map(StackFrame::getName).toList());
        assertEquals(14, stack[1].getLine(), "the caller is at its call");

        assertEquals(8, step("over", thread));
        assertEquals("\"woof\"", locals(thread).get("sound").getValue());
        assertFalse(output.toString().contains("Rex: woof"), "line 8 has not run yet");

        assertEquals(15, step("over", thread), "stepping over bark's last line returns to main and finishes line 14");
        waitForOutput("Rex: woof\n");
        assertEquals(16, step("over", thread));
        assertEquals("6", locals(thread).get("x").getValue());

        resume(thread);
        assertEquals(0, next(ExitedEventArguments.class, e -> true).getExitCode());
        next(TerminatedEventArguments.class, e -> true);
        waitForOutput("6\n");
        get(server.disconnect(new DisconnectArguments()));
    }

    @Test
    void withoutStopOnEntryRunsToTheFirstBreakpointAndStepOutReturnsToTheCaller() throws Exception {
        initializeAndLaunch(false);
        setBreakpoints(7);
        get(server.configurationDone(new ConfigurationDoneArguments()));
        StoppedEventArguments hit = stopped();
        assertEquals("breakpoint", hit.getReason(), "no stop at entry");
        int thread = hit.getThreadId();
        assertEquals(7, frames(thread, 0, 1)[0].getLine());
        assertEquals(14, step("out", thread), "step out stops in main, in the middle of line 14");
        waitForOutput("Rex: woof\n");
        setBreakpoints();
        resume(thread);
        assertEquals(0, next(ExitedEventArguments.class, e -> true).getExitCode());
        next(TerminatedEventArguments.class, e -> true);
    }

    @Test
    void anUncaughtExceptionStopsWhereItIsThrownWithTheLocalsThenEndsTheProgram() throws Exception {
        Files.writeString(main, THROWS);
        initializeAndLaunch(false);
        exceptionFilters("uncaught");
        get(server.configurationDone(new ConfigurationDoneArguments()));
        StoppedEventArguments thrown = stopped();
        assertEquals("exception", thrown.getReason());
        assertTrue(String.valueOf(thrown.getText()).contains("boom") || String.valueOf(thrown.getDescription()).contains("boom"),
                thrown.getText() + " / " + thrown.getDescription());
        int thread = thrown.getThreadId();
        StackFrame[] stack = frames(thread, 0, 20);
        StackFrame inMain = Arrays.stream(stack).filter(f -> f.getName().equals("main")).findFirst().orElseThrow(
                () -> new AssertionError(Arrays.stream(stack).map(f -> f.getName() + ":" + f.getLine()).toList().toString()));
        assertEquals(4, inMain.getLine(), "main is at its throw");
        Map<String, Variable> mainLocals = variables(scopes(inMain.getId()).get("Locals").getVariablesReference());
        assertEquals("3", mainLocals.get("count").getValue());
        waitForOutput("before\n");
        resume(thread);
        assertNotEquals(0, next(ExitedEventArguments.class, e -> true).getExitCode());
        next(TerminatedEventArguments.class, e -> true);
    }

    void waitForOutput(String text) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            synchronized (output) {
                if (output.toString().contains(text)) return;
            }
            java.lang.Thread.sleep(20);
        }
        throw new AssertionError("no output " + text + " within " + WAIT + "; output so far:\n" + output);
    }

    static final String TICKER = """
            main:
              i := 0
              while true:
                print "tick $i"
                i++
                sleep --ms=20
            """;

    /**
     * One container stopped in the debugger while another runs on the same device: the other
     * keeps printing. Also prints what a user waits for (to the breakpoint, a step).
     */
    @Test
    void aSecondContainerKeepsPrintingWhileTheFirstIsPaused() throws Exception {
        Path ticker = dir.resolve("ticker.toit");
        Files.writeString(ticker, TICKER);
        Compiler.Output compiled = Build.compile(ticker);
        assertTrue(compiled.ok(), compiled.errors().toString());
        AtomicInteger ticks = new AtomicInteger();
        try (Device other = Device.connect(DeviceAddress.tcp("127.0.0.1", sim.tcpPort()), SECRET, Duration.ofSeconds(5))) {
            other.onConsole(out -> {
                if (out.container().equals("ticker")) {
                    ticks.incrementAndGet();
                }
            });
            other.management().install("ticker", compiled.image(), false, (s, t) -> { }).get(10, TimeUnit.SECONDS);
            other.management().start("ticker", java.util.List.of()).get(5, TimeUnit.SECONDS);

            initializeAndLaunch(false);
            setBreakpoints(13);
            long configured = System.nanoTime();
            get(server.configurationDone(new ConfigurationDoneArguments()));
            StoppedEventArguments hit = stopped();
            long toBreakpoint = System.nanoTime() - configured;
            assertEquals("breakpoint", hit.getReason());
            int thread = hit.getThreadId();
            assertEquals(13, frames(thread, 0, 1)[0].getLine());

            int before = ticks.get();
            java.lang.Thread.sleep(600);
            int during = ticks.get() - before;
            assertTrue(during >= 5, "the other container printed " + during + " lines in 600 ms while this one was stopped");
            assertEquals(13, frames(thread, 0, 1)[0].getLine(), "and the debugged one is still stopped where it was");

            long stepping = System.nanoTime();
            assertEquals(14, step("over", thread));
            long toStep = System.nanoTime() - stepping;
            System.out.printf("debug latency over %s: launch+run to breakpoint %.1f ms, step over to stopped %.1f ms%n",
                    device(), toBreakpoint / 1e6, toStep / 1e6);

            setBreakpoints();
            resume(thread);
            assertEquals(0, next(ExitedEventArguments.class, e -> true).getExitCode());
            assertTrue(ticks.get() > before + during, "the other container is still running after the session");
        }
    }

    static final String LOOPER = """
            main:
              i := 0
              while true:
                i++
                sleep --ms=5
            """;

    /** Attach to a container that already runs, pause it, stop it at a breakpoint, detach: it runs on. */
    @Test
    void attachToARunningContainerStopsItAtABreakpointAndDetachingLeavesItRunning() throws Exception {
        Files.writeString(main, LOOPER);
        Compiler.Output compiled = Build.compile(main);
        assertTrue(compiled.ok(), compiled.errors().toString());
        new DebugInfoStore(dir.resolve("debug-store")).save(compiled.debugInfo());
        try (Device other = Device.connect(DeviceAddress.tcp("127.0.0.1", sim.tcpPort()), SECRET, Duration.ofSeconds(5))) {
            other.management().install("looper", compiled.image(), false, (s, t) -> { }).get(10, TimeUnit.SECONDS);
            other.management().start("looper", java.util.List.of()).get(5, TimeUnit.SECONDS);

            InitializeRequestArguments init = new InitializeRequestArguments();
            init.setAdapterID("eave");
            get(server.initialize(init));
            Map<String, Object> attach = new HashMap<>();
            attach.put("device", device());
            attach.put("secret", SECRET);
            attach.put("container", "nope");
            String error = errorOf(server.attach(attach));
            assertTrue(error.contains("no container named 'nope'") && error.contains("looper"), error);
            attach.put("container", "looper");
            get(server.attach(attach));
            next(String.class, "initialized"::equals);
            get(server.configurationDone(new ConfigurationDoneArguments()));

            org.eclipse.lsp4j.debug.Thread[] threads = get(server.threads()).getThreads();
            assertEquals(1, threads.length, "the looper's one task");
            PauseArguments pause = new PauseArguments();
            pause.setThreadId(threads[0].getId());
            get(server.pause(pause));
            StoppedEventArguments paused = stopped();
            assertEquals("pause", paused.getReason());
            // Mostly asleep: the top frames may be the core library's sleep; main is in its loop.
            StackFrame[] pausedStack = frames(paused.getThreadId(), 0, 20);
            StackFrame inMain = Arrays.stream(pausedStack).filter(f -> f.getName().equals("main")).findFirst()
                    .orElseThrow(() -> new AssertionError("no main in " + Arrays.stream(pausedStack)
                            .map(f -> f.getName() + ":" + f.getLine()).toList()));
            assertTrue(inMain.getLine() >= 3 && inMain.getLine() <= 5, "paused inside the loop, not at line " + inMain.getLine());

            setBreakpoints(4);
            resume(paused.getThreadId());
            StoppedEventArguments hit = stopped();
            assertEquals("breakpoint", hit.getReason());
            StackFrame top = frames(hit.getThreadId(), 0, 1)[0];
            assertEquals(4, top.getLine());
            assertTrue(Integer.parseInt(evaluate("i", top.getId(), "hover")) >= 0);

            setBreakpoints();
            get(server.disconnect(new DisconnectArguments()));
            java.lang.Thread.sleep(200);
            var looper = other.management().list().get(5, TimeUnit.SECONDS).stream()
                    .filter(c -> c.name().equals("looper")).findFirst().orElseThrow();
            assertEquals(io.eave.device.ContainerInfo.State.RUNNING, looper.state(), "detaching leaves the container running");
        }
    }

    static final String CATCHES = """
            risky:
              throw "caught one"

            main:
              e := catch: risky
              print "got $e"
            """;

    /** With the "all" filter a caught exception stops too; with "uncaught" alone it does not. */
    @Test
    void theAllFilterStopsAtACaughtExceptionAndUncaughtAloneDoesNot() throws Exception {
        Files.writeString(main, CATCHES);
        initializeAndLaunch(false);
        exceptionFilters("uncaught", "all");
        get(server.configurationDone(new ConfigurationDoneArguments()));
        StoppedEventArguments thrown = stopped();
        assertEquals("exception", thrown.getReason());
        StackFrame[] stack = frames(thrown.getThreadId(), 0, 20);
        StackFrame inRisky = Arrays.stream(stack).filter(f -> f.getName().equals("risky")).findFirst().orElseThrow(
                () -> new AssertionError(Arrays.stream(stack).map(f -> f.getName() + ":" + f.getLine()).toList().toString()));
        assertEquals(2, inRisky.getLine());
        exceptionFilters("uncaught");
        resume(thrown.getThreadId());
        waitForOutput("got caught one\n");
        assertEquals(0, next(ExitedEventArguments.class, e -> true).getExitCode(), "no further stop: the exception was caught");
    }

    /** Lines without code, files that are not part of the program: unverified, with the reason. */
    @Test
    void breakpointsOutsideTheProgramAndInOtherFilesAreUnverifiedWithAReason() throws Exception {
        initializeAndLaunch(true);
        Breakpoint[] placed = setBreakpoints(100, 12, 13);
        assertFalse(placed[0].isVerified(), "line 100 is past the end of main.toit");
        assertTrue(placed[0].getMessage() != null && !placed[0].getMessage().isBlank(), "and says why");
        assertEquals(13, placed[1].getLine());
        assertEquals(placed[1].getId(), placed[2].getId(), "lines 12 and 13 stop at the same statement: one breakpoint");
        SetBreakpointsArguments other = new SetBreakpointsArguments();
        Source source = new Source();
        source.setPath(dir.resolve("other.toit").toString());
        other.setSource(source);
        SourceBreakpoint b = new SourceBreakpoint();
        b.setLine(3);
        other.setBreakpoints(new SourceBreakpoint[] {b});
        Breakpoint elsewhere = get(server.setBreakpoints(other)).getBreakpoints()[0];
        assertFalse(elsewhere.isVerified());
        assertTrue(elsewhere.getMessage().contains("is not part of the program being debugged"), elsewhere.getMessage());
        get(server.terminate(new TerminateArguments()));
        next(TerminatedEventArguments.class, e -> true);
    }

    @Test
    void aLaunchOfAMissingFileOrWithoutADeviceSaysWhatIsWrong() throws Exception {
        InitializeRequestArguments init = new InitializeRequestArguments();
        init.setAdapterID("eave");
        get(server.initialize(init));
        Map<String, Object> launch = new HashMap<>();
        launch.put("program", dir.resolve("missing.toit").toString());
        launch.put("device", device());
        launch.put("secret", SECRET);
        String error = errorOf(server.launch(launch));
        assertTrue(error.contains("no such program file"), error);
        Map<String, Object> noDevice = new HashMap<>();
        noDevice.put("program", main.toString());
        error = errorOf(server.launch(noDevice));
        assertTrue(error.contains("needs 'device'"), error);
    }
}
