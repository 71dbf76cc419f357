package io.eave.debug;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.ContinueResponse;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.OutputEventArgumentsCategory;
import org.eclipse.lsp4j.debug.PauseArguments;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.ScopesResponse;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsResponse;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.StepInArguments;
import org.eclipse.lsp4j.debug.StepOutArguments;
import org.eclipse.lsp4j.debug.TerminateArguments;
import org.eclipse.lsp4j.debug.Thread;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.VariablesResponse;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;

import io.eave.compiler.debug.DebugInfo;
import io.eave.debug.protocol.DebugMessage.StepMode;
import io.eave.debug.protocol.DebugMessage.TaskInfo;
import io.eave.device.ImageId;
import io.eave.device.ManagementClient;
import io.eave.link.DeviceConnection;

/**
 * The Eave debug adapter: DAP requests (LSP4J's debug module) in, the debug agent's protocol
 * (docs/debug-protocol.md) and the management protocol out over the device link. See
 * docs/debug-adapter.md. Every request answers with a future; nothing waits on the device.
 *
 * <p>launch: {@code program} (a .toit file), {@code device} ({@code host:port} or a serial port),
 * {@code stopOnEntry}, {@code secret}, optional {@code container} (its name on the device; the
 * file's name by default) and {@code args}. attach: {@code device}, {@code container},
 * {@code secret}; the debug info comes from {@code ~/.eave/debug/<image id>.json}.
 */
public final class EaveDebugAdapter implements IDebugProtocolServer {
    public static final String FILTER_UNCAUGHT = "uncaught";
    public static final String FILTER_ALL = "all";

    /** What the adapter is plugged into: the compiler, the device link, the debug info cache, the device's timeout. */
    public record Options(ProgramBuilder builder, DeviceConnector connector, DebugInfoStore store, Duration timeout) {
        public static Options defaults(ProgramBuilder builder) {
            Duration timeout = Duration.ofSeconds(5);
            return new Options(builder, DeviceConnector.link(timeout), DebugInfoStore.user(), timeout);
        }
    }

    private final Options options;
    private volatile IDebugProtocolClient client;
    private volatile DebugSession session;
    private volatile int lineBase;
    private volatile boolean uncaught = true;
    private volatile boolean all;

    public EaveDebugAdapter(Options options) {
        this.options = options;
    }

