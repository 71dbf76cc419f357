package io.eave.debug.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.eave.debug.protocol.DebugMessage.*;

/**
 * Encodes and decodes the messages of docs/debug-protocol.md. Decoding is strict, like the
 * agent's: varints in the fewest bytes and within range, {@code u8} fields within their values,
 * valid UTF-8, nothing left over; anything else is a {@link MalformedMessageException}.
 */
public final class DebugCodec {
    /** A message travels as one link message. */
    public static final int MAX_MESSAGE = 512;
    public static final int IMAGE_ID_SIZE = 16;
    public static final long MAX_VARINT = 0xFFFF_FFFFL;

    static final int ATTACH = 1, DETACH = 2, SET_BREAKPOINT = 3, CLEAR_BREAKPOINT = 4, SET_EXCEPTION_STOPS = 5,
            PAUSE = 6, CONTINUE = 7, STEP = 8, TASKS = 9, STACK = 10, LOCALS = 11, OBJECT = 12, GLOBALS = 13;
    static final int OK = 14, ERROR = 15, ATTACHED = 16, BREAKPOINT_SET = 17, TASK_LIST = 18, FRAMES = 19, VALUES = 20;
    static final int STOPPED = 32, CONTINUED = 33, EXITED = 34;

    private DebugCodec() {
    }

    // ---------------------------------------------------------------- encoding

    public static byte[] encode(DebugMessage message) {
        Writer w = new Writer();
        switch (message) {
            case Attach m -> w.head(ATTACH, m.request()).string(m.container());
            case Detach m -> w.head(DETACH, m.request());
            case SetBreakpoint m -> w.head(SET_BREAKPOINT, m.request()).varint(m.method()).varint(m.offset());
            case ClearBreakpoint m -> w.head(CLEAR_BREAKPOINT, m.request()).varint(m.breakpoint());
            case SetExceptionStops m -> w.head(SET_EXCEPTION_STOPS, m.request()).u8(checkFlags(m.flags()));
            case Pause m -> w.head(PAUSE, m.request());
            case Continue m -> w.head(CONTINUE, m.request());
            case Step m -> {
                w.head(STEP, m.request()).varint(m.task()).u8(m.mode().ordinal()).varint(m.frame()).varint(m.ranges().size());
                for (Range r : m.ranges()) {
                    w.varint(r.from()).varint(r.to());
                }
            }
            case Tasks m -> w.head(TASKS, m.request());
            case Stack m -> w.head(STACK, m.request()).varint(m.task()).varint(m.start()).varint(m.count());
            case Locals m -> w.head(LOCALS, m.request()).varint(m.task()).varint(m.frame()).varint(m.start()).varint(m.count());
            case GetObject m -> w.head(OBJECT, m.request()).varint(m.reference()).varint(m.start()).varint(m.count());
            case Globals m -> w.head(GLOBALS, m.request()).varint(m.start()).varint(m.count());
            case Ok m -> w.head(OK, m.request());
            case DebugMessage.Error m -> w.head(ERROR, m.request()).varint(m.code()).string(m.message());
            case Attached m -> w.head(ATTACHED, m.request()).varint(m.containerId()).bytes(m.imageId()).u8(m.state().ordinal());
            case BreakpointSet m -> w.head(BREAKPOINT_SET, m.request()).varint(m.breakpoint());
            case TaskList m -> {
                w.head(TASK_LIST, m.request()).varint(m.tasks().size());
                for (TaskInfo t : m.tasks()) {
                    w.varint(t.id()).u8(t.state().ordinal());
                }
            }
            case Frames m -> {
                w.head(FRAMES, m.request()).varint(m.total()).varint(m.frames().size());
                for (Frame f : m.frames()) {
                    w.varint(f.method()).varint(f.offset());
                }
            }
            case Values m -> {
                w.head(VALUES, m.request()).varint(m.values().size());
                for (Value v : m.values()) {
                    w.value(v);
                }
            }
            case Stopped m -> w.head(STOPPED, 0).varint(m.task()).u8(m.reason().ordinal()).varint(m.breakpoint())
                    .value(m.exception()).u8(m.uncaught() ? 1 : 0);
            case Continued m -> w.head(CONTINUED, 0);
            case Exited m -> w.head(EXITED, 0).svarint(m.code()).string(m.reason());
        }
        return w.toByteArray();
    }

    /** The encoded size of one value (what an agent needs to know to fill a message). */
    public static int size(Value value) {
        return new Writer().value(value).size();
    }

    private static int checkFlags(int flags) {
        if (flags < 0 || flags > 3) {
            throw new IllegalArgumentException("exception stop flags " + flags + ": use 0 to 3 (1 uncaught, 2 all)");
        }
        return flags;
    }

    // ---------------------------------------------------------------- decoding

