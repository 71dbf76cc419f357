package io.eave.flash.esp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eave.flash.CancelSignal;
import io.eave.flash.DeviceConfig;
import io.eave.flash.FlashException;
import io.eave.flash.FlashException.Kind;
import io.eave.flash.FlashImage;
import io.eave.flash.FlashJob;
import io.eave.flash.FlashPhase;
import io.eave.flash.FlashRequest;
import io.eave.flash.FlashResult;
import io.eave.flash.RecordingListener;
import io.eave.flash.esp.emulator.Faults;
import io.eave.flash.esp.emulator.RomLoaderEmulator;

/** The ESP ROM flasher against the emulated ROM loader over an in-memory line: what a user sees. */
class EspRomFlasherTest {

    static final long CONFIG_OFFSET = 0x3FF000;
    private RomLoaderEmulator emulator;

    @AfterEach
    void close() {
        if (emulator != null) {
            emulator.close();
        }
    }

    /** A firmware-like image: code-like random bytes with runs of zeros and strings, so it deflates about 2:1. */
    static byte[] image(int size, long seed) {
        Random r = new Random(seed);
        byte[] b = new byte[size];
        for (int i = 0; i < size; i += 64) {
            int kind = r.nextInt(3);
            for (int j = i; j < Math.min(size, i + 64); j++) {
                b[j] = kind == 0 ? (byte) r.nextInt(256) : kind == 1 ? 0 : (byte) ('a' + (j % 26));
            }
        }
        b[0] = (byte) 0xE9;   // the ESP image magic, for looks
        return b;
    }

    static EspSettings fast() {
        return EspSettings.defaults().withCommandTimeout(500).withConnectAttempts(3, 50);
    }

    private EspRomFlasher flasher(EspChip chip, RomLoaderEmulator.Wiring wiring, EspSettings settings) {
        emulator = new RomLoaderEmulator(chip, 4L << 20, wiring);
        return new EspRomFlasher("emulated", baud -> emulator.connect("emulated"), settings);
    }

    private EspRomFlasher flasher(EspSettings settings) {
        return flasher(EspChip.ESP32_C3, RomLoaderEmulator.Wiring.CLASSIC_AUTO_RESET, settings);
    }

    private static FlashRequest request(byte[] bytes, DeviceConfig config) {
        return FlashRequest.of(new FlashImage("eave-esp32.bin", bytes), config);
    }

    private FlashException failure(EspRomFlasher flasher, byte[] bytes) {
        return assertThrows(FlashException.class, () -> flasher.flash(request(bytes, DeviceConfig.withRandomSecret("lab")),
                new RecordingListener(), new CancelSignal()));
    }

    @Test
    void deflatedFlashWritesImageAndConfigVerifiesAndRestartsTheBoard() throws Exception {
        EspRomFlasher flasher = flasher(fast());
        byte[] bytes = image(150_000, 1);
        DeviceConfig config = DeviceConfig.withRandomSecret("lab");
        java.util.Set<Integer> bauds = new java.util.HashSet<>();
        RecordingListener listener = new RecordingListener(ev -> {
            if (ev.phase() == FlashPhase.WRITING) {
                bauds.add(emulator.baud());
            }
        });

        FlashResult result = flasher.flash(request(bytes, config), listener, new CancelSignal());

        assertArrayEquals(bytes, emulator.read(0, bytes.length));
        assertEquals(config, DeviceConfig.decode(emulator.read(CONFIG_OFFSET, DeviceConfig.SIZE)));
        assertEquals(java.util.Set.of(921_600), bauds, "written after CHANGE_BAUDRATE");
        assertEquals("ESP32-C3 on emulated", result.target());
        assertEquals(bytes.length + 128, result.bytesWritten());
        assertTrue(result.bytesSent() < bytes.length * 3 / 4, "deflated: " + result.bytesSent() + " bytes sent");
        assertTrue(result.verification().startsWith("MD5 " + EspRomFlasher.md5(bytes)), result.verification());
        listener.assertMonotonicToCompletion();
        for (FlashPhase p : new FlashPhase[] {FlashPhase.CONNECTING, FlashPhase.ERASING, FlashPhase.WRITING, FlashPhase.VERIFYING,
                FlashPhase.CONFIGURING, FlashPhase.RESETTING}) {
            assertTrue(listener.saw(p), "phase " + p);
        }
        assertTrue(listener.messages().contains("ESP32-C3 on emulated"), listener.messages());
        assertTrue(emulator.awaitBoots(2, 2_000), "reset into the loader, then into the new firmware");
        assertEquals(2, emulator.boots());
        assertFalse(emulator.inLoader(), "the board runs its firmware after the flash");
    }

