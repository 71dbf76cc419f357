package io.eave.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.stream.Collectors;

import org.eclipse.lsp4j.debug.*;
import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.eave.compiler.debug.DebugInfo;
import io.eave.debug.StandInDevice.*;

/**
 * The adapter end to end as a DAP client sees it: LSP4J's DSP client launcher on one side of a
 * loopback socket, the adapter on the other, and the device reached over the real link protocol
 * on TCP. The device is a STAND-IN ({@link StandInDevice}: a scripted program behind the debug
 * protocol) until the real agent runs in eave-sim; then these tests should run against eave-sim.
 */
class AdapterAgainstStandInTest {
    static final Duration WAIT = Duration.ofSeconds(10);

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
              data := ByteArray 20: it
              print x
            """;

    /** Its debug info as the compiler would write it (classes 0-3 are the core library's). */
    static final String DEBUG_INFO = """
            {
              "format": 1,
              "imageId": "00112233445566778899aabbccddeeff",
              "files": [ { "path": "MAIN", "sha256": "00" } ],
              "classes": [ { "name": "Object", "file": -1, "fields": [] }, { "name": "String_", "file": -1, "fields": [] },
                           { "name": "ByteArray_", "file": -1, "fields": [] }, { "name": "Array_", "file": -1, "fields": [] },
                           { "name": "Dog", "file": 0, "fields": ["name", "age"] } ],
              "globals": [ { "name": "counter", "file": 0, "line": 1 }, { "name": "motto", "file": 0, "line": 1 } ],
              "selectors": [],
              "methods": [
                { "name": "main", "kind": "main", "file": 0, "start": [10, 1], "end": [17, 10], "outer": -1,
                  "lines": [ [0, 11], [3, 13], [8, 14], [12, 15], [16, 16], [20, 17] ],
                  "locals": [ { "name": "x", "slot": 0, "from": 3, "to": 24, "type": "int" },
                              { "name": "dog", "slot": 1, "from": 8, "to": 24, "type": "Dog" },
                              { "name": "data", "slot": 2, "from": 20, "to": 24 } ] },
                { "name": "bark", "kind": "static", "file": 0, "start": [6, 1], "end": [8, 30], "outer": -1,
                  "lines": [ [0, 7], [4, 8] ],
                  "locals": [ { "name": "dog", "slot": 0, "from": 0, "to": 12, "type": "Dog" },
                              { "name": "sound", "slot": 1, "from": 4, "to": 12, "type": "string" } ] }
              ]
            }
            """;

    static final int DOG = 4;

    /** The scripted program the stand-in runs: the bytecode main.toit would compile to, by its effects. */
    static List<Method> program() {
        byte[] data = new byte[20];
        for (int i = 0; i < data.length; i++) data[i] = (byte) i;
        Method main = new Method(3, List.of(
                new Instruction(0, new Set(0, s -> 5L)),
                new Instruction(3, new Set(1, s -> new Obj(DOG, "Rex", 3L))),
                new Instruction(8, new Call(1, 1)),
                new Instruction(10, new Nop()), // drops bark's result: still line 14
                new Instruction(12, new Set(0, s -> (Long) s[0] + 1)),
                new Instruction(16, new Set(2, s -> new Obj(2, data))),
                new Instruction(20, new Print(s -> String.valueOf(s[0]))),
                new Instruction(23, new Return())));
        Method bark = new Method(2, List.of(
                new Instruction(0, new Set(1, s -> "woof")),
                new Instruction(4, new Print(s -> ((Obj) s[0]).fields[0] + ": " + s[1])),
                new Instruction(9, new Return())));
        return List.of(main, bark);
    }

    @TempDir
    Path dir;
    Path main;
    StandInDevice device;
    EaveDebugAdapter adapter;
    ServerSocket dapServer;
    Socket clientSocket;
    IDebugProtocolServer server;
    final LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>();
    final StringBuilder output = new StringBuilder();

    /** LSP4J logs every closed socket at INFO; the tests close them on purpose. */
    static final java.util.logging.Logger JSONRPC = java.util.logging.Logger.getLogger("org.eclipse.lsp4j.jsonrpc");

    @BeforeEach
    void start() throws Exception {
        JSONRPC.setLevel(java.util.logging.Level.OFF);
        main = dir.resolve("main.toit");
        Files.writeString(main, SOURCE);
        DebugInfo info = DebugInfo.fromJson(DEBUG_INFO.replace("MAIN", main.toString()));
        byte[] image = new byte[64];
        System.arraycopy(java.util.HexFormat.of().parseHex(info.imageId()), 0, image, 16, 16);
        ProgramBuilder builder = file -> file.equals(main)
                ? CompletableFuture.completedFuture(new ProgramBuilder.Program(image, info))
                : CompletableFuture.failedFuture(new IllegalArgumentException(file + ":1:1: error: no such file"));
        device = new StandInDevice(program(), 1, 7L, "x".repeat(100));
        adapter = new EaveDebugAdapter(new EaveDebugAdapter.Options(builder, DeviceConnector.link(Duration.ofSeconds(3)),
                new DebugInfoStore(dir.resolve("debug-store")), Duration.ofSeconds(3)));

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

    @AfterEach
    void stop() throws Exception {
        clientSocket.close();
        dapServer.close();
        device.close();
    }

    /** The DAP client's side: every event goes to the queue, output also to the text. */
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
        launch.put("device", device.address());
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

    @Test
    void standIn_launchStopsAtBreakpointsShowsVariablesStepsByLinesAndExits() throws Exception {
        initializeAndLaunch(true);
        Breakpoint[] placed = setBreakpoints(12, 14, 9);
        assertTrue(placed[0].isVerified(), "a comment line moves to the next statement");
        assertEquals(13, placed[0].getLine());
        assertTrue(placed[1].isVerified());
        assertEquals(14, placed[1].getLine());
        assertFalse(placed[2].isVerified(), "line 9 is between methods");
        assertTrue(placed[2].getMessage().contains("no code at or after line 9"), placed[2].getMessage());
        exceptionFilters("uncaught");
        get(server.configurationDone(new ConfigurationDoneArguments()));

        StoppedEventArguments entry = stopped();
        assertEquals("entry", entry.getReason());
        int thread = entry.getThreadId();
        StackFrame top = frames(thread, 0, 20)[0];
        assertEquals("main", top.getName());
        assertEquals(11, top.getLine());
        assertEquals(main.toString(), top.getSource().getPath());
        ThreadsResponse threads = get(server.threads());
        assertEquals(1, threads.getThreads().length);
        assertTrue(threads.getThreads()[0].getName().startsWith("task 1"), threads.getThreads()[0].getName());

        resume(thread);
        StoppedEventArguments hit = stopped();
        assertEquals("breakpoint", hit.getReason());
        assertEquals(placed[0].getId(), hit.getHitBreakpointIds()[0]);
        top = frames(thread, 0, 20)[0];
        assertEquals(13, top.getLine());
        Map<String, Variable> locals = variables(scopes(top.getId()).get("Locals").getVariablesReference());
        assertEquals(List.of("x"), List.copyOf(locals.keySet()), "dog is not live before line 13 ran");
        assertEquals("5", locals.get("x").getValue());
        assertEquals("int", locals.get("x").getType());

        resume(thread);
        hit = stopped();
        assertEquals(placed[1].getId(), hit.getHitBreakpointIds()[0]);
        top = frames(thread, 0, 20)[0];
        assertEquals(14, top.getLine());
        Map<String, Scope> scopes = scopes(top.getId());
        locals = variables(scopes.get("Locals").getVariablesReference());
        assertEquals("5", locals.get("x").getValue());
        Variable dog = locals.get("dog");
        assertEquals("Dog", dog.getValue());
        Map<String, Variable> fields = variables(dog.getVariablesReference());
        assertEquals("\"Rex\"", fields.get("name").getValue());
        assertEquals("3", fields.get("age").getValue());
        assertEquals("\"Rex\"", evaluate("dog.name", top.getId(), "hover"));
        assertEquals("3", evaluate(" dog . age ", top.getId(), "watch"));
        assertEquals("7", evaluate("counter", top.getId(), "hover"));
        String noField = errorOf(evaluating("dog.colour", top.getId(), "hover"));
        assertTrue(noField.contains("dog (a Dog) has no field 'colour'"), noField);
        String unknown = errorOf(evaluating("sound", top.getId(), "hover"));
        assertTrue(unknown.contains("'sound' is not a live local, a field of this, or a global at line 14 of main"), unknown);
        Map<String, Variable> globals = variables(scopes.get("Globals").getVariablesReference());
        assertEquals("7", globals.get("counter").getValue());
        assertEquals("\"" + "x".repeat(64) + "\"… (100 bytes)", globals.get("motto").getValue());
        assertEquals("\"" + "x".repeat(100) + "\"", evaluate("motto", top.getId(), "repl"), "the REPL shows the whole string");

        assertEquals(7, step("in", thread), "step in enters bark at its first statement");
        StackFrame[] stack = frames(thread, 0, 20);
        assertEquals(List.of("bark", "main"), Arrays.stream(stack).map(StackFrame::getName).toList());
        assertEquals(14, stack[1].getLine(), "the caller is at its call");
        StackTraceArguments paged = new StackTraceArguments();
        paged.setThreadId(thread);
        paged.setStartFrame(1);
        paged.setLevels(1);
        StackTraceResponse page = get(server.stackTrace(paged));
        assertEquals(2, page.getTotalFrames());
        assertEquals("main", page.getStackFrames()[0].getName());

        assertEquals(8, step("over", thread));
        locals = variables(scopes(frames(thread, 0, 1)[0].getId()).get("Locals").getVariablesReference());
        assertEquals("\"woof\"", locals.get("sound").getValue());
        assertEquals("Dog", locals.get("dog").getValue());

        assertEquals(15, step("over", thread), "stepping over bark's last line returns to main and finishes line 14");
        assertTrue(output.toString().contains("Rex: woof\n"), output.toString());
        assertEquals(16, step("over", thread));
        assertEquals(17, step("over", thread));
        top = frames(thread, 0, 1)[0];
        Variable data = variables(scopes(top.getId()).get("Locals").getVariablesReference()).get("data");
        assertEquals("#[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, …] (20 bytes)", data.getValue());
        assertEquals(20, data.getIndexedVariables());
        VariablesArguments lastBytes = new VariablesArguments();
        lastBytes.setVariablesReference(data.getVariablesReference());
        lastBytes.setStart(16);
        lastBytes.setCount(4);
        Variable[] tail = get(server.variables(lastBytes)).getVariables();
        assertEquals(List.of("[16]=16", "[17]=17", "[18]=18", "[19]=19"),
                Arrays.stream(tail).map(v -> v.getName() + "=" + v.getValue()).toList());

        resume(thread);
        assertEquals(0, next(ExitedEventArguments.class, e -> true).getExitCode());
        next(TerminatedEventArguments.class, e -> true);
        assertTrue(output.toString().contains("6\n"), output.toString());
        assertTrue(output.toString().contains("'main' exited with code 0"), output.toString());
        get(server.disconnect(new DisconnectArguments()));
    }

    @Test
    void standIn_withoutStopOnEntryRunsToTheFirstBreakpointAndStepOutReturnsToTheCaller() throws Exception {
        initializeAndLaunch(false);
        setBreakpoints(7);
        get(server.configurationDone(new ConfigurationDoneArguments()));
        StoppedEventArguments hit = stopped();
        assertEquals("breakpoint", hit.getReason(), "no stop at entry");
        int thread = hit.getThreadId();
        assertEquals(7, frames(thread, 0, 1)[0].getLine());
        assertEquals(14, step("out", thread), "step out stops in main, in the middle of line 14");
        assertTrue(output.toString().contains("Rex: woof\n"));
        setBreakpoints();
        resume(thread);
        next(TerminatedEventArguments.class, e -> true);
    }

    @Test
    void standIn_breakpointsOutsideTheProgramAndUnknownFilesAreUnverifiedWithAReason() throws Exception {
        initializeAndLaunch(true);
        Breakpoint[] placed = setBreakpoints(100, 4, 12, 13);
        assertFalse(placed[0].isVerified());
        assertEquals(13, placed[2].getLine());
        assertEquals(placed[2].getId(), placed[3].getId(), "lines 12 and 13 stop at the same statement: one breakpoint");
        assertEquals(1, device.log.stream().filter("SetBreakpoint"::equals).count());
        assertFalse(placed[1].isVerified(), "the constructor has no code of its own");
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
    void standIn_launchOfAFileThatDoesNotExistSaysSo() throws Exception {
        InitializeRequestArguments init = new InitializeRequestArguments();
        init.setAdapterID("eave");
        get(server.initialize(init));
        Map<String, Object> launch = new HashMap<>();
        launch.put("program", dir.resolve("missing.toit").toString());
        launch.put("device", device.address());
        String error = errorOf(server.launch(launch));
        assertTrue(error.contains("no such program file"), error);
        Map<String, Object> noDevice = new HashMap<>();
        noDevice.put("program", main.toString());
        error = errorOf(server.launch(noDevice));
        assertTrue(error.contains("needs 'device'"), error);
    }

    @Test
    void standIn_attachToARunningContainerPausesInspectsAndDetachesWithoutStoppingIt() throws Exception {
        DebugInfo info = DebugInfo.fromJson(DEBUG_INFO.replace("MAIN", main.toString()));
        new DebugInfoStore(dir.resolve("debug-store")).save(info);
        byte[] image = new byte[64];
        System.arraycopy(java.util.HexFormat.of().parseHex(info.imageId()), 0, image, 16, 16);
        device.preinstallRunning("blink", image);

        InitializeRequestArguments init = new InitializeRequestArguments();
        init.setAdapterID("eave");
        get(server.initialize(init));
        Map<String, Object> attach = new HashMap<>();
        attach.put("device", device.address());
        attach.put("container", "nope");
        String error = errorOf(server.attach(attach));
        assertTrue(error.contains("no container named 'nope'") && error.contains("[blink]"), error);
        attach.put("container", "blink");
        get(server.attach(attach));
        next(String.class, "initialized"::equals);
        setBreakpoints(14);
        get(server.configurationDone(new ConfigurationDoneArguments()));

        PauseArguments pause = new PauseArguments();
        pause.setThreadId(2);
        get(server.pause(pause));
        StoppedEventArguments paused = stopped();
        assertEquals("pause", paused.getReason());
        assertEquals(11, frames(paused.getThreadId(), 0, 1)[0].getLine());
        resume(paused.getThreadId());
        StoppedEventArguments hit = stopped();
        assertEquals("breakpoint", hit.getReason());
        assertEquals("\"Rex\"", evaluate("dog.name", frames(hit.getThreadId(), 0, 1)[0].getId(), "hover"));

        get(server.disconnect(new DisconnectArguments()));
        assertTrue(device.log.contains("Detach"), "attach ends with a detach: " + device.log);
        assertFalse(device.log.contains("stop blink"), "an attached container is not stopped: " + device.log);
    }
}