    public void connect(IDebugProtocolClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<Capabilities> initialize(InitializeRequestArguments args) {
        lineBase = args.getLinesStartAt1() == null || args.getLinesStartAt1() ? 0 : 1;
        Capabilities c = new Capabilities();
        c.setSupportsConfigurationDoneRequest(true);
        c.setSupportsEvaluateForHovers(true);
        c.setSupportsTerminateRequest(true);
        c.setSupportTerminateDebuggee(true);
        c.setSupportsDelayedStackTraceLoading(true);
        c.setExceptionBreakpointFilters(new ExceptionBreakpointsFilter[] {
                filter(FILTER_UNCAUGHT, "Uncaught exceptions", "Stop where an exception no handler catches is thrown", true),
                filter(FILTER_ALL, "All exceptions", "Stop at every throw, caught or not", false)});
        return CompletableFuture.completedFuture(c);
    }

    private static ExceptionBreakpointsFilter filter(String id, String label, String description, boolean byDefault) {
        ExceptionBreakpointsFilter f = new ExceptionBreakpointsFilter();
        f.setFilter(id);
        f.setLabel(label);
        f.setDescription(description);
        f.setDefault_(byDefault);
        return f;
    }

    // ------------------------------------------------------------------ launch and attach

    @Override
    public CompletableFuture<Void> launch(Map<String, Object> args) {
        String program;
        String device;
        try {
            program = string(args, "program", true);
            device = string(args, "device", true);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(Errors.toResponse(e));
        }
        Path file = Path.of(program).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            return failed("launch: no such program file: " + file);
        }
        String container = args.get("container") instanceof String s ? s : containerName(file);
        boolean stopOnEntry = Boolean.TRUE.equals(args.get("stopOnEntry"));
        List<String> programArgs = strings(args.get("args"));
        output(OutputEventArgumentsCategory.CONSOLE, "compiling " + file + "\n");
        return options.builder().build(file).thenCompose(built -> {
            if (!built.imageId().equalsIgnoreCase(built.debugInfo().imageId())) {
                throw new CompletionException(Errors.user("the compiler's debug info is for image " + built.debugInfo().imageId()
                        + ", its image is " + built.imageId() + ": a compiler bug; compile again"));
            }
            try {
                options.store().save(built.debugInfo());
            } catch (java.io.IOException e) {
                output(OutputEventArgumentsCategory.IMPORTANT, "could not keep the debug info in " + options.store().directory()
                        + " (attaching later will not work): " + e.getMessage() + "\n");
            }
            return connect(device, string(args, "secret", false)).thenCompose(connection -> {
                ManagementClient management = new ManagementClient(AgentChannel.management(connection), options.timeout());
                output(OutputEventArgumentsCategory.CONSOLE, "installing '" + container + "' (" + built.image().length
                        + " bytes) on " + connection.address() + "\n");
                return management.install(container, built.image(), false, (done, total) -> {})
                        .thenCompose(id -> {
                            if (!id.toString().equalsIgnoreCase(built.imageId())) {
                                throw new CompletionException(Errors.user("the device installed image " + id + " where "
                                        + built.imageId() + " was sent: install again"));
                            }
                            return open(connection, management, built.debugInfo(), container, true, stopOnEntry, programArgs);
                        })
                        .whenComplete((done, failure) -> {
                            if (failure != null) {
                                management.close();
                                connection.close();
                            }
                        });
            });
        }).handle(this::answer);
    }

    @Override
    public CompletableFuture<Void> attach(Map<String, Object> args) {
        String device;
        String container;
        try {
            device = string(args, "device", true);
            container = string(args, "container", true);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(Errors.toResponse(e));
        }
        boolean stopOnEntry = Boolean.TRUE.equals(args.get("stopOnEntry"));
        return connect(device, string(args, "secret", false)).thenCompose(connection -> {
            ManagementClient management = new ManagementClient(AgentChannel.management(connection), options.timeout());
            return management.list().thenCompose(containers -> {
                ImageId id = containers.stream().filter(c -> c.name().equals(container)).map(c -> c.imageId()).findFirst()
                        .orElseThrow(() -> new CompletionException(Errors.user("no container named '" + container + "' on "
                                + connection.address() + "; installed: " + containers.stream().map(c -> c.name()).toList())));
                DebugInfo info;
                try {
                    info = options.store().load(id.toString());
                } catch (java.io.IOException e) {
                    throw new CompletionException(Errors.user(e.getMessage()));
                }
                return open(connection, management, info, container, false, stopOnEntry, List.of());
            }).whenComplete((done, failure) -> {
                if (failure != null) {
                    management.close();
                    connection.close();
                }
            });
        }).handle(this::answer);
    }