    @Test
    void plainWriteOnAnEsp32IdentifiedByItsMagicRegister() throws Exception {
        EspRomFlasher flasher = flasher(EspChip.ESP32, RomLoaderEmulator.Wiring.CLASSIC_AUTO_RESET,
                fast().withCompress(false).withBaud(115_200).expecting(EspChip.ESP32));
        byte[] bytes = image(20_000, 2);
        RecordingListener listener = new RecordingListener();
        FlashResult result = flasher.flash(request(bytes, DeviceConfig.withRandomSecret("old-one")).atOffset(0x10000), listener,
                new CancelSignal());
        assertArrayEquals(bytes, emulator.read(0x10000, bytes.length));
        assertEquals("ESP32 on emulated", result.target());
        assertTrue(result.bytesSent() > bytes.length, "plain blocks: " + result.bytesSent());
        listener.assertMonotonicToCompletion();
    }

    @Test
    void dataThatDoesNotDeflateIsWrittenInPlainBlocks() throws Exception {
        EspRomFlasher flasher = flasher(fast());
        byte[] bytes = new byte[20_000];
        new Random(5).nextBytes(bytes);
        RecordingListener listener = new RecordingListener();
        flasher.flash(request(bytes, DeviceConfig.withRandomSecret("lab")), listener, new CancelSignal());
        assertArrayEquals(bytes, emulator.read(0, bytes.length));
        assertTrue(listener.messages().contains("the image, 20,000 bytes\n"), listener.messages());
    }

    @Test
    void usbSerialJtagBoardsGetTheirOwnResetSequence() throws Exception {
        EspRomFlasher flasher = flasher(EspChip.ESP32_S3, RomLoaderEmulator.Wiring.USB_SERIAL_JTAG, fast());
        byte[] bytes = image(5_000, 3);
        flasher.flash(request(bytes, DeviceConfig.withRandomSecret("s3")), new RecordingListener(), new CancelSignal());
        assertArrayEquals(bytes, emulator.read(0, bytes.length));
    }

    @Test
    void theClassicSequenceOnAUsbSerialJtagBoardIsAWrongBootMode() {
        FlashException e = failure(flasher(EspChip.ESP32_C3, RomLoaderEmulator.Wiring.USB_SERIAL_JTAG,
                fast().withReset(ResetSequence.CLASSIC).withConnectAttempts(1, 50)), image(1000, 4));
        assertEquals(Kind.WRONG_BOOT_MODE, e.kind());
    }

