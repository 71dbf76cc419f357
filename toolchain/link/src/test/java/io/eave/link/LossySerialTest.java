package io.eave.link;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real eave-sim over its pty with a line that drops, corrupts and inserts bytes in both
 * directions: every management request and its answer arrive exactly once, in order.
 */
class LossySerialTest {

    /** Wraps a transport and damages bytes both ways, with a fixed seed so a failure repeats. */
    static final class LossyTransport implements Transport {
        private final Transport inner;
        private final double rate;
        private final Random random = new Random(42);
        long faults;

        LossyTransport(Transport inner, double rate) {
            this.inner = inner;
            this.rate = rate;
        }

        private synchronized byte[] damage(byte[] data, int length) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < length; i++) {
                double roll = random.nextDouble();
                byte b = data[i];
                if (roll < rate) {
                    faults++;
                    continue;
                }
                if (roll < 2 * rate) {
                    b ^= 0x10;
                    faults++;
                }
                out.write(b);
                if (roll >= 2 * rate && roll < 3 * rate) {
                    out.write(random.nextInt(256));
                    faults++;
                }
            }
            return out.toByteArray();
        }

        @Override
        public void write(byte[] data) throws IOException {
            inner.write(damage(data, data.length));
        }

        @Override
        public int read(byte[] buffer, int timeoutMillis) throws IOException {
            byte[] raw = new byte[buffer.length / 2];
            int n = inner.read(raw, timeoutMillis);
            if (n <= 0) {
                return n;
            }
            byte[] damaged = damage(raw, n);
            System.arraycopy(damaged, 0, buffer, 0, damaged.length);
            return damaged.length;
        }

        @Override
        public String address() {
            return inner.address() + " (lossy)";
        }

        @Override
        public LinkTiming timing() {
            return inner.timing();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    void consoleEchoesArriveExactlyOnceInOrderOverADamagedLine(@TempDir Path dir) throws Exception {
        try (Simulator sim = Simulator.start(SimulatorFixture.binary(), "lossy", dir.resolve("lossy.store"), "s")) {
            LossyTransport line = new LossyTransport(SerialTransport.open(sim.serialPath()), 0.001);
            long start = System.nanoTime();
            try (DeviceConnection device = DeviceConnection.connect(line, DeviceConnection.Options.trusted().withTimeout(Duration.ofSeconds(10)))) {
                assertTrue(new String(DeviceConnection.await(device.receive(DeviceConnection.CONSOLE, Duration.ofSeconds(10)), Duration.ofSeconds(11), "sim"), UTF_8)
                        .contains("ready"));
                int messages = 40;
                for (int i = 1; i <= messages; i++) {
                    // INFO requests (docs/management-protocol.md) with ids 1..40: one answer each, in order.
                    device.send(DeviceConnection.MANAGEMENT, new byte[] {0x01, (byte) i});
                }
                for (int i = 1; i <= messages; i++) {
                    byte[] answer = DeviceConnection.await(device.receive(DeviceConnection.MANAGEMENT, Duration.ofSeconds(10)), Duration.ofSeconds(11), "sim");
                    assertEquals(0x41, answer[0]);
                    assertEquals(i, answer[1]);
                }
                System.out.printf("lossy pty: %d faults injected, %.2f s for %d requests; %s%n", line.faults,
                        (System.nanoTime() - start) / 1e9, messages, device.statistics());
            }
        }
    }
}