    private CompletableFuture<DeviceConnection> connect(String device, String secret) {
        return options.connector().connect(device, secret).exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                Errors.user("cannot connect to the device " + device + ": " + Errors.message(failure))));
    }

    private CompletableFuture<Void> open(DeviceConnection connection, ManagementClient management, DebugInfo info, String container,
                                         boolean launched, boolean stopOnEntry, List<String> programArgs) {
        AgentClient agent = new AgentClient(AgentChannel.of(connection, DeviceConnection.DEBUG), options.timeout());
        DebugSession next = new DebugSession(client, connection, agent, management, info, container, launched, stopOnEntry,
                programArgs, lineBase);
        return next.attach().thenCompose(attached -> next.setExceptionStops(uncaught, all)).thenRun(() -> {
            DebugSession previous = session;
            session = next;
            if (previous != null) {
                previous.close();
            }
            client.initialized();
        }).whenComplete((done, failure) -> {
            if (failure != null) {
                agent.close();
            }
        });
    }

    private Void answer(Void done, Throwable failure) {
        if (failure != null) {
            throw Errors.toResponse(failure);
        }
        return null;
    }

    /** A container name from a file name: lower case letters, digits and dashes, at most 31. */
    static String containerName(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.toit$", "").toLowerCase().replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^-+|-+$", "");
        if (name.isEmpty()) {
            name = "program";
        }
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    @Override
    public CompletableFuture<Void> configurationDone(ConfigurationDoneArguments args) {
        return withSession(DebugSession::configurationDone);
    }

    // ------------------------------------------------------------------ breakpoints

    @Override
    public CompletableFuture<SetBreakpointsResponse> setBreakpoints(SetBreakpointsArguments args) {
        String path = args.getSource() == null ? null : args.getSource().getPath();
        int[] lines = args.getBreakpoints() != null ? Arrays.stream(args.getBreakpoints()).mapToInt(SourceBreakpoint::getLine).toArray()
                : args.getLines() != null ? args.getLines().clone() : new int[0];
        DebugSession s = session;
        if (s == null || path == null) {
            SetBreakpointsResponse response = new SetBreakpointsResponse();
            response.setBreakpoints(Arrays.stream(lines).mapToObj(line -> {
                Breakpoint b = new Breakpoint();
                b.setVerified(false);
                b.setLine(line);
                b.setMessage(path == null ? "breakpoints need a source file" : "no program is being debugged yet");
                return b;
            }).toArray(Breakpoint[]::new));
            return CompletableFuture.completedFuture(response);
        }
        return s.setBreakpoints(path, lines).thenApply(result -> {
            SetBreakpointsResponse response = new SetBreakpointsResponse();
            response.setBreakpoints(result);
            return response;
        });
    }

    @Override
    public CompletableFuture<SetExceptionBreakpointsResponse> setExceptionBreakpoints(SetExceptionBreakpointsArguments args) {
        List<String> filters = args.getFilters() == null ? List.of() : Arrays.asList(args.getFilters());
        uncaught = filters.contains(FILTER_UNCAUGHT);
        all = filters.contains(FILTER_ALL);
        DebugSession s = session;
        CompletableFuture<Void> set = s == null ? CompletableFuture.completedFuture(null) : s.setExceptionStops(uncaught, all);
        return set.handle((done, failure) -> {
            if (failure != null) {
                throw Errors.toResponse(failure);
            }
            return new SetExceptionBreakpointsResponse();
        });
    }

    // ------------------------------------------------------------------ running

    @Override
    public CompletableFuture<ContinueResponse> continue_(ContinueArguments args) {
        return withSession(DebugSession::resume).thenApply(done -> {
            ContinueResponse response = new ContinueResponse();
            response.setAllThreadsContinued(true);
            return response;
        });
    }

    @Override
    public CompletableFuture<Void> next(NextArguments args) {
        return withSession(s -> s.step(DebugSession.task(args.getThreadId()), StepMode.OVER));
    }

    @Override
    public CompletableFuture<Void> stepIn(StepInArguments args) {
        return withSession(s -> s.step(DebugSession.task(args.getThreadId()), StepMode.IN));
    }

    @Override
    public CompletableFuture<Void> stepOut(StepOutArguments args) {
        return withSession(s -> s.step(DebugSession.task(args.getThreadId()), StepMode.OUT));
    }

    @Override
    public CompletableFuture<Void> pause(PauseArguments args) {
        return withSession(DebugSession::pause);
    }

    @Override
    public CompletableFuture<Void> terminate(TerminateArguments args) {
        return withSession(DebugSession::terminate);
    }

    @Override
    public CompletableFuture<Void> disconnect(DisconnectArguments args) {
        DebugSession s = session;
        session = null;
        if (s == null) {
            return CompletableFuture.completedFuture(null);
        }
        return s.disconnect(args == null ? null : args.getTerminateDebuggee());
    }

    // ------------------------------------------------------------------ inspecting

    @Override
    public CompletableFuture<ThreadsResponse> threads() {
        DebugSession s = session;
        if (s == null || s.ended()) {
            ThreadsResponse none = new ThreadsResponse();
            none.setThreads(new Thread[0]);
            return CompletableFuture.completedFuture(none);
        }
        return s.agent().tasks().handle((tasks, failure) -> {
            if (failure != null) {
                throw Errors.toResponse(failure);
            }
            List<Thread> threads = new ArrayList<>();
            for (TaskInfo task : tasks) {
                Thread t = new Thread();
                t.setId(DebugSession.threadId(task.id()));
                t.setName("task " + task.id() + (task.id() == tasks.get(0).id() ? " (main)" : "") + " — "
                        + task.state().name().toLowerCase());
                threads.add(t);
            }
            ThreadsResponse response = new ThreadsResponse();
            response.setThreads(threads.toArray(Thread[]::new));
            return response;
        });
    }

    @Override
    public CompletableFuture<StackTraceResponse> stackTrace(StackTraceArguments args) {
        int start = args.getStartFrame() == null ? 0 : args.getStartFrame();
        return withSession(s -> s.inspector().stackTrace(DebugSession.task(args.getThreadId()), start, args.getLevels()))
                .thenApply(response -> {
                    for (var frame : response.getStackFrames()) {
                        frame.setLine(frame.getLine() - lineBase);
                    }
                    return response;
                });
    }

    @Override
    public CompletableFuture<ScopesResponse> scopes(ScopesArguments args) {
        return withSession(s -> CompletableFuture.supplyAsync(() -> {
            ScopesResponse response = new ScopesResponse();
            response.setScopes(s.inspector().scopes(args.getFrameId()));
            return response;
        }, Runnable::run));
    }

    @Override
    public CompletableFuture<VariablesResponse> variables(VariablesArguments args) {
        return withSession(s -> s.inspector().variables(args.getVariablesReference(), args.getStart(), args.getCount()))
                .thenApply(vars -> {
                    VariablesResponse response = new VariablesResponse();
                    response.setVariables(vars);
                    return response;
                });
    }

    @Override
    public CompletableFuture<EvaluateResponse> evaluate(EvaluateArguments args) {
        return withSession(s -> s.inspector().evaluate(args.getExpression(), args.getFrameId(), args.getContext()));
    }

    // ------------------------------------------------------------------ helpers

    private <T> CompletableFuture<T> withSession(java.util.function.Function<DebugSession, CompletableFuture<T>> action) {
        DebugSession s = session;
        if (s == null) {
            return failed("no program is being debugged: launch or attach first");
        }
        CompletableFuture<T> result;
        try {
            result = action.apply(s);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(Errors.toResponse(e));
        }
        return result.handle((value, failure) -> {
            if (failure != null) {
                throw Errors.toResponse(failure);
            }
            return value;
        });
    }

    private static <T> CompletableFuture<T> failed(String message) {
        return CompletableFuture.failedFuture(Errors.user(message));
    }

    private void output(String category, String text) {
        IDebugProtocolClient c = client;
        if (c != null) {
            OutputEventArguments args = new OutputEventArguments();
            args.setCategory(category);
            args.setOutput(text);
            c.output(args);
        }
    }

    private static String string(Map<String, Object> args, String key, boolean required) {
        Object value = args == null ? null : args.get(key);
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        if (required) {
            throw Errors.user("the launch configuration needs '" + key + "'" + switch (key) {
                case "program" -> ": the .toit file to run";
                case "device" -> ": host:port of a simulator (eave-sim prints it) or a serial port such as /dev/ttyUSB0";
                case "container" -> ": the name of the running program on the device (eave devices / container list shows them)";
                default -> "";
            });
        }
        return null;
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
