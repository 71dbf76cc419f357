package io.eave.debug;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import io.eave.debug.protocol.DebugCodec;
import io.eave.debug.protocol.DebugMessage;
import io.eave.debug.protocol.DebugMessage.*;
import io.eave.debug.protocol.ErrorCode;
import io.eave.debug.protocol.MalformedMessageException;
import io.eave.debug.protocol.Value;
import io.eave.device.ConsoleOutput;
import io.eave.device.ImageId;
import io.eave.device.ManagementCodec;
import io.eave.link.Control;
import io.eave.link.DeviceConnection;
import io.eave.link.Hello;
import io.eave.link.LinkTiming;
import io.eave.link.ReliableSession;

/**
 * A STAND-IN for the simulator with the real debug agent, which does not exist yet
 * (vm-debug-agent/ is empty): a device on loopback TCP that speaks the real link protocol
 * (io.eave.link's session and control messages), the management protocol (install, start, stop,
 * list) and the debug protocol of docs/debug-protocol.md, running a scripted program instead of a
 * VM. Replace every use with eave-sim once the agent is in the simulator.
 */
final class StandInDevice implements AutoCloseable {

    // ------------------------------------------------------------------ the scripted program

    /** A heap object of the scripted program: class index and fields (or, for byte arrays, the bytes). */
    static final class Obj {
        final int classIndex;
        final Object[] fields;
        final byte[] bytes;

        Obj(int classIndex, Object... fields) {
            this.classIndex = classIndex;
            this.fields = fields;
            this.bytes = null;
        }

        Obj(int classIndex, byte[] bytes) {
            this.classIndex = classIndex;
            this.fields = new Object[0];
            this.bytes = bytes;
        }
    }

    /** What an instruction does to the task: locals are Long, Double, String, Boolean, Obj or null. */
    interface Op {}
    record Set(int slot, Function<Object[], Object> value) implements Op {}
    record Call(int method, int... argSlots) implements Op {}
    record Print(Function<Object[], String> text) implements Op {}
    record Nop() implements Op {}
    record Return() implements Op {}
    record Throw(Function<Object[], Object> value) implements Op {}

    record Instruction(int offset, Op op) {}

    /** A method: its instructions (by offset) and the number of slots. */
    record Method(int slots, List<Instruction> code) {
        int index(int offset) {
            for (int i = 0; i < code.size(); i++) {
                if (code.get(i).offset() == offset) return i;
            }
            throw new IllegalArgumentException("no instruction at " + offset);
        }
    }

    private static final class Frame {
        final int method;
        int pc; // index into code
        final Object[] slots;

        Frame(int method, Object[] slots) {
            this.method = method;
            this.slots = slots;
        }
    }

    // ------------------------------------------------------------------ state