    /** Decodes any message (the adapter decodes responses and events; tests decode everything). */
    public static DebugMessage decode(byte[] bytes) {
        Reader r = new Reader(bytes);
        int type = r.u8("type");
        long request = r.varint("request id");
        r.request = request;
        DebugMessage message = switch (type) {
            case ATTACH, DETACH, SET_BREAKPOINT, CLEAR_BREAKPOINT, SET_EXCEPTION_STOPS, PAUSE, CONTINUE, STEP, TASKS, STACK,
                 LOCALS, OBJECT, GLOBALS -> requestBody(type, request, r);
            case OK -> new Ok(request);
            case ERROR -> new DebugMessage.Error(request, (int) r.varint("error code"), r.string("error message"));
            case ATTACHED -> new Attached(request, r.varint("container id"), r.bytes(IMAGE_ID_SIZE, "image id"),
                    ContainerState.values()[r.u8(ContainerState.values().length, "container state")]);
            case BREAKPOINT_SET -> new BreakpointSet(request, r.varint("breakpoint id"));
            case TASK_LIST -> {
                long n = r.count(2, "task count");
                List<TaskInfo> tasks = new ArrayList<>();
                for (long i = 0; i < n; i++) {
                    tasks.add(new TaskInfo(r.varint("task id"), TaskState.values()[r.u8(TaskState.values().length, "task state")]));
                }
                yield new TaskList(request, tasks);
            }
            case FRAMES -> {
                long total = r.varint("total depth");
                long n = r.count(2, "frame count");
                List<Frame> frames = new ArrayList<>();
                for (long i = 0; i < n; i++) {
                    frames.add(new Frame(r.varint("method"), r.varint("offset")));
                }
                yield new Frames(request, total, frames);
            }
            case VALUES -> {
                long n = r.count(1, "value count");
                List<Value> values = new ArrayList<>();
                for (long i = 0; i < n; i++) {
                    values.add(r.value());
                }
                yield new Values(request, values);
            }
            case STOPPED -> new Stopped(r.varint("task"),
                    StopReason.values()[r.u8(StopReason.values().length, "stop reason")],
                    r.varint("breakpoint id"), r.value(), r.u8(2, "uncaught") == 1);
            case CONTINUED -> new Continued();
            case EXITED -> new Exited(r.svarint("exit code"), r.string("exit reason"));
            default -> throw r.malformed("unknown message type " + type);
        };
        if (message instanceof Event && request != 0) {
            throw r.malformed("an event carries request id 0, not " + request);
        }
        r.end();
        return message;
    }

    /** Decodes a request, as the agent does: responses and events are refused too. */
    public static Request decodeRequest(byte[] bytes) {
        Reader r = new Reader(bytes);
        int type = r.u8("type");
        long request = r.varint("request id");
        r.request = request;
        if (type < ATTACH || type > GLOBALS) {
            throw r.malformed("message type " + type + " is not a request");
        }
        Request message = requestBody(type, request, r);
        r.end();
        return message;
    }

    private static Request requestBody(int type, long request, Reader r) {
        return switch (type) {
            case ATTACH -> new Attach(request, r.string("container name"));
            case DETACH -> new Detach(request);
            case SET_BREAKPOINT -> new SetBreakpoint(request, r.varint("method"), r.varint("offset"));
            case CLEAR_BREAKPOINT -> new ClearBreakpoint(request, r.varint("breakpoint id"));
            case SET_EXCEPTION_STOPS -> new SetExceptionStops(request, r.u8(4, "exception stop flags"));
            case PAUSE -> new Pause(request);
            case CONTINUE -> new Continue(request);
            case STEP -> {
                long task = r.varint("task");
                StepMode mode = StepMode.values()[r.u8(StepMode.values().length, "step mode")];
                long frame = r.varint("frame");
                long n = r.count(2, "range count");
                List<Range> ranges = new ArrayList<>();
                for (long i = 0; i < n; i++) {
                    ranges.add(new Range(r.varint("range start"), r.varint("range end")));
                }
                yield new Step(request, task, mode, frame, ranges);
            }
            case TASKS -> new Tasks(request);
            case STACK -> new Stack(request, r.varint("task"), r.varint("start frame"), r.varint("count"));
            case LOCALS -> new Locals(request, r.varint("task"), r.varint("frame"), r.varint("start slot"), r.varint("count"));
            case OBJECT -> new GetObject(request, r.varint("reference"), r.varint("start"), r.varint("count"));
            case GLOBALS -> new Globals(request, r.varint("start"), r.varint("count"));
            default -> throw new IllegalStateException("not a request type: " + type);
        };
    }

    // ---------------------------------------------------------------- wire

    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer head(int type, long request) {
            return u8(type).varint(request);
        }

        Writer u8(int value) {
            out.write(value);
            return this;
        }

        Writer varint(long value) {
            if (value < 0 || value > MAX_VARINT) {
                throw new IllegalArgumentException("varint out of range: " + value + " (0 to 2^32-1)");
            }
            return unsigned(value);
        }

        private Writer unsigned(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
            return this;
        }

        Writer svarint(long value) {
            return unsigned((value << 1) ^ (value >> 63));
        }