    @Test
    void noAnswerSaysWhereAndWhatToDo() {
        EspRomFlasher flasher = flasher(fast().withReset(ResetSequence.NONE));
        emulator.faults(Faults.silentLoader());
        long start = System.nanoTime();
        FlashException e = failure(flasher, image(1000, 5));
        assertEquals(Kind.NO_ANSWER, e.kind());
        assertEquals("no answer from the ESP ROM loader on emulated after 3 sync attempts: hold BOOT and press RESET, or check the port",
                e.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3));
    }

    @Test
    void aBoardThatBootsItsFirmwareIsAWrongBootMode() {
        EspRomFlasher flasher = flasher(fast().withConnectAttempts(1, 50));
        emulator.faults(Faults.bootsFirmwareOnly());
        FlashException e = failure(flasher, image(1000, 6));
        assertEquals(Kind.WRONG_BOOT_MODE, e.kind());
        assertEquals("the board on emulated booted its firmware instead of the ROM loader (wrong boot mode detected: "
                + "boot:0x13 (SPI_FAST_FLASH_BOOT)): hold BOOT (IO0) down, press and release RESET (EN), release BOOT and flash again",
                e.getMessage());
    }

    @Test
    void anotherChipThanTheBoardsIsRefused() {
        FlashException e = failure(flasher(fast().expecting(EspChip.ESP32)), image(1000, 7));
        assertEquals(Kind.WRONG_CHIP, e.kind());
        assertEquals("the board on emulated has an ESP32-C3, not an ESP32: pick the board esp32-c3 (--board esp32-c3)", e.getMessage());
    }

    @Test
    void aBlockGarbledOnTheLineIsSentAgain() throws Exception {
        EspRomFlasher flasher = flasher(fast());
        emulator.faults(Faults.garble(5, 1));
        byte[] bytes = image(30_000, 8);
        flasher.flash(request(bytes, DeviceConfig.withRandomSecret("lab")), new RecordingListener(), new CancelSignal());
        assertArrayEquals(bytes, emulator.read(0, bytes.length));
    }

    @Test
    void aBlockGarbledAgainAndAgainFailsTheFlash() {
        EspRomFlasher flasher = flasher(fast());
        emulator.faults(Faults.garble(5, 100));
        FlashException e = failure(flasher, image(30_000, 9));
        assertEquals(Kind.DEVICE_ERROR, e.kind());
        assertTrue(e.getMessage().startsWith("the ESP32-C3 on emulated failed while writing the image, block 6 of "), e.getMessage());
        assertTrue(e.getMessage().contains("(3 attempts): FLASH_DEFL_DATA failed: the data checksum did not match"), e.getMessage());
        assertTrue(e.getMessage().contains("the device holds an incomplete image"), e.getMessage());
    }

    @Test
    void aFlashWriteErrorFailsTheFlash() {
        EspRomFlasher flasher = flasher(fast().withCompress(false));
        emulator.faults(Faults.writeErrorAt(3));
        FlashException e = failure(flasher, image(30_000, 10));
        assertEquals(Kind.DEVICE_ERROR, e.kind());
        assertTrue(e.getMessage().contains("block 4 of 30 (at 0xC00): FLASH_DATA failed: flash write error"), e.getMessage());
    }

    @Test
    void aLoaderThatStopsAnsweringTimesOut() {
        EspRomFlasher flasher = flasher(fast());
        emulator.faults(Faults.hangAt(4));
        FlashException e = failure(flasher, image(30_000, 11));
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().startsWith("the ESP32-C3 on emulated stopped answering while writing the image, block 5 of"), e.getMessage());
        assertTrue(e.getMessage().endsWith("the device holds an incomplete image; reset the board and flash again, or try a lower --baud"),
                e.getMessage());
    }

    @Test
    void aLineClosedMidwayIsALostLinkNotASuccess() {
        EspRomFlasher flasher = flasher(fast());
        emulator.faults(Faults.closeAt(4));
        FlashException e = failure(flasher, image(30_000, 12));
        assertEquals(Kind.LINK_LOST, e.kind());
        assertTrue(e.getMessage().startsWith("the connection to the ESP32-C3 on emulated was lost while writing the image, block 5 of"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(": the device holds an incomplete image; check the cable and flash again"), e.getMessage());
    }

    @Test
    void anMd5MismatchIsAFailure() {
        EspRomFlasher flasher = flasher(fast());
        emulator.faults(Faults.corrupt());
        byte[] bytes = image(10_000, 13);
        RecordingListener listener = new RecordingListener();
        FlashException e = assertThrows(FlashException.class,
                () -> flasher.flash(request(bytes, DeviceConfig.withRandomSecret("lab")), listener, new CancelSignal()));
        assertEquals(Kind.VERIFY_FAILED, e.kind());
        assertTrue(e.getMessage().startsWith("verification failed: the image (10,000 bytes at 0x0) reads back from the ESP32-C3 on emulated with MD5 "),
                e.getMessage());
        assertTrue(e.getMessage().contains("but what was written has MD5 " + EspRomFlasher.md5(bytes)), e.getMessage());
        assertFalse(listener.saw(FlashPhase.DONE));
    }

    @Test
    void cancellingStopsAtABlockAndIsReportedAsCancelled() {
        EspRomFlasher flasher = flasher(fast());
        byte[] bytes = image(60_000, 14);
        CancelSignal cancel = new CancelSignal();
        RecordingListener listener = new RecordingListener(ev -> {
            if (ev.done() > ev.total() / 3) {
                cancel.cancel();
            }
        });
        FlashException e = assertThrows(FlashException.class,
                () -> flasher.flash(request(bytes, DeviceConfig.withRandomSecret("lab")), listener, cancel));
        assertEquals(Kind.CANCELLED, e.kind());
        assertTrue(e.getMessage().startsWith("flashing the ESP32-C3 on emulated was cancelled while writing the image, block "), e.getMessage());
        assertTrue(e.getMessage().endsWith("the device holds an incomplete image; flash it again before running it"), e.getMessage());
        assertFalse(listener.saw(FlashPhase.DONE));
        listener.assertMonotonic();
    }

    @Test
    void aJobCancelledFromAnotherThreadCompletesWithTheCancellation() throws Exception {
        EspRomFlasher flasher = flasher(fast().withCompress(false));
        byte[] bytes = image(400_000, 15);
        java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
        FlashJob job = flasher.start(request(bytes, DeviceConfig.withRandomSecret("lab")), new RecordingListener(ev -> {
            if (ev.phase() == FlashPhase.WRITING) {
                writing.countDown();
            }
        }));
        assertTrue(writing.await(5, TimeUnit.SECONDS));
        job.result().cancel(true);
        ExecutionException e = assertThrows(ExecutionException.class, () -> job.result().get(5, TimeUnit.SECONDS));
        assertEquals(Kind.CANCELLED, assertInstanceOf(FlashException.class, e.getCause()).kind());
    }

    @Test
    void aPortHolderGivesThePortUpForTheFlashAndGetsItBackEvenOnFailure() {
        java.util.List<String> calls = new java.util.ArrayList<>();
        EspRomFlasher flasher = flasher(fast().withReset(ResetSequence.NONE).withConnectAttempts(1, 50)).withHandover(port -> {
            calls.add("release " + port);
            return () -> calls.add("back " + port);
        });
        emulator.faults(Faults.silentLoader());
        failure(flasher, image(1000, 16));
        assertEquals(java.util.List.of("release emulated", "back emulated"), calls);
    }

    @Test
    void anImageReachingTheConfigSectorIsRefusedBeforeTouchingTheBoard() {
        EspRomFlasher flasher = flasher(fast());
        FlashException e = failure(flasher, new byte[0x3FF000 + 1]);
        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("reaches the device configuration sector at 0x3FF000"), e.getMessage());
        assertEquals(0, emulator.boots());
    }
}
