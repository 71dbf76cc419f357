package io.eave.device;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes management messages (docs/management-protocol.md): a type byte, the
 * request id for requests and responses, then the fields as varints, zigzag varints,
 * length-prefixed UTF-8 and fixed bytes. Decoding is strict: canonical varints, valid UTF-8,
 * names of 1..31 bytes without control characters, nothing left over.
 */
public final class ManagementCodec {
    public static final int PROTOCOL_VERSION = 1;
    /** Largest message: one link frame payload. */
    public static final int MAX_MESSAGE = 512;
    /** Largest INSTALL_DATA chunk. */
    public static final int MAX_CHUNK = 496;
    public static final int MAX_NAME = 31;
    public static final int MAX_TEXT = 160;
    public static final int MAX_ARGS = 8;

    static final int INFO = 0x01, INSTALL_BEGIN = 0x02, INSTALL_DATA = 0x03, INSTALL_END = 0x04, INSTALL_ABORT = 0x05,
            LIST = 0x06, START = 0x07, STOP = 0x08, UNINSTALL = 0x09, SET_RUN_ON_BOOT = 0x0A, OK = 0x40,
            INFO_RESULT = 0x41, INSTALLED = 0x42, LIST_RESULT = 0x43, ERROR = 0x7F, STARTED = 0x80, EXITED = 0x81;

    private ManagementCodec() {}