        Writer string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length);
            out.writeBytes(b);
            return this;
        }

        Writer bytes(byte[] b) {
            varint(b.length);
            out.writeBytes(b);
            return this;
        }

        Writer value(Value v) {
            switch (v) {
                case Value.Null n -> u8(Value.NULL);
                case Value.Bool b -> u8(b.value() ? Value.TRUE : Value.FALSE);
                case Value.Int i -> u8(Value.INT).svarint(i.value());
                case Value.Float f -> {
                    u8(Value.FLOAT);
                    out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(f.value()).array());
                }
                case Value.Str s -> {
                    byte[] prefix = s.prefix().getBytes(StandardCharsets.UTF_8);
                    if (prefix.length > Value.STRING_PREFIX || prefix.length > s.size()) {
                        throw new IllegalArgumentException("a string value carries at most " + Value.STRING_PREFIX
                                + " bytes and no more than its size, not " + prefix.length);
                    }
                    u8(Value.STRING).varint(s.reference()).varint(s.size()).varint(prefix.length);
                    out.writeBytes(prefix);
                }
                case Value.Obj o -> u8(Value.OBJECT).varint(o.reference()).varint(o.classIndex()).varint(o.size());
            }
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    static final class Reader {
        private final byte[] bytes;
        private int at;
        long request;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        MalformedMessageException malformed(String what) {
            return new MalformedMessageException(what + " (at byte " + at + " of " + bytes.length + ")", request);
        }

        int u8(String what) {
            if (at >= bytes.length) {
                throw malformed(bytes.length == 0 ? "an empty message" : "the message ends before its " + what);
            }
            return bytes[at++] & 0xFF;
        }

        /** A u8 that must be below {@code limit}. */
        int u8(int limit, String what) {
            int value = u8(what);
            if (value >= limit) {
                throw malformed(what + " " + value + " is not one of 0.." + (limit - 1));
            }
            return value;
        }

        long varint(String what) {
            long value = 0;
            for (int i = 0; i < 5; i++) {
                int b = u8(what);
                value |= (long) (b & 0x7F) << (7 * i);
                if ((b & 0x80) == 0) {
                    if (b == 0 && i > 0) {
                        throw malformed(what + ": a varint not in its fewest bytes");
                    }
                    if (value > MAX_VARINT) {
                        throw malformed(what + ": a varint above 2^32-1");
                    }
                    return value;
                }
            }
            throw malformed(what + ": a varint longer than 5 bytes");
        }

        long svarint(String what) {
            long zigzag = 0;
            for (int i = 0; i < 10; i++) {
                int b = u8(what);
                if (i == 9 && b > 1) {
                    throw malformed(what + ": a signed varint beyond 64 bits");
                }
                zigzag |= (long) (b & 0x7F) << (7 * i);
                if ((b & 0x80) == 0) {
                    if (b == 0 && i > 0) {
                        throw malformed(what + ": a varint not in its fewest bytes");
                    }
                    return (zigzag >>> 1) ^ -(zigzag & 1);
                }
            }
            throw malformed(what + ": a signed varint longer than 10 bytes");
        }

        /** A count of entries of at least {@code minBytes} each: more than the rest could hold is malformed. */
        long count(int minBytes, String what) {
            long n = varint(what);
            if (n * minBytes > bytes.length - at) {
                throw malformed(what + " " + n + " is more than the message holds");
            }
            return n;
        }

        byte[] raw(long n, String what) {
            if (n > bytes.length - at) {
                throw malformed("the message ends inside its " + what);
            }
            byte[] b = java.util.Arrays.copyOfRange(bytes, at, at + (int) n);
            at += (int) n;
            return b;
        }

        byte[] bytes(int size, String what) {
            long n = varint(what + " length");
            if (n != size) {
                throw malformed(what + " of " + n + " bytes; it has " + size);
            }
            return raw(n, what);
        }

        String string(String what) {
            long n = varint(what + " length");
            return utf8(raw(n, what), what);
        }

        String utf8(byte[] b, String what) {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            } catch (CharacterCodingException e) {
                throw malformed(what + " is not valid UTF-8");
            }
        }

        Value value() {
            int kind = u8(Value.OBJECT + 1, "value kind");
            return switch (kind) {
                case Value.NULL -> Value.NULL_VALUE;
                case Value.TRUE -> new Value.Bool(true);
                case Value.FALSE -> new Value.Bool(false);
                case Value.INT -> new Value.Int(svarint("int value"));
                case Value.FLOAT -> new Value.Float(ByteBuffer.wrap(raw(8, "float value")).order(ByteOrder.LITTLE_ENDIAN).getDouble());
                case Value.STRING -> {
                    long reference = varint("string reference");
                    long size = varint("string size");
                    long n = varint("string prefix length");
                    if (n > Value.STRING_PREFIX || n > size) {
                        throw malformed("a string value carries " + n + " bytes of " + size + " (at most " + Value.STRING_PREFIX + ")");
                    }
                    yield new Value.Str(reference, size, utf8(raw(n, "string value"), "string value"));
                }
                default -> new Value.Obj(varint("object reference"), varint("class index"), varint("object size"));
            };
        }

        void end() {
            if (at != bytes.length) {
                throw malformed((bytes.length - at) + " bytes left over after the message");
            }
        }
    }
}
