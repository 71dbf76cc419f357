package io.eave.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two sessions joined by an in-process pipe that drops, corrupts, inserts and duplicates bytes,
 * run on simulated time: every message arrives exactly once, in order, both ways, and every send
 * future completes.
 */
class FaultInjectionTest {

    private static final int MESSAGES = 300;

    /** One direction of the line: faults are applied as bytes are written. */
    static final class LossyPipe {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Random random;
        final double faultRate;
        long faults;

        LossyPipe(long seed, double faultRate) {
            this.random = new Random(seed);
            this.faultRate = faultRate;
        }

        void write(byte[] data) {
            for (byte b : data) {
                double roll = random.nextDouble();
                if (roll < faultRate) {
                    faults++;
                    continue; // dropped
                }
                if (roll < 2 * faultRate) {
                    b ^= (byte) (1 << random.nextInt(8));
                    faults++;
                }
                bytes.write(b);
                if (roll >= 2 * faultRate && roll < 3 * faultRate) {
                    bytes.write(random.nextBoolean() ? b : random.nextInt(256)); // duplicated or inserted
                    faults++;
                }
            }
        }

        /** Hands what is on the line to the other end in random chunks, as a UART driver would. */
        void carry(ReliableSession to, long now) {
            byte[] all = bytes.toByteArray();
            bytes.reset();
            for (int at = 0; at < all.length;) {
                int chunk = Math.min(all.length - at, 1 + random.nextInt(64));
                byte[] piece = new byte[chunk];
                System.arraycopy(all, at, piece, 0, chunk);
                to.receive(piece, chunk, now);
                at += chunk;
            }
        }
    }

    static final class End implements ReliableSession.Callbacks {
        final LossyPipe out;
        final List<byte[]> received = new ArrayList<>();
        final List<Integer> channels = new ArrayList<>();

        End(LossyPipe out) {
            this.out = out;
        }

        @Override
        public void write(byte[] bytes) {
            out.write(bytes);
        }

        @Override
        public void deliver(int channel, byte[] payload) {
            received.add(payload);
            channels.add(channel);
        }
    }

    static byte[] message(int number) {
        byte[] m = new byte[2 + number % 200];
        m[0] = (byte) number;
        m[1] = (byte) (number >> 8);
        for (int i = 2; i < m.length; i++) {
            m[i] = (byte) (number + i);
        }
        return m;
    }

    @ParameterizedTest(name = "{0} faults per byte of each kind")
    @CsvSource({"0", "0.002", "0.01"})
    void everyMessageArrivesExactlyOnceInOrder(double faultRate) {
        LossyPipe aToB = new LossyPipe(1, faultRate);
        LossyPipe bToA = new LossyPipe(2, faultRate);
        End a = new End(aToB);
        End b = new End(bToA);
        LinkTiming timing = new LinkTiming(20, 1000);
        ReliableSession host = new ReliableSession(a, timing);
        ReliableSession device = new ReliableSession(b, timing);
        long now = 1000;
        CompletableFuture<Void> started = host.start(0xC0FFEE, now);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            sends.add(host.send(i % 4, message(i)));
            device.send(i % 4, message(i));
        }
        while ((a.received.size() < MESSAGES || b.received.size() < MESSAGES) && now < 2_000_000) {
            aToB.carry(device, now);
            bToA.carry(host, now);
            now++;
            host.tick(now);
            device.tick(now);
        }
        for (End end : List.of(a, b)) {
            assertEquals(MESSAGES, end.received.size());
            for (int i = 0; i < MESSAGES; i++) {
                assertEquals(java.util.HexFormat.of().formatHex(message(i)), java.util.HexFormat.of().formatHex(end.received.get(i)), "message " + i);
                assertEquals(i % 4, end.channels.get(i));
            }
        }
        aToB.carry(device, now);
        bToA.carry(host, now);
        assertTrue(started.isDone() && !started.isCompletedExceptionally());
        assertTrue(sends.stream().allMatch(f -> f.isDone() && !f.isCompletedExceptionally()), "every send was acknowledged");
        LinkStatistics stats = host.statistics();
        System.out.printf("fault rate %s: %d faults injected; host %s; %d simulated ms%n", faultRate, aToB.faults + bToA.faults,
                stats, now - 1000);
        if (faultRate > 0) {
            assertTrue(stats.retransmits() > 0 && stats.corruptFrames() > 0, "faults were injected and repaired");
        }
    }
}
