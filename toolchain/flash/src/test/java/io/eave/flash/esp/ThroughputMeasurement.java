package io.eave.flash.esp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.eave.flash.CancelSignal;
import io.eave.flash.DeviceConfig;
import io.eave.flash.FlashImage;
import io.eave.flash.FlashListener;
import io.eave.flash.FlashRequest;
import io.eave.flash.FlashResult;
import io.eave.flash.esp.emulator.RomLoaderEmulator;
import io.eave.flash.port.SerialFlashPort;
import io.eave.flash.port.SocatPty;

/**
 * The figures in docs/flashing.md: bytes per second through the emulated ROM loader, deflated and
 * plain, over a pty (as fast as the pty goes) and over in-memory lines paced to 115200 and 921600
 * baud. Takes about a minute, so it runs only on request:
 * {@code ./mvnw -q install -pl toolchain/flash -am -Dtest=ThroughputMeasurement -Deave.flash.throughput=true}.
 */
class ThroughputMeasurement {

    /** Random 64-byte runs mixed with structured ones, so that it deflates about as well as real firmware (0.6). */
    static byte[] firmwareLike(int size) {
        Random r = new Random(42);
        byte[] b = new byte[size];
        for (int i = 0; i < size; i += 64) {
            boolean random = r.nextDouble() < 0.56;
            for (int j = i; j < Math.min(size, i + 64); j++) {
                b[j] = random ? (byte) r.nextInt(256) : (byte) (j % 7 == 0 ? r.nextInt(16) : 0);
            }
        }
        return b;
    }

    @Test
    void measure() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("eave.flash.throughput"), "set -Deave.flash.throughput=true to measure");
        byte[] big = firmwareLike(1 << 20);
        System.out.printf("image: %,d bytes, deflates to %,d (%.2f)%n", big.length, EspRomFlasher.deflate(big).length,
                EspRomFlasher.deflate(big).length / (double) big.length);
        for (boolean deflate : new boolean[] {false, true}) {
            try (SocatPty pty = SocatPty.start(); RomLoaderEmulator emulator = new RomLoaderEmulator(EspChip.ESP32_C3)) {
                emulator.startInLoader();
                emulator.serve(SerialFlashPort.open(pty.device, 115_200));
                EspRomFlasher flasher = EspRomFlasher.onSerialPort(pty.host, EspSettings.defaults().withCompress(deflate));
                report("pty (jSerialComm both ends)", deflate, flasher, big, emulator);
            }
        }
        byte[] small = firmwareLike(256 * 1024);
        for (int baud : new int[] {115_200, 921_600}) {
            for (boolean deflate : new boolean[] {false, true}) {
                try (RomLoaderEmulator emulator = new RomLoaderEmulator(EspChip.ESP32_C3)) {
                    emulator.pacedToBaud(true);
                    EspRomFlasher flasher = new EspRomFlasher("paced", b -> emulator.connect("paced"),
                            EspSettings.defaults().withCompress(deflate).withBaud(baud));
                    report("in memory, paced to " + baud + " baud", deflate, flasher, small, emulator);
                }
            }
        }
    }

    private static void report(String line, boolean deflate, EspRomFlasher flasher, byte[] image, RomLoaderEmulator emulator) throws Exception {
        FlashResult r = flasher.flash(FlashRequest.of(new FlashImage("fw", image), DeviceConfig.withRandomSecret("m")), FlashListener.NONE,
                new CancelSignal());
        assertArrayEquals(image, emulator.read(0, image.length));
        System.out.printf("| %s | %s | %,d | %,d | %.2f s | %,.0f |%n", line, deflate ? "deflated" : "plain", image.length, r.bytesSent(),
                r.elapsed().toNanos() / 1e9, r.bytesPerSecond());
    }
}
