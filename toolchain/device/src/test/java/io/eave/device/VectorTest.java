package io.eave.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The codec against the shared vectors in docs/vectors/management (also read by the C tests). */
class VectorTest {
    static final Path VECTORS = Path.of(System.getProperty("eave.root", "../.."))
            .resolve("docs/vectors/management/management-vectors.txt");

    record Vector(String kind, String name, Map<String, String> keys) {
        String get(String key) {
            return keys.get(key);
        }

        long num(String key) {
            return Long.parseLong(keys.get(key));
        }

        byte[] hex(String key) {
            String v = keys.get(key);
            return v == null || v.equals("-") ? new byte[0] : HexFormat.of().parseHex(v);
        }

        String text(String key) {
            return new String(hex(key), StandardCharsets.UTF_8);
        }
    }

    static List<Vector> read() throws IOException {
        List<Vector> out = new ArrayList<>();
        for (String line : Files.readAllLines(VECTORS)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] parts = line.split(" ");
            Map<String, String> keys = new LinkedHashMap<>();
            for (int i = 2; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                keys.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
            }
            out.add(new Vector(parts[0], parts[1], keys));
        }
        return out;
    }

    static List<String> textList(String value) {
        List<String> out = new ArrayList<>();
        if (value.equals("-")) return out;
        for (String h : value.split(",")) out.add(new String(HexFormat.of().parseHex(h), StandardCharsets.UTF_8));
        return out;
    }

    static Message expected(Vector v, Map<String, ContainerInfo> entries) {
        long id = v.keys().containsKey("request") ? v.num("request") : 0;
        return switch (v.get("type")) {
            case "info" -> new Message.Info(id);
            case "install-begin" -> new Message.InstallBegin(id, v.text("name"), v.num("size"), Long.parseLong(v.get("crc32"), 16),
                    v.num("run-on-boot") == 1);
            case "install-data" -> new Message.InstallData(id, v.num("offset"), v.hex("data"));
            case "install-end" -> new Message.InstallEnd(id);
            case "install-abort" -> new Message.InstallAbort(id);
            case "list" -> new Message.ListContainers(id, v.num("first"));
            case "start" -> new Message.Start(id, v.text("name"), textList(v.get("args")));
            case "stop" -> new Message.Stop(id, v.text("name"));
            case "uninstall" -> new Message.Uninstall(id, v.text("name"));
            case "set-run-on-boot" -> new Message.SetRunOnBoot(id, v.text("name"), v.num("run-on-boot") == 1);
            case "ok" -> new Message.Ok(id);
            case "info-result" -> new Message.InfoResult(id, v.num("protocol"), v.num("max-chunk"), v.num("capacity"), v.num("free"),
                    v.num("max-entries"), v.num("entries"));
            case "installed" -> new Message.Installed(id, new ImageId(v.hex("image-id")), v.num("sequence"));
            case "list-result" -> {
                List<ContainerInfo> list = new ArrayList<>();
                if (!v.get("entries").equals("-")) for (String n : v.get("entries").split(",")) list.add(entries.get(n));
                yield new Message.ListResult(id, v.num("total"), list);
            }
            case "error" -> new Message.Error(id, (int) v.num("code"), v.text("message"));
            case "started" -> new Message.Started(v.text("name"), new ImageId(v.hex("image-id")));
            case "exited" -> {
                List<Message.TraceEntry> trace = new ArrayList<>();
                if (!v.get("trace").equals("-")) {
                    for (String pair : v.get("trace").split(",")) {
                        String[] mo = pair.split(":");
                        trace.add(new Message.TraceEntry(Long.parseLong(mo[0]), Long.parseLong(mo[1])));
                    }
                }
                yield new Message.Exited(v.text("name"), v.num("exit-code"), Message.EndKind.values()[(int) v.num("kind")],
                        v.text("reason"), trace);
            }
            default -> throw new AssertionError("unknown type " + v.get("type"));
        };
    }

    /** Records compare arrays by identity: compare through the encoding and by fields as text. */
    static String describe(Message m) {
        if (m instanceof Message.InstallData d) return "InstallData[" + d.request() + "," + d.offset() + "," + HexFormat.of().formatHex(d.data()) + "]";
        return m.toString();
    }

    @Test
    void everyVector() throws IOException {
        Map<String, ContainerInfo> entries = new HashMap<>();
        int messages = 0, malformed = 0, consoles = 0;
        for (Vector v : read()) {
            switch (v.kind()) {
                case "entry" -> entries.put(v.name(), new ContainerInfo(v.text("name"), new ImageId(v.hex("image-id")), v.num("size"),
                        ContainerInfo.State.values()[(int) v.num("state")], v.num("run-on-boot") == 1, v.num("exit-code"),
                        v.text("reason"), v.num("memory"), v.num("quota"), v.num("uptime")));
                case "message" -> {
                    Message want = expected(v, entries);
                    byte[] bytes = v.hex("bytes");
                    assertArrayEquals(bytes, ManagementCodec.encode(want), v.name() + ": encoding");
                    assertEquals(describe(want), describe(ManagementCodec.decode(bytes)), v.name() + ": decoding");
                    messages++;
                }
                case "console" -> {
                    ConsoleOutput out = new ConsoleOutput(v.text("name"), ConsoleOutput.Stream.values()[(int) v.num("stream")], v.text("text"));
                    assertArrayEquals(v.hex("bytes"), out.encode(), v.name());
                    assertEquals(out, ConsoleOutput.decode(v.hex("bytes")), v.name());
                    consoles++;
                }
                case "malformed" -> {
                    assertThrows(IllegalArgumentException.class, () -> ManagementCodec.decodeRequest(v.hex("bytes")), v.name());
                    malformed++;
                }
                default -> throw new AssertionError("unknown kind " + v.kind());
            }
        }
        assertTrue(messages >= 25 && malformed >= 15 && consoles == 3, messages + " messages, " + malformed + " malformed");
    }
}
