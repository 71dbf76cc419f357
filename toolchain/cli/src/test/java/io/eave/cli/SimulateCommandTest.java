package io.eave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.eave.link.DeviceConnection;
import io.eave.link.LinkException;
import io.eave.link.Simulator;
import io.eave.link.TcpTransport;

/** eave simulate and eave devices as a user runs them, against the real eave-sim. */
class SimulateCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    @Test
    void aBadOptionIsAUsageError() {
        assertEquals(2, new SimulateCommand(outStream, errStream).run(List.of("--nmae", "x")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown or incomplete option '--nmae'"));
    }

    @Test
    void simulateStartsTheDevicePrintsItsAddressesAndDevicesListsIt(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Simulator.availableIn(SimulateCommand.projectRoot()),
                "needs cmake to build eave-sim, or -Deave.sim=PATH");
        AtomicReference<String> name = new AtomicReference<>();
        AtomicReference<String> listed = new AtomicReference<>();
        int code = new SimulateCommand(outStream, errStream).run(
                List.of("--name", "clitest", "--store", dir.resolve("s.store").toString()), sim -> {
                    try (DeviceConnection device = DeviceConnection.connect(
                            TcpTransport.connect("127.0.0.1", sim.tcpPort(), Duration.ofSeconds(5)),
                            DeviceConnection.Options.withSecret(sim.secret()))) {
                        name.set(device.hello().name());
                    } catch (LinkException e) {
                        name.set(e.getMessage());
                    }
                    ByteArrayOutputStream devices = new ByteArrayOutputStream();
                    new DevicesCommand(new PrintStream(devices, true, StandardCharsets.UTF_8), errStream).run(List.of());
                    listed.set(devices.toString(StandardCharsets.UTF_8));
                });
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("device 'clitest' is running"), printed);
        assertTrue(printed.matches("(?s).*tcp: +127\\.0\\.0\\.1:\\d+.*serial: +/dev/pts/\\d+.*"), printed);
        assertTrue(printed.contains("secret:    in " + dir.resolve("s.store") + ".secret"), printed);
        assertEquals("clitest", name.get(), "connected with the secret from the generated file");
        assertTrue(listed.get().contains("clitest"), listed.get());
    }
}