    private final List<Method> program;
    private final int stringClass;
    private final Object[] globals;
    private final ServerSocket server;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stand-in-device");
        t.setDaemon(true);
        return t;
    });
    private ReliableSession session;
    private OutputStream socketOut;

    private final Map<String, byte[]> installed = new LinkedHashMap<>();
    private final Map<String, Boolean> running = new HashMap<>();
    private String installing;
    private byte[] installBuffer;
    private int installReceived;

    private String attached;
    private List<Frame> stack; // innermost last
    private boolean started;
    private boolean stopped;
    private final Map<Long, long[]> breakpoints = new HashMap<>();
    private long nextBreakpoint = 1;
    private int exceptionFlags;
    private Step stepping;
    private final List<Object> handedOut = new ArrayList<>();
    final List<String> log = new ArrayList<>();

    StandInDevice(List<Method> program, int stringClass, Object... globals) throws IOException {
        this.program = program;
        this.stringClass = stringClass;
        this.globals = globals;
        this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::serve, "stand-in-accept");
        accept.setDaemon(true);
        accept.start();
    }

    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** One host at a time, like the simulator's TCP port; a host that goes away is detached. */
    private void serve() {
        while (!server.isClosed()) {
            serveOne();
            if (server.isClosed()) {
                return;
            }
            worker.execute(() -> {
                attached = null;
                breakpoints.clear();
                stepping = null;
            });
        }
    }

    private void serveOne() {
        try (Socket socket = server.accept()) {
            socket.setTcpNoDelay(true);
            socketOut = socket.getOutputStream();
            session = new ReliableSession(new ReliableSession.Callbacks() {
                @Override
                public void write(byte[] bytes) {
                    try {
                        socketOut.write(bytes);
                        socketOut.flush();
                    } catch (IOException e) {
                        // the host went away
                    }
                }

                @Override
                public void deliver(int channel, byte[] payload) {
                    worker.execute(() -> handle(channel, payload));
                }
            }, LinkTiming.TCP);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            socket.setSoTimeout(10);
            while (!server.isClosed()) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (java.net.SocketTimeoutException e) {
                    n = 0;
                }
                if (n < 0) break;
                long now = System.currentTimeMillis();
                if (n > 0) session.receive(buffer, n, now);
                session.tick(now);
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void send(int channel, byte[] payload) {
        session.send(channel, payload);
    }

    private void handle(int channel, byte[] payload) {
        switch (channel) {
            case DeviceConnection.CONTROL -> {
                if (payload.length > 0 && payload[0] == Control.HELLO_REQUEST) {
                    send(0, new Hello(Control.PROTOCOL_VERSION, 0, new byte[8], new byte[16], "stand-in 0", "stand-in", "host").encode());
                }
            }
            case DeviceConnection.MANAGEMENT -> management(payload);
            case DeviceConnection.DEBUG -> debug(payload);
            default -> { }
        }
    }

    /** A container installed and running before the host connects (it waits at its first instruction until paused). */
    void preinstallRunning(String name, byte[] image) {
        worker.execute(() -> {
            installed.put(name, image);
            running.put(name, true);
            started = true;
            stopped = false;
            stack = new ArrayList<>(List.of(new Frame(0, new Object[program.get(0).slots()])));
        });
    }

    // ------------------------------------------------------------------ management

    private void management(byte[] payload) {
        io.eave.device.Message.Request r = ManagementCodec.decodeRequest(payload);
        long id = r.request();
        io.eave.device.Message answer = switch (r) {
            case io.eave.device.Message.InstallBegin b -> {
                installing = b.name();
                installBuffer = new byte[(int) b.size()];
                installReceived = 0;
                yield new io.eave.device.Message.Ok(id);
            }
            case io.eave.device.Message.InstallData d -> {
                System.arraycopy(d.data(), 0, installBuffer, installReceived, d.data().length);
                installReceived += d.data().length;
                yield new io.eave.device.Message.Ok(id);
            }
            case io.eave.device.Message.InstallEnd e -> {
                installed.put(installing, installBuffer);
                running.put(installing, false);
                yield new io.eave.device.Message.Installed(id, imageId(installing), 1);
            }
            case io.eave.device.Message.ListContainers l -> new io.eave.device.Message.ListResult(id, installed.size(),
                    installed.keySet().stream().map(name -> new io.eave.device.ContainerInfo(name, imageId(name),
                            installed.get(name).length, running.get(name) ? io.eave.device.ContainerInfo.State.RUNNING
                            : io.eave.device.ContainerInfo.State.INSTALLED, false, 0, "", 0, 0, 0)).toList());
            case io.eave.device.Message.Start s -> {
                if (!installed.containsKey(s.name())) yield new io.eave.device.Message.Error(id, 3, "no container named '" + s.name() + "'");
                log.add("start " + s.name());
                running.put(s.name(), true);
                started = true;
                stack = new ArrayList<>(List.of(new Frame(0, new Object[program.get(0).slots()])));
                send(DeviceConnection.MANAGEMENT, ManagementCodec.encode(new io.eave.device.Message.Ok(id)));
                if (s.name().equals(attached)) {
                    stopped = true;
                    event(new Stopped(1, StopReason.ENTRY, 0, Value.NULL_VALUE, false));
                } else {
                    run();
                }
                yield null;
            }
            case io.eave.device.Message.Stop s -> {
                log.add("stop " + s.name());
                send(DeviceConnection.MANAGEMENT, ManagementCodec.encode(new io.eave.device.Message.Ok(id)));
                exit(-1, "stopped");
                yield null;
            }
            default -> new io.eave.device.Message.Error(id, 2, "the stand-in does not do " + r.getClass().getSimpleName());
        };
        if (answer != null) {
            send(DeviceConnection.MANAGEMENT, ManagementCodec.encode(answer));
        }
    }

    private ImageId imageId(String name) {
        return new ImageId(Arrays.copyOfRange(installed.get(name), 16, 32));
    }

    // ------------------------------------------------------------------ the agent

    private void event(DebugMessage.Event e) {
        send(DeviceConnection.DEBUG, DebugCodec.encode(e));
    }

    private void debug(byte[] payload) {
        Request request;
        try {
            request = DebugCodec.decodeRequest(payload);
        } catch (MalformedMessageException e) {
            reply(new DebugMessage.Error(e.request(), ErrorCode.BAD_REQUEST, e.getMessage()));
            return;
        }
        log.add(request.getClass().getSimpleName());
        long id = request.request();
        if (!(request instanceof Attach) && attached == null) {
            reply(new DebugMessage.Error(id, ErrorCode.NOT_ATTACHED, "attach first"));
            return;
        }
        boolean needsStop = request instanceof Stack || request instanceof Locals || request instanceof GetObject || request instanceof Step;
        if (needsStop && !stopped) {
            reply(new DebugMessage.Error(id, ErrorCode.NOT_STOPPED, "the container is running: pause it first"));
            return;
        }
        switch (request) {
            case Attach a -> {
                if (!installed.containsKey(a.container())) {
                    reply(new DebugMessage.Error(id, ErrorCode.NO_SUCH_CONTAINER, "no container named '" + a.container() + "'"));
                    return;
                }
                attached = a.container();
                ContainerState state = !started ? ContainerState.NOT_STARTED : stopped ? ContainerState.STOPPED : ContainerState.RUNNING;
                reply(new Attached(id, 1, imageId(a.container()).bytes(), state));
            }
            case Detach d -> {
                breakpoints.clear();
                attached = null;
                reply(new Ok(id));
                if (stopped) resume();
            }
            case SetBreakpoint b -> {
                if (b.method() >= program.size() || program.get((int) b.method()).code().stream().noneMatch(i -> i.offset() == b.offset())) {
                    reply(new DebugMessage.Error(id, ErrorCode.BAD_LOCATION, "no instruction at " + b.method() + ":" + b.offset()));
                    return;
                }
                long bp = nextBreakpoint++;
                breakpoints.put(bp, new long[] {b.method(), b.offset()});
                reply(new BreakpointSet(id, bp));
            }
            case ClearBreakpoint c -> {
                breakpoints.remove(c.breakpoint());
                reply(new Ok(id));
            }
            case SetExceptionStops s -> {
                exceptionFlags = s.flags();
                reply(new Ok(id));
            }
            case Pause p -> {
                reply(new Ok(id));
                if (!stopped && started) {
                    stopped = true;
                    event(new Stopped(1, StopReason.PAUSE, 0, Value.NULL_VALUE, false));
                }
            }
            case Continue c -> {
                reply(new Ok(id));
                resume();
            }
            case Step s -> {
                reply(new Ok(id));
                stepping = s;
                stepDepth = stack.size() - (int) s.frame();
                resume();
            }
            case Tasks t -> reply(new TaskList(id, started && stack != null ? List.of(new TaskInfo(1, stopped ? TaskState.STOPPED : TaskState.RUNNABLE)) : List.of()));
            case Stack s -> {
                List<DebugMessage.Frame> frames = new ArrayList<>();
                for (long i = s.start(); i < s.start() + s.count() && i < stack.size(); i++) {
                    Frame f = stack.get(stack.size() - 1 - (int) i);
                    frames.add(new DebugMessage.Frame(f.method, program.get(f.method).code().get(f.pc).offset()));
                }
                reply(new Frames(id, stack.size(), frames));
            }
            case Locals l -> {
                if (l.frame() >= stack.size()) {
                    reply(new DebugMessage.Error(id, ErrorCode.NO_SUCH_FRAME, "no frame " + l.frame()));
                    return;
                }
                Object[] slots = stack.get(stack.size() - 1 - (int) l.frame()).slots;
                reply(values(id, slots, l.start(), l.count()));
            }
            case GetObject o -> {
                if (o.reference() == 0 || o.reference() > handedOut.size()) {
                    reply(new DebugMessage.Error(id, ErrorCode.STALE_REFERENCE, "no object " + o.reference()));
                    return;
                }
                Object target = handedOut.get((int) o.reference() - 1);
                Object[] parts;
                if (target instanceof String s) {
                    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    parts = new Object[b.length];
                    for (int i = 0; i < b.length; i++) parts[i] = (long) (b[i] & 0xFF);
                } else if (((Obj) target).bytes != null) {
                    byte[] b = ((Obj) target).bytes;
                    parts = new Object[b.length];
                    for (int i = 0; i < b.length; i++) parts[i] = (long) (b[i] & 0xFF);
                } else {
                    parts = ((Obj) target).fields;
                }
                reply(values(id, parts, o.start(), o.count()));
            }
            case Globals g -> reply(values(id, globals, g.start(), g.count()));
        }
    }

    private int stepDepth;

    /** As many values as fit one link message, like the agent must. */
    private Values values(long id, Object[] from, long start, long count) {
        List<Value> values = new ArrayList<>();
        int size = 8;
        for (long i = start; i < start + count && i < from.length; i++) {
            Value v = value(from[(int) i]);
            size += DebugCodec.size(v);
            if (size > DebugCodec.MAX_MESSAGE) break;
            values.add(v);
        }
        return new Values(id, values);
    }

    private Value value(Object o) {
        return switch (o) {
            case null -> Value.NULL_VALUE;
            case Boolean b -> new Value.Bool(b);
            case Long l -> new Value.Int(l);
            case Integer i -> new Value.Int(i);
            case Double d -> new Value.Float(d);
            case String s -> {
                handedOut.add(s);
                byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                int n = Math.min(b.length, Value.STRING_PREFIX);
                while (n < b.length && (b[n] & 0xC0) == 0x80) n--;
                yield new Value.Str(handedOut.size(), b.length, new String(b, 0, n, java.nio.charset.StandardCharsets.UTF_8));
            }
            case Obj obj -> {
                handedOut.add(obj);
                yield new Value.Obj(handedOut.size(), obj.classIndex, obj.bytes != null ? obj.bytes.length : obj.fields.length);
            }
            default -> throw new IllegalArgumentException("no value for " + o);
        };
    }

    private void reply(Response r) {
        send(DeviceConnection.DEBUG, DebugCodec.encode(r));
    }

    // ------------------------------------------------------------------ running

    private void resume() {
        stopped = false;
        handedOut.clear();
        event(new Continued());
        run();
    }

    private int offset(Frame f) {
        return program.get(f.method).code().get(f.pc).offset();
    }

    /** Runs until a breakpoint, the end of a step, an exception stop or the end of the program. */
    private void run() {
        if (pendingException != null) {
            Object exception = pendingException;
            pendingException = null;
            exit(1, "uncaught exception: " + (exception instanceof Obj ? "an object" : exception));
            return;
        }
        boolean first = true;
        while (!stack.isEmpty()) {
            Frame top = stack.get(stack.size() - 1);
            if (!first && attached != null) {
                for (Map.Entry<Long, long[]> bp : breakpoints.entrySet()) {
                    if (bp.getValue()[0] == top.method && bp.getValue()[1] == offset(top)) {
                        stopped = true;
                        stepping = null;
                        event(new Stopped(1, StopReason.BREAKPOINT, bp.getKey(), Value.NULL_VALUE, false));
                        return;
                    }
                }
                if (stepping != null && stepDone(top)) {
                    stopped = true;
                    stepping = null;
                    event(new Stopped(1, StopReason.STEP, 0, Value.NULL_VALUE, false));
                    return;
                }
            }
            first = false;
            Op op = program.get(top.method).code().get(top.pc).op();
            switch (op) {
                case Set s -> {
                    top.slots[s.slot()] = s.value().apply(top.slots);
                    top.pc++;
                }
                case Print p -> {
                    String name = running.keySet().stream().filter(running::get).findFirst().orElse("");
                    send(DeviceConnection.CONSOLE, new ConsoleOutput(name, ConsoleOutput.Stream.STDOUT, p.text().apply(top.slots) + "\n").encode());
                    top.pc++;
                }
                case Nop n -> top.pc++;
                case Call c -> {
                    Object[] slots = new Object[program.get(c.method()).slots()];
                    for (int i = 0; i < c.argSlots().length; i++) slots[i] = top.slots[c.argSlots()[i]];
                    stack.add(new Frame(c.method(), slots));
                }
                case Return r -> {
                    stack.remove(stack.size() - 1);
                    if (!stack.isEmpty()) stack.get(stack.size() - 1).pc++;
                }
                case Throw t -> {
                    Object exception = t.value().apply(top.slots);
                    if (attached != null && (exceptionFlags & 3) != 0) {
                        stopped = true;
                        stepping = null;
                        pendingException = exception; // resuming after an uncaught exception ends the program
                        event(new Stopped(1, StopReason.EXCEPTION, 0, value(exception), true));
                        return;
                    }
                    exit(1, "uncaught exception: " + exception);
                    return;
                }
                default -> throw new IllegalStateException();
            }
        }
        exit(0, "");
    }

    private Object pendingException;

    private boolean stepDone(Frame top) {
        int depth = stack.size();
        if (depth < stepDepth) return true;
        if (stepping.mode() == StepMode.OUT) return false;
        if (depth > stepDepth) return stepping.mode() == StepMode.IN;
        long at = offset(top);
        for (Range r : stepping.ranges()) {
            if (at >= r.from() && at < r.to()) return false;
        }
        return true;
    }

    private void exit(long code, String reason) {
        if (attached != null) {
            event(new Exited(code, reason));
            attached = null;
        }
        String name = running.keySet().stream().filter(running::get).findFirst().orElse(null);
        if (name != null) {
            running.put(name, false);
            send(DeviceConnection.MANAGEMENT, ManagementCodec.encode(new io.eave.device.Message.Exited(name, code,
                    code == 0 ? io.eave.device.Message.EndKind.CODE : io.eave.device.Message.EndKind.EXCEPTION, reason, List.of())));
        }
        stack = new ArrayList<>();
        started = false;
    }

    @Override
    public void close() throws IOException {
        server.close();
        worker.shutdownNow();
    }
}
