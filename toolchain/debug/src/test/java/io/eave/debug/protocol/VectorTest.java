package io.eave.debug.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.eave.debug.protocol.DebugMessage.*;

/** The codec against docs/vectors/debug/debug-vectors.txt (written by an independent Python encoder). */
class VectorTest {
    static final Path VECTORS = Path.of("../../docs/vectors/debug/debug-vectors.txt");
    private static final HexFormat HEX = HexFormat.of();

    record Vector(String kind, String name, Map<String, String> fields) {
        String get(String key) {
            String v = fields.get(key);
            if (v == null) throw new IllegalArgumentException(name + ": no " + key);
            return v;
        }

        long num(String key) {
            return Long.parseLong(get(key));
        }

        byte[] bytes() {
            String b = get("bytes");
            return b.equals("-") ? new byte[0] : HEX.parseHex(b);
        }

        String text(String key) {
            String v = get(key);
            return v.equals("-") ? "" : new String(HEX.parseHex(v), StandardCharsets.UTF_8);
        }
    }

    static List<Vector> vectors() throws IOException {
        List<Vector> all = new ArrayList<>();
        for (String line : Files.readAllLines(VECTORS)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] parts = line.split(" ");
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 2; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                fields.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
            }
            all.add(new Vector(parts[0], parts[1], fields));
        }
        return all;
    }

    static List<String> list(String v) {
        return v.equals("-") ? List.of() : List.of(v.split(","));
    }

    static Value value(String text) {
        String[] p = text.split(":");
        return switch (p[0]) {
            case "null" -> Value.NULL_VALUE;
            case "true" -> new Value.Bool(true);
            case "false" -> new Value.Bool(false);
            case "int" -> new Value.Int(Long.parseLong(p[1]));
            case "float" -> new Value.Float(ByteBuffer.wrap(HEX.parseHex(p[1])).order(ByteOrder.LITTLE_ENDIAN).getDouble());
            case "string" -> new Value.Str(Long.parseLong(p[1]), Long.parseLong(p[2]),
                    p[3].equals("-") ? "" : new String(HEX.parseHex(p[3]), StandardCharsets.UTF_8));
            case "object" -> new Value.Obj(Long.parseLong(p[1]), Long.parseLong(p[2]), Long.parseLong(p[3]));
            default -> throw new IllegalArgumentException("unknown value " + text);
        };
    }

    /** The message a vector's fields describe, built without the codec. */
    static DebugMessage expected(Vector v) {
        long id = v.num("request");
        return switch (v.get("type")) {
            case "attach" -> new Attach(id, v.text("container"));
            case "detach" -> new Detach(id);
            case "set-breakpoint" -> new SetBreakpoint(id, v.num("method"), v.num("offset"));
            case "clear-breakpoint" -> new ClearBreakpoint(id, v.num("breakpoint"));
            case "set-exception-stops" -> new SetExceptionStops(id, (int) v.num("flags"));
            case "pause" -> new Pause(id);
            case "continue" -> new Continue(id);
            case "step" -> new Step(id, v.num("task"), StepMode.values()[(int) v.num("mode")], v.num("frame"),
                    list(v.get("ranges")).stream().map(r -> r.split("-"))
                            .map(r -> new Range(Long.parseLong(r[0]), Long.parseLong(r[1]))).toList());
            case "tasks" -> new Tasks(id);
            case "stack" -> new Stack(id, v.num("task"), v.num("start"), v.num("count"));
            case "locals" -> new Locals(id, v.num("task"), v.num("frame"), v.num("start"), v.num("count"));
            case "object" -> new GetObject(id, v.num("reference"), v.num("start"), v.num("count"));
            case "globals" -> new Globals(id, v.num("start"), v.num("count"));
            case "ok" -> new Ok(id);
            case "error" -> new DebugMessage.Error(id, (int) v.num("code"), v.text("message"));
            case "attached" -> new Attached(id, v.num("container-id"), HEX.parseHex(v.get("image-id")),
                    ContainerState.values()[(int) v.num("state")]);
            case "breakpoint-set" -> new BreakpointSet(id, v.num("breakpoint"));
            case "task-list" -> new TaskList(id, list(v.get("tasks")).stream().map(t -> t.split(":"))
                    .map(t -> new TaskInfo(Long.parseLong(t[0]), TaskState.values()[Integer.parseInt(t[1])])).toList());
            case "frames" -> new Frames(id, v.num("total"), list(v.get("frames")).stream().map(f -> f.split(":"))
                    .map(f -> new DebugMessage.Frame(Long.parseLong(f[0]), Long.parseLong(f[1]))).toList());
            case "values" -> new Values(id, list(v.get("values")).stream().map(VectorTest::value).toList());
            case "stopped" -> new Stopped(v.num("task"), StopReason.values()[(int) v.num("reason")], v.num("breakpoint"),
                    value(v.get("exception")), v.num("uncaught") == 1);
            case "continued" -> new Continued();
            case "exited" -> new Exited(v.num("code"), v.text("reason"));
            default -> throw new IllegalArgumentException("unknown type " + v.get("type"));
        };
    }

    @TestFactory
    Stream<DynamicTest> everyMessageEncodesToItsBytesAndDecodesToItsFields() throws IOException {
        return vectors().stream().filter(v -> v.kind().equals("message")).map(v -> DynamicTest.dynamicTest(v.name(), () -> {
            DebugMessage message = expected(v);
            assertEquals(v.get("bytes"), HEX.formatHex(DebugCodec.encode(message)), "encoding of " + v.name());
            assertEquals(message, DebugCodec.decode(v.bytes()), "decoding of " + v.name());
            if (message instanceof Request) {
                assertEquals(message, DebugCodec.decodeRequest(v.bytes()));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyMalformedRequestIsRefusedWithItsRequestId() throws IOException {
        return vectors().stream().filter(v -> v.kind().equals("malformed")).map(v -> DynamicTest.dynamicTest(v.name(), () -> {
            MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> DebugCodec.decodeRequest(v.bytes()));
            assertEquals(v.num("request"), e.request(), "request id read from " + v.name() + ": " + e.getMessage());
            assertEquals(ErrorCode.BAD_REQUEST, (int) v.num("error"));
        }));
    }

    @Test
    void theVectorsCoverEveryMessageType() throws IOException {
        List<String> types = vectors().stream().filter(v -> v.kind().equals("message")).map(v -> v.get("type")).distinct().toList();
        assertEquals(23, types.size(), "types covered: " + types);
        assertTrue(vectors().stream().filter(v -> v.kind().equals("malformed")).count() >= 15);
    }

    @Test
    void theEncoderRefusesWhatTheWireCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> DebugCodec.encode(new SetBreakpoint(1, 1L << 32, 0)));
        assertThrows(IllegalArgumentException.class, () -> DebugCodec.encode(new SetExceptionStops(1, 4)));
        assertThrows(IllegalArgumentException.class, () -> DebugCodec.encode(new Values(1, List.of(new Value.Str(1, 100, "x".repeat(65))))));
    }

    @Test
    void anEventWithARequestIdIsMalformed() {
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> DebugCodec.decode(HEX.parseHex("2105")));
        assertTrue(e.getMessage().contains("request id 0"), e.getMessage());
    }

    @Test
    void aByteArrayOf16BytesIsTheImageIdAndNothingElse() {
        assertThrows(MalformedMessageException.class, () -> DebugCodec.decode(HEX.parseHex("1001020f" + "00".repeat(15) + "00")));
        byte[] ok = HEX.parseHex("10010210" + "11".repeat(16) + "02");
        assertArrayEquals(HEX.parseHex("11".repeat(16)), ((Attached) DebugCodec.decode(ok)).imageId());
    }
}
