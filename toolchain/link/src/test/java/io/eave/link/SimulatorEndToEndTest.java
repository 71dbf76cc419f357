package io.eave.link;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java link against the real eave-sim, over TCP and over its pty (opened through jSerialComm). */
class SimulatorEndToEndTest {

    private static final String SECRET = "end-to-end secret";
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    static Path dir;
    private static Simulator sim;

    @BeforeAll
    static void startSimulator() throws LinkException {
        sim = Simulator.start(SimulatorFixture.binary(), "javatest", dir.resolve("javatest.store"), SECRET);
    }

    @AfterAll
    static void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    private static DeviceConnection overTcp(String secret) throws LinkException {
        return DeviceConnection.connect(TcpTransport.connect("127.0.0.1", sim.tcpPort(), WAIT), DeviceConnection.Options.withSecret(secret));
    }

    private static String text(CompletableFuture<byte[]> message) throws LinkException {
        return new String(DeviceConnection.await(message, WAIT, "eave-sim"), UTF_8);
    }

    @Test
    void tcpAuthenticatesShowsTheDeviceAndCarriesTheConsole() throws Exception {
        try (DeviceConnection device = overTcp(SECRET)) {
            Hello hello = device.hello();
            assertEquals("javatest", hello.name());
            assertEquals("0.1.0", hello.firmware());
            assertEquals("host (Linux simulator)", hello.board());
            assertTrue(hello.authenticationRequired());
            assertTrue(text(device.receive(DeviceConnection.CONSOLE, WAIT)).contains("eave-sim 'javatest' ready"));
            // docs/management-protocol.md: INFO (0x01) with request id 7 gets INFO_RESULT (0x41) for id 7.
            DeviceConnection.await(device.send(DeviceConnection.MANAGEMENT, new byte[] {0x01, 0x07}), WAIT, "eave-sim");
            byte[] answer = DeviceConnection.await(device.receive(DeviceConnection.MANAGEMENT, WAIT), WAIT, "eave-sim");
            assertEquals(0x41, answer[0]);
            assertEquals(0x07, answer[1]);
            assertNotNull(DeviceConnection.await(device.ping(16), WAIT, "eave-sim"));
        }
    }

    @Test
    void aWrongSecretIsRefusedWithAClearMessage() throws Exception {
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> overTcp("not it"));
        assertTrue(e.getMessage().contains("refused the connection: wrong secret for device 'javatest'"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:" + sim.tcpPort()), e.getMessage());
    }

    @Test
    void aMissingSecretSaysWhereToFindIt() {
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> DeviceConnection.connect(
                TcpTransport.connect("127.0.0.1", sim.tcpPort(), WAIT), DeviceConnection.Options.trusted()));
        assertTrue(e.getMessage().contains("device 'javatest' at 127.0.0.1:" + sim.tcpPort() + " requires authentication"), e.getMessage());
    }

    @Test
    void thePtyOpensAsASerialPortAndIsTrusted() throws Exception {
        try (DeviceConnection device = DeviceConnection.connect(SerialTransport.open(sim.serialPath()), DeviceConnection.Options.trusted())) {
            assertEquals("javatest", device.hello().name());
            assertTrue(!device.hello().authenticationRequired());
            assertTrue(text(device.receive(DeviceConnection.CONSOLE, WAIT)).contains("ready"));
            device.send(DeviceConnection.MANAGEMENT, new byte[] {0x01, 0x09});
            byte[] answer = DeviceConnection.await(device.receive(DeviceConnection.MANAGEMENT, WAIT), WAIT, "eave-sim");
            assertEquals(0x41, answer[0]);
            assertEquals(0x09, answer[1]);
        }
    }

    @Test
    void discoveryFindsTheSimulator() throws IOException {
        List<Discovery.Device> found = Discovery.discover(Duration.ofMillis(300));
        Discovery.Device me = found.stream().filter(d -> d.tcpPort() == sim.tcpPort()).findFirst().orElseThrow();
        assertEquals("javatest", me.name());
        assertEquals(sim.serialPath(), me.serial());
        assertEquals(16, me.id().length());
    }

    @Test
    void aSilentDeviceTimesOutWithAClearMessage() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(silent.accept());
                } catch (IOException ignored) {
                    // closed
                }
            });
            acceptor.start();
            long start = System.nanoTime();
            LinkTimeoutException e = assertThrows(LinkTimeoutException.class, () -> DeviceConnection.connect(
                    TcpTransport.connect("127.0.0.1", silent.getLocalPort(), WAIT),
                    DeviceConnection.Options.trusted().withTimeout(Duration.ofSeconds(1))));
            assertTrue(e.getMessage().startsWith("no answer from the device at 127.0.0.1:" + silent.getLocalPort() + " within 1 s"), e.getMessage());
            assertTrue(e.getMessage().contains("nothing came back"), e.getMessage());
            assertTrue(System.nanoTime() - start < 3_000_000_000L, "gave up in time");
        }
    }

    @Test
    void throughputOverTcpAndThePty() throws Exception {
        try (DeviceConnection tcp = overTcp(SECRET);
                DeviceConnection serial = DeviceConnection.connect(SerialTransport.open(sim.serialPath()), DeviceConnection.Options.trusted())) {
            for (DeviceConnection device : List.of(tcp, serial)) {
                int rounds = 300;
                long start = System.nanoTime();
                for (int i = 0; i < rounds; i++) {
                    DeviceConnection.await(device.ping(64), WAIT, device.address());
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                // each round trip: PING frame, its ACK, PONG frame, its ACK
                System.out.printf("link %s: %d pings of 64 bytes in %.2f s: %.0f round trips/s, %.0f frames/s, %s%n",
                        device.address(), rounds, seconds, rounds / seconds, 4 * rounds / seconds, device.statistics());
                assertEquals(0, device.statistics().corruptFrames());
            }
        }
    }
}
