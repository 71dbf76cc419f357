package io.eave.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/** The shared byte vectors of docs/vectors/link/ (the C tests read the same file). */
class VectorsTest {

    static final Path VECTORS = Path.of("../../docs/vectors/link/link-vectors.txt");
    private static final HexFormat HEX = HexFormat.of();

    record Vector(String kind, String name, Map<String, String> fields) {
        byte[] bytes(String key) {
            String value = fields.get(key);
            if (value == null) {
                throw new AssertionError(kind + " " + name + " has no " + key);
            }
            return value.equals("-") ? new byte[0] : HEX.parseHex(value);
        }

        int number(String key, int radix) {
            return Integer.parseInt(fields.get(key), radix);
        }
    }

    static List<Vector> read() throws IOException {
        List<Vector> vectors = new ArrayList<>();
        for (String line : Files.readAllLines(VECTORS)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(" ");
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 2; i < parts.length; i++) {
                int equals = parts[i].indexOf('=');
                fields.put(parts[i].substring(0, equals), parts[i].substring(equals + 1));
            }
            vectors.add(new Vector(parts[0], parts[1], fields));
        }
        return vectors;
    }

    private static List<Vector> of(String kind) throws IOException {
        List<Vector> found = read().stream().filter(v -> v.kind().equals(kind)).toList();
        assertTrue(!found.isEmpty(), "the vectors file has " + kind + " lines");
        return found;
    }

    private static Map<String, byte[]> frames() throws IOException {
        Map<String, byte[]> frames = new HashMap<>();
        for (Vector v : of("frame")) {
            frames.put(v.name(), v.bytes("bytes"));
        }
        return frames;
    }

    @Test
    void framesEncodeAndDecodeToTheVectors() throws IOException {
        for (Vector v : of("frame")) {
            Frame frame = new Frame(v.number("flags", 16), v.number("channel", 16), v.number("seq", 16), v.bytes("payload"));
            assertArrayEquals(v.bytes("bytes"), frame.encode(), v.name());
            List<Frame> decoded = new ArrayList<>();
            new FrameDecoder().feed(v.bytes("bytes"), 0, v.bytes("bytes").length, decoded::add);
            assertEquals(List.of(frame), decoded, v.name());
        }
    }

    @Test
    void streamsYieldTheirFramesWholeAndByteByByte() throws IOException {
        Map<String, byte[]> frames = frames();
        for (Vector v : of("stream")) {
            List<String> expected = new ArrayList<>();
            if (!v.fields().get("frames").equals("-")) {
                for (String name : v.fields().get("frames").split(",")) {
                    expected.add(HEX.formatHex(frames.get(name)));
                }
            }
            byte[] bytes = v.bytes("bytes");
            for (boolean piecewise : new boolean[] {false, true}) {
                FrameDecoder decoder = new FrameDecoder();
                List<String> got = new ArrayList<>();
                FrameDecoder.Listener collect = frame -> got.add(HEX.formatHex(frame.encode()));
                if (piecewise) {
                    for (int i = 0; i < bytes.length; i++) {
                        decoder.feed(bytes, i, 1, collect);
                    }
                } else {
                    decoder.feed(bytes, 0, bytes.length, collect);
                }
                assertEquals(expected, got, v.name() + (piecewise ? " byte by byte" : ""));
                assertEquals(v.number("corrupt", 10), decoder.corrupt(), v.name() + " corrupt count");
            }
        }
    }

    @Test
    void sha256AndHmacMatchTheStandardVectors() throws IOException, Exception {
        for (Vector v : of("sha256")) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < v.number("repeat", 10); i++) {
                sha.update(v.bytes("message"));
            }
            assertArrayEquals(v.bytes("digest"), sha.digest(), v.name());
        }
        for (Vector v : of("hmac")) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(v.bytes("key"), "HmacSHA256"));
            assertArrayEquals(v.bytes("mac"), mac.doFinal(v.bytes("message")), v.name());
        }
    }

    @Test
    void authenticationMacMatchesTheVector() throws IOException, NoSuchAlgorithmException {
        for (Vector v : of("auth")) {
            assertArrayEquals(v.bytes("mac"), Control.authMac(v.bytes("secret"), v.bytes("device-id"), v.bytes("challenge")), v.name());
        }
    }

    @Test
    void controlMessagesEncodeAndDecodeToTheVectors() throws Exception {
        for (Vector v : of("hello")) {
            Hello hello = new Hello(v.number("protocol", 10), v.number("flags", 10), v.bytes("device-id"), v.bytes("challenge"),
                    Hello.text(v.bytes("firmware")), Hello.text(v.bytes("name")), Hello.text(v.bytes("board")));
            assertArrayEquals(v.bytes("payload"), hello.encode());
            assertEquals(hello, Hello.decode(v.bytes("payload")));
        }
        Map<String, Vector> control = new HashMap<>();
        of("control").forEach(v -> control.put(v.name(), v));
        assertArrayEquals(control.get("hello-request").bytes("payload"), Control.helloRequest());
        Vector auth = of("auth").get(0);
        assertArrayEquals(control.get("auth").bytes("payload"),
                Control.auth(Control.authMac(auth.bytes("secret"), auth.bytes("device-id"), auth.bytes("challenge"))));
        assertArrayEquals(control.get("auth-ok").bytes("payload"), new byte[] {Control.AUTH_OK});
        for (Vector v : of("refused")) {
            Control.Refusal refusal = new Control.Refusal(v.number("reason", 10), Hello.text(v.bytes("message")));
            assertArrayEquals(v.bytes("payload"), refusal.encode());
            assertEquals(refusal, Control.Refusal.decode(v.bytes("payload")));
        }
    }
}