    /** Thrown for bytes that are not a valid message. */
    public static final class MalformedMessageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        MalformedMessageException(String message) {
            super(message);
        }
    }

    public static byte[] encode(Message message) {
        Writer w = new Writer();
        switch (message) {
            case Message.Info m -> w.u8(INFO).varint(m.request());
            case Message.InstallBegin m -> {
                w.u8(INSTALL_BEGIN).varint(m.request()).name(m.name()).varint(m.size());
                for (int i = 0; i < 4; i++) w.u8((int) (m.crc32() >>> (8 * i)) & 0xFF);
                w.u8(m.runOnBoot() ? 1 : 0);
            }
            case Message.InstallData m -> {
                if (m.data().length > MAX_CHUNK) throw new IllegalArgumentException("chunk of " + m.data().length + " bytes; at most " + MAX_CHUNK);
                w.u8(INSTALL_DATA).varint(m.request()).varint(m.offset()).varint(m.data().length).raw(m.data());
            }
            case Message.InstallEnd m -> w.u8(INSTALL_END).varint(m.request());
            case Message.InstallAbort m -> w.u8(INSTALL_ABORT).varint(m.request());
            case Message.ListContainers m -> w.u8(LIST).varint(m.request()).varint(m.first());
            case Message.Start m -> {
                if (m.args().size() > MAX_ARGS) throw new IllegalArgumentException("at most " + MAX_ARGS + " arguments");
                w.u8(START).varint(m.request()).name(m.name()).varint(m.args().size());
                for (String arg : m.args()) w.text(arg);
            }
            case Message.Stop m -> w.u8(STOP).varint(m.request()).name(m.name());
            case Message.Uninstall m -> w.u8(UNINSTALL).varint(m.request()).name(m.name());
            case Message.SetRunOnBoot m -> w.u8(SET_RUN_ON_BOOT).varint(m.request()).name(m.name()).u8(m.runOnBoot() ? 1 : 0);
            case Message.Ok m -> w.u8(OK).varint(m.request());
            case Message.InfoResult m -> w.u8(INFO_RESULT).varint(m.request()).varint(m.protocol()).varint(m.maxChunk())
                    .varint(m.capacity()).varint(m.free()).varint(m.maxEntries()).varint(m.entries());
            case Message.Installed m -> w.u8(INSTALLED).varint(m.request()).raw(m.imageId().bytes()).varint(m.sequence());
            case Message.ListResult m -> {
                w.u8(LIST_RESULT).varint(m.request()).varint(m.total()).varint(m.containers().size());
                for (ContainerInfo c : m.containers()) {
                    w.name(c.name()).raw(c.imageId().bytes()).varint(c.size()).u8(c.state().ordinal()).u8(c.runOnBoot() ? 1 : 0)
                            .svarint(c.exitCode()).text(c.reason()).varint(c.memoryUsed()).varint(c.quota()).varint(c.uptimeMs());
                }
            }
            case Message.Error m -> w.u8(ERROR).varint(m.request()).varint(m.code()).text(m.message());
            case Message.Started m -> w.u8(STARTED).name(m.name()).raw(m.imageId().bytes());
            case Message.Exited m -> {
                w.u8(EXITED).name(m.name()).svarint(m.exitCode()).u8(m.kind().ordinal()).text(m.reason()).varint(m.trace().size());
                for (Message.TraceEntry t : m.trace()) w.varint(t.method()).varint(t.offset());
            }
        }
        return w.toByteArray();
    }

    /** Decodes a message the device accepts: a request (what the device's decoder checks). */
    public static Message.Request decodeRequest(byte[] bytes) {
        if (bytes.length > 0 && (bytes[0] & 0xFF) >= 0x40) {
            throw new MalformedMessageException(String.format("message type 0x%02x is not a request", bytes[0] & 0xFF));
        }
        return (Message.Request) decode(bytes);
    }

    public static Message decode(byte[] bytes) {
        Reader r = new Reader(bytes);
        int type = r.u8();
        Message m = switch (type) {
            case INFO -> new Message.Info(r.u32());
            case INSTALL_BEGIN -> new Message.InstallBegin(r.u32(), r.name(), r.u32(), r.fixed32(), r.bool());
            case INSTALL_DATA -> {
                long id = r.u32(), offset = r.u32();
                long length = r.u32();
                if (length > MAX_CHUNK) throw new MalformedMessageException("chunk of " + length + " bytes; at most " + MAX_CHUNK);
                yield new Message.InstallData(id, offset, r.bytes((int) length));
            }
            case INSTALL_END -> new Message.InstallEnd(r.u32());
            case INSTALL_ABORT -> new Message.InstallAbort(r.u32());
            case LIST -> new Message.ListContainers(r.u32(), r.u32());
            case START -> {
                long id = r.u32();
                String name = r.name();
                long count = r.u32();
                if (count > MAX_ARGS) throw new MalformedMessageException(count + " arguments; at most " + MAX_ARGS);
                List<String> args = new ArrayList<>();
                for (int i = 0; i < count; i++) args.add(r.text(Integer.MAX_VALUE));
                yield new Message.Start(id, name, List.copyOf(args));
            }
            case STOP -> new Message.Stop(r.u32(), r.name());
            case UNINSTALL -> new Message.Uninstall(r.u32(), r.name());
            case SET_RUN_ON_BOOT -> new Message.SetRunOnBoot(r.u32(), r.name(), r.bool());
            case OK -> new Message.Ok(r.u32());
            case INFO_RESULT -> new Message.InfoResult(r.u32(), r.u32(), r.u32(), r.u32(), r.u32(), r.u32(), r.u32());
            case INSTALLED -> new Message.Installed(r.u32(), new ImageId(r.bytes(16)), r.u32());
            case LIST_RESULT -> {
                long id = r.u32(), total = r.u32(), count = r.u32();
                List<ContainerInfo> list = new ArrayList<>();
                for (long i = 0; i < count; i++) {
                    list.add(new ContainerInfo(r.name(), new ImageId(r.bytes(16)), r.u32(), r.state(), r.bool(), r.svarint(),
                            r.text(MAX_TEXT), r.varint(10), r.varint(10), r.varint(10)));
                }
                yield new Message.ListResult(id, total, List.copyOf(list));
            }
            case ERROR -> new Message.Error(r.u32(), (int) r.u32(), r.text(MAX_TEXT));
            case STARTED -> new Message.Started(r.name(), new ImageId(r.bytes(16)));
            case EXITED -> {
                String name = r.name();
                long code = r.svarint();
                Message.EndKind kind = r.endKind();
                String reason = r.text(MAX_TEXT);
                long count = r.u32();
                if (count > 64) throw new MalformedMessageException("trace of " + count + " frames");
                List<Message.TraceEntry> trace = new ArrayList<>();
                for (long i = 0; i < count; i++) trace.add(new Message.TraceEntry(r.u32(), r.u32()));
                yield new Message.Exited(name, code, kind, reason, List.copyOf(trace));
            }
            default -> throw new MalformedMessageException(String.format("unknown message type 0x%02x", type));
        };
        if (r.remaining() != 0) throw new MalformedMessageException(r.remaining() + " bytes after the message");
        return m;
    }

    /** Writes the protocol's primitive types. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer u8(int value) {
            out.write(value);
            return this;
        }

        Writer varint(long value) {
            do {
                int b = (int) (value & 0x7F);
                value >>>= 7;
                out.write(value != 0 ? b | 0x80 : b);
            } while (value != 0);
            return this;
        }

        Writer svarint(long value) {
            return varint((value << 1) ^ (value >> 63));
        }

        Writer raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        Writer text(String text) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            return varint(b.length).raw(b);
        }

        Writer name(String name) {
            checkName(name);
            return text(name);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    /** Checks a container name as the device will; throws with the reason. */
    public static void checkName(String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        if (b.length == 0 || b.length > MAX_NAME) {
            throw new IllegalArgumentException("container name '" + name + "' has " + b.length + " bytes; use 1 to " + MAX_NAME);
        }
        for (byte c : b) {
            if ((c & 0xFF) < 0x20 || c == 0x7F) throw new IllegalArgumentException("container name '" + name + "' holds a control character");
        }
    }

    /** Reads the protocol's primitive types; every fault is a MalformedMessageException. */
    static final class Reader {
        private final byte[] bytes;
        private int at;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int remaining() {
            return bytes.length - at;
        }

        int u8() {
            if (at >= bytes.length) throw new MalformedMessageException("message ends early");
            return bytes[at++] & 0xFF;
        }

        long varint(int maxBytes) {
            long value = 0;
            for (int i = 0; i < maxBytes; i++) {
                int b = u8();
                value |= (long) (b & 0x7F) << (7 * i);
                if ((b & 0x80) == 0) {
                    if (i > 0 && b == 0) throw new MalformedMessageException("varint not in its shortest form");
                    if (i == 9 && b > 1) throw new MalformedMessageException("varint beyond 64 bits");
                    return value;
                }
            }
            throw new MalformedMessageException("varint longer than " + maxBytes + " bytes");
        }

        long u32() {
            long v = varint(5);
            if (v > 0xFFFF_FFFFL) throw new MalformedMessageException("varint beyond 32 bits");
            return v;
        }

        long svarint() {
            long u = varint(10);
            return (u >>> 1) ^ -(u & 1);
        }

        long fixed32() {
            long v = 0;
            for (int i = 0; i < 4; i++) v |= (long) u8() << (8 * i);
            return v;
        }

        boolean bool() {
            int b = u8();
            if (b > 1) throw new MalformedMessageException("flag " + b + " is neither 0 nor 1");
            return b == 1;
        }

        ContainerInfo.State state() {
            try {
                return ContainerInfo.State.of(u8());
            } catch (IllegalArgumentException e) {
                throw new MalformedMessageException(e.getMessage());
            }
        }

        Message.EndKind endKind() {
            try {
                return Message.EndKind.of(u8());
            } catch (IllegalArgumentException e) {
                throw new MalformedMessageException(e.getMessage());
            }
        }

        byte[] bytes(int n) {
            if (n < 0 || n > remaining()) throw new MalformedMessageException("message ends early");
            byte[] b = java.util.Arrays.copyOfRange(bytes, at, at + n);
            at += n;
            return b;
        }

        byte[] rest() {
            return bytes(remaining());
        }

        String text(int limit) {
            long n = u32();
            if (n > remaining()) throw new MalformedMessageException("string runs past the message");
            if (n > limit) throw new MalformedMessageException("string of " + n + " bytes; at most " + limit);
            byte[] b = bytes((int) n);
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            } catch (CharacterCodingException e) {
                throw new MalformedMessageException("string is not valid UTF-8");
            }
        }

        String name() {
            String name = text(MAX_NAME);
            try {
                checkName(name);
            } catch (IllegalArgumentException e) {
                throw new MalformedMessageException(e.getMessage());
            }
            return name;
        }
    }
}
