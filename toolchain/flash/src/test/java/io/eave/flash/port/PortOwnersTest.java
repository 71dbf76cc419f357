package io.eave.flash.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The port handed between a holder (the IDE's monitor link) and a flash, on a real pty pair. */
class PortOwnersTest {

    private SocatPty pty;
    private SerialFlashPort other;

    @BeforeEach
    void start() throws Exception {
        pty = SocatPty.start();
        other = SerialFlashPort.open(pty.host, 115_200);
    }

    @AfterEach
    void stop() throws Exception {
        other.close();
        pty.close();
    }

    /** A monitor: holds the port open and reads what the board sends. */
    private static final class Monitor implements PortOwners.Holder {
        final String path;
        volatile SerialFlashPort port;
        final List<String> events = new ArrayList<>();

        Monitor(String path) throws IOException {
            this.path = path;
            this.port = SerialFlashPort.open(path, 115_200);
        }

        @Override
        public String describe() {
            return "the monitor";
        }

        @Override
        public void closePort() {
            port.close();
            port = null;
            events.add("closed");
        }

        @Override
        public void reopenPort() throws IOException {
            port = SerialFlashPort.open(path, 115_200);
            events.add("reopened");
        }

        String read(int n) throws IOException {
            byte[] b = new byte[n];
            int got = 0;
            while (got < n) {
                int r = port.read(b, got, n - got, 2_000);
                if (r <= 0) break;
                got += r;
            }
            return new String(b, 0, got, StandardCharsets.US_ASCII);
        }
    }

    private void send(String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        other.write(b, 0, b.length);
    }

    @Test
    void aFlashGetsThePortFromTheMonitorAndTheMonitorReadsAgainAfterwards() throws Exception {
        PortOwners owners = new PortOwners();
        Monitor monitor = new Monitor(pty.device);
        owners.hold(pty.device, monitor);
        send("before");
        assertEquals("before", monitor.read(6));

        try (PortHandover.Lease lease = owners.release(pty.device)) {
            assertEquals(List.of("closed"), monitor.events);
            assertTrue(owners.isReleased(pty.device));
            IOException busy = assertThrows(IOException.class, () -> owners.checkAvailable(pty.device));
            assertTrue(busy.getMessage().contains("is being used by a flash"), busy.getMessage());
            // the flasher has the port to itself: it reads what the board sends
            try (SerialFlashPort flasher = SerialFlashPort.open(pty.device, 115_200)) {
                send("flash");
                byte[] b = new byte[5];
                int got = 0;
                while (got < 5) {
                    int r = flasher.read(b, got, 5 - got, 2_000);
                    if (r <= 0) break;
                    got += r;
                }
                assertEquals("flash", new String(b, 0, got, StandardCharsets.US_ASCII));
            }
        }
        assertEquals(List.of("closed", "reopened"), monitor.events);
        assertFalse(owners.isReleased(pty.device));
        owners.checkAvailable(pty.device);
        send("after");
        assertEquals("after", monitor.read(5));
        monitor.port.close();
    }

    @Test
    void aSymbolicLinkToThePortIsTheSamePort(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("ttyUSB-board"), Path.of(pty.device));
        PortOwners owners = new PortOwners();
        Monitor monitor = new Monitor(pty.device);
        owners.hold(pty.device, monitor);
        try (PortHandover.Lease lease = owners.release(link.toString())) {
            assertEquals(List.of("closed"), monitor.events);
            assertTrue(owners.isReleased(pty.device));
        }
        assertEquals(List.of("closed", "reopened"), monitor.events);
        monitor.port.close();
    }

    @Test
    void aHolderThatCannotCloseFailsTheReleaseAndTheOthersReopen() throws Exception {
        PortOwners owners = new PortOwners();
        Monitor monitor = new Monitor(pty.device);
        owners.hold(pty.device, monitor);
        owners.hold(pty.device, new PortOwners.Holder() {
            @Override
            public String describe() {
                return "a debugger";
            }

            @Override
            public void closePort() throws IOException {
                throw new IOException("a session is running");
            }

            @Override
            public void reopenPort() {
            }
        });
        IOException e = assertThrows(IOException.class, () -> owners.release(pty.device));
        assertEquals("a debugger did not close " + pty.device + ": a session is running", e.getMessage());
        assertEquals(List.of("closed", "reopened"), monitor.events);
        assertFalse(owners.isReleased(pty.device));
        send("still");
        assertEquals("still", monitor.read(5));
        monitor.port.close();
    }

    @Test
    void aHolderThatCannotReopenIsReportedAndTheNextFlashCanStillHaveThePort() throws Exception {
        PortOwners owners = new PortOwners();
        List<String> problems = new ArrayList<>();
        owners.onProblem(problems::add);
        Monitor monitor = new Monitor(pty.device);
        AutoCloseable held = owners.hold(pty.device, monitor);
        PortHandover.Lease lease = owners.release(pty.device);
        pty.close();   // the board was unplugged during the flash
        lease.close();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("the monitor could not open " + pty.device + " again: no serial port"), problems.get(0));
        held.close();
        assertTrue(owners.holdersOf(pty.device).isEmpty());
        owners.release(pty.device).close();
    }
}
