package io.eave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import io.eave.link.Simulator;

/**
 * eave run and eave container against the real simulator over TCP: every golden image of
 * docs/vectors/image runs on the device's VM with the console output and the exit its .expect
 * file says.
 */
class RunCommandTest {
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Path VECTORS = ROOT.resolve("docs/vectors/image");

    @TempDir
    static Path dir;
    static Simulator sim;

    @BeforeAll
    static void startDevice() throws Exception {
        Assumptions.assumeTrue(Simulator.availableIn(ROOT), "needs cmake to build eave-sim, or -Deave.sim=PATH");
        Path binary = Simulator.ofSourceTree(ROOT, new StringBuilder());
        sim = Simulator.start(binary, "runtest", dir.resolve("run.store"), "run-secret");
    }

    @AfterAll
    static void stopDevice() {
        if (sim != null) {
            sim.close();
        }
    }

    record Result(int code, String out, String err) {}

    static Result eave(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String[] onDevice(String... args) {
        return Stream.concat(Stream.of(args), Stream.of("--device", "tcp:127.0.0.1:" + sim.tcpPort(), "--secret", "run-secret"))
                .toArray(String[]::new);
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenImageRunsAsItsExpectFileSays() throws Exception {
        List<Path> images;
        try (Stream<Path> files = Files.list(VECTORS)) {
            images = files.filter(p -> p.toString().endsWith(".bin")).sorted().toList();
        }
        assertTrue(images.size() >= 4);
        return images.stream().map(image -> DynamicTest.dynamicTest(image.getFileName().toString(), () -> {
            List<String> expect = Files.readAllLines(Path.of(image.toString().replace(".bin", ".expect")));
            String last = expect.get(expect.size() - 1);
            String output = String.join("\n", expect.subList(0, expect.size() - 1));
            Result r = eave(onDevice("run", image.toString()));
            assertEquals(output.isEmpty() ? "" : output + "\n", r.out(), r.err());
            if (last.startsWith("exit ")) {
                assertEquals(Integer.parseInt(last.substring(5)), r.code(), r.err());
            } else {
                assertEquals(1, r.code(), r.err());
                assertTrue(r.err().contains("uncaught exception") && r.err().contains(last.substring("uncaught ".length())), r.err());
            }
        }));
    }

    @Test
    void aToitProgramIsCompiledRunAndItsTraceNamesTheSourceLines() throws Exception {
        Path program = dir.resolve("greeter.toit");
        Files.writeString(program, """
                class Greeter:
                  name/string
                  constructor .name:
                  greet times/int:
                    times.repeat: print "Hello, $name! ($(it + 1))"

                main:
                  (Greeter "Eave").greet 2
                  fail

                fail:
                  throw "something went wrong"
                """);
        Result r = eave(onDevice("run", program.toString()));
        assertEquals("Hello, Eave! (1)\nHello, Eave! (2)\n", r.out(), r.err());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("uncaught exception: something went wrong"), r.err());
        assertTrue(r.err().contains("at fail (" + program + ":12)"), r.err());
        assertTrue(r.err().contains("at main (" + program + ":9)"), r.err());
    }

    @Test
    void compileErrorsAreReportedWithFileAndLineAndNothingIsInstalled() throws Exception {
        Path program = dir.resolve("broken.toit");
        Files.writeString(program, "main:\n  print (no-such-function 1)\n");
        Result r = eave(onDevice("run", program.toString()));
        assertEquals(1, r.code());
        assertTrue(r.err().contains(program + ":2:"), r.err());
        assertTrue(r.err().contains("Unresolved name 'no-such-function'"), r.err());
        Result list = eave(onDevice("container", "list"));
        assertTrue(!list.out().contains("broken"), list.out());
        Result analyze = eave("analyze", program.toString());
        assertEquals(1, analyze.code());
        assertTrue(analyze.out().contains("[unresolved-name]"), analyze.out());
    }

    @Test
    void compileWritesTheImageAndDebugInfoAndDisassembles() throws Exception {
        Path program = dir.resolve("small.toit");
        Files.writeString(program, "main:\n  x := 6 * 7\n  print x\n");
        Result r = eave("compile", program.toString(), "-o", dir.resolve("small.img").toString(), "--disassemble");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(dir.resolve("small.img")) > 104);
        assertTrue(Files.exists(dir.resolve("small.img.debug.json")));
        assertTrue(r.out().contains("method 0 main"), r.out());
        assertTrue(r.out().contains("; line 2"), r.out());
        assertTrue(r.out().contains("MUL"), r.out());
        Result run = eave(onDevice("run", dir.resolve("small.img").toString()));
        assertEquals("42\n", run.out(), run.err());
    }

    @Test
    void twoContainersExchangeMessagesWhileBothRun() throws Exception {
        Path receiver = dir.resolve("receiver.toit");
        Files.writeString(receiver, """
                main:
                  4.repeat:
                    message := receive-message
                    print "got $message"
                """);
        Path sender = dir.resolve("sender.toit");
        Files.writeString(sender, """
                main:
                  send-message "receiver" "hello"
                  send-message "receiver" 42
                  send-message "receiver" [1, "two", #[3]]
                  send-message "receiver" {"k": [1, 2], "s": {5}}
                  print "sent"
                """);
        Result compiled = eave("compile", receiver.toString());
        assertEquals(0, compiled.code(), compiled.err());
        List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (io.eave.device.Device device = io.eave.device.Device.connect(
                io.eave.device.DeviceAddress.tcp("127.0.0.1", sim.tcpPort()), "run-secret", java.time.Duration.ofSeconds(5))) {
            device.onConsole(output -> {
                if (output.container().equals("receiver")) {
                    received.add(output.text());
                }
            });
            assertEquals(0, eave(onDevice("container", "install", "receiver", dir.resolve("receiver.img").toString())).code());
            assertEquals(0, eave(onDevice("container", "start", "receiver")).code());
            Result r = eave(onDevice("run", sender.toString()));
            assertEquals("sent\n", r.out(), r.err());
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (received.size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertEquals(List.of("got hello\n", "got 42\n", "got [1, two, #[3]]\n", "got {k: [1, 2], s: {5}}\n"), received);
    }

    @Test
    void containersAreListedStartedStoppedAndUninstalled() {
        assertEquals(0, eave(onDevice("container", "install", "boot-demo", VECTORS.resolve("hello.bin").toString(), "--boot")).code());
        Result list = eave(onDevice("container", "list"));
        assertTrue(list.out().matches("(?s).*boot-demo +installed +on boot.*"), list.out());
        assertEquals(0, eave(onDevice("container", "start", "boot-demo")).code());
        Result uninstall = eave(onDevice("container", "uninstall", "boot-demo"));
        assertEquals(0, uninstall.code(), uninstall.err());
        Result again = eave(onDevice("container", "start", "boot-demo"));
        assertEquals(1, again.code());
        assertTrue(again.err().contains("boot-demo"), again.err());
    }

    @Test
    void aCorruptImageIsRefusedWithTheVerifiersReason() {
        Result r = eave(onDevice("container", "install", "broken", VECTORS.resolve("bad/crc-mismatch.bin").toString()));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("CRC"), r.err());
    }

    @Test
    void aMissingDeviceSaysHowToStartOne() {
        Result r = eave("container", "list", "--device", "nosuchdevice");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("no device named 'nosuchdevice'"), r.err());
    }
}
