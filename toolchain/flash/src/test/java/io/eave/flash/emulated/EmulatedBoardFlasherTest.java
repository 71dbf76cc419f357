package io.eave.flash.emulated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.eave.flash.CancelSignal;
import io.eave.flash.DeviceConfig;
import io.eave.flash.FlashException;
import io.eave.flash.FlashException.Kind;
import io.eave.flash.FlashImage;
import io.eave.flash.FlashRequest;
import io.eave.flash.FlashResult;
import io.eave.flash.RecordingListener;
import io.eave.flash.emulated.EmulatedBoardFlasher.Board;

/** Flashing the QEMU boards: the device folder the emulator boots from. */
class EmulatedBoardFlasherTest {

    @TempDir
    Path root;

    /** A 32-bit little-endian ELF for the given machine (40 ARM, 243 RISC-V), padded with a body. */
    static byte[] elf(int machine, int size) {
        byte[] b = new byte[size];
        b[0] = 0x7F;
        b[1] = 'E';
        b[2] = 'L';
        b[3] = 'F';
        b[4] = 1;
        b[5] = 1;
        b[6] = 1;
        b[18] = (byte) machine;
        b[19] = (byte) (machine >> 8);
        for (int i = 52; i < size; i++) {
            b[i] = (byte) (i * 31);
        }
        return b;
    }

    private EmulatedBoardFlasher flasher(Board board) {
        return new EmulatedBoardFlasher(board, root, Optional.empty(), Duration.ofSeconds(2));
    }

    @Test
    void writesImageAndConfigIntoTheDeviceFolderVerified() throws Exception {
        byte[] image = elf(40, 300_000);
        DeviceConfig config = DeviceConfig.withRandomSecret("lab");
        RecordingListener listener = new RecordingListener();
        FlashResult result = flasher(Board.QEMU_ARM).flash(FlashRequest.of(new FlashImage("eave-qemu-arm.elf", image), config), listener,
                new CancelSignal());

        Path folder = root.resolve("lab");
        assertEquals(Optional.of(folder), result.deviceFolder());
        assertArrayEquals(image, Files.readAllBytes(folder.resolve("firmware.elf")));
        EmulatedDevice device = EmulatedDevice.read(folder);
        assertEquals("qemu-arm", device.board());
        assertEquals(config, device.config());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("device-config.bin"))));
        assertTrue(result.verification().startsWith("SHA-256 " + new FlashImage("x", image).sha256()), result.verification());
        listener.assertMonotonicToCompletion();
        try (var files = Files.list(folder)) {
            assertEquals(3, files.count(), "firmware.elf, device-config.bin, board.properties and nothing else");
        }
    }

    @Test
    void flashingAgainKeepsTheProgramStoreUnlessAskedToEraseIt() throws Exception {
        DeviceConfig config = DeviceConfig.withRandomSecret("kept");
        Path store = EmulatedDevice.storeFile(root.resolve("kept"), "qemu-arm");
        flasher(Board.QEMU_ARM).flash(FlashRequest.of(new FlashImage("eave-qemu-arm.elf", elf(40, 4000)), config), new RecordingListener(),
                new CancelSignal());
        byte[] programs = {'E', 'A', 'V', 'S', 1, 2, 3};
        Files.write(store, programs); // what the board wrote while it ran
        assertEquals(store, EmulatedDevice.read(root.resolve("kept")).store());

        flasher(Board.QEMU_ARM).flash(FlashRequest.of(new FlashImage("eave-qemu-arm.elf", elf(40, 5000)), config), new RecordingListener(),
                new CancelSignal());
        assertArrayEquals(programs, Files.readAllBytes(store), "a new firmware runs the programs installed before");

        EmulatedBoardFlasher erasing = new EmulatedBoardFlasher(Board.QEMU_ARM, root, Optional.empty(), Duration.ofSeconds(2), true);
        assertThrows(FlashException.class, () -> erasing.flash(FlashRequest.of(new FlashImage("x.elf", elf(243, 5000)), config),
                new RecordingListener(), new CancelSignal()));
        assertTrue(Files.exists(store), "a flash that failed erases nothing");
        erasing.flash(FlashRequest.of(new FlashImage("eave-qemu-arm.elf", elf(40, 6000)), config), new RecordingListener(), new CancelSignal());
        assertFalse(Files.exists(store), "--erase-store: the board starts with an empty store");
        assertEquals(6000, Files.size(root.resolve("kept/firmware.elf")));
    }

    @Test
    void theBootHookGetsTheFlashedDevice() throws Exception {
        AtomicReference<EmulatedDevice> booted = new AtomicReference<>();
        EmulatedBoardFlasher flasher = new EmulatedBoardFlasher(Board.QEMU_RISCV, root, Optional.of(d -> {
            booted.set(d);
            return CompletableFuture.completedFuture("eave firmware on qemu-riscv: ready");
        }), Duration.ofSeconds(2));
        RecordingListener listener = new RecordingListener();
        flasher.flash(FlashRequest.of(new FlashImage("eave-qemu-riscv.elf", elf(243, 5000)), DeviceConfig.withRandomSecret("rv")), listener,
                new CancelSignal());
        assertEquals(root.resolve("rv").resolve("firmware.elf"), booted.get().firmware());
        assertTrue(listener.saw(io.eave.flash.FlashPhase.RESETTING));
    }

    @Test
    void aBoardThatDoesNotStartIsReportedAfterTheVerifiedWrite() {
        EmulatedBoardFlasher flasher = new EmulatedBoardFlasher(Board.QEMU_ARM, root,
                Optional.of(d -> CompletableFuture.failedFuture(new IOException("qemu-system-arm is not installed"))), Duration.ofSeconds(2));
        FlashException e = assertThrows(FlashException.class, () -> flasher.flash(
                FlashRequest.of(new FlashImage("a.elf", elf(40, 500)), DeviceConfig.withRandomSecret("lab")), new RecordingListener(),
                new CancelSignal()));
        assertEquals(Kind.NO_ANSWER, e.kind());
        assertEquals("flashed and verified qemu-arm device 'lab' in " + root.resolve("lab") + ", but it did not start: qemu-system-arm is not installed",
                e.getMessage());
    }

    @Test
    void anImageForTheOtherBoardIsRefused() {
        FlashException e = assertThrows(FlashException.class, () -> flasher(Board.QEMU_ARM).flash(
                FlashRequest.of(new FlashImage("eave-qemu-riscv.elf", elf(243, 500)), DeviceConfig.withRandomSecret("lab")),
                new RecordingListener(), new CancelSignal()));
        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertEquals("the image eave-qemu-riscv.elf is built for the qemu-riscv board, not for qemu-arm (ARM): pick the image eave-qemu-arm.elf",
                e.getMessage());
        assertFalse(Files.exists(root.resolve("lab")));
    }

    @Test
    void aFileThatIsNoElfIsRefused() {
        FlashException e = assertThrows(FlashException.class, () -> flasher(Board.QEMU_ARM).flash(
                FlashRequest.of(new FlashImage("fw.bin", new byte[100]), DeviceConfig.withRandomSecret("lab")),
                new RecordingListener(), new CancelSignal()));
        assertTrue(e.getMessage().startsWith("the image fw.bin is not an ELF file"), e.getMessage());
    }

    @Test
    void aCancelledFlashKeepsThePreviousFirmware() throws Exception {
        byte[] first = elf(40, 1000);
        DeviceConfig config = DeviceConfig.withRandomSecret("lab");
        flasher(Board.QEMU_ARM).flash(FlashRequest.of(new FlashImage("one.elf", first), config), new RecordingListener(), new CancelSignal());

        CancelSignal cancel = new CancelSignal();
        RecordingListener listener = new RecordingListener(ev -> {
            if (ev.done() > 0) {
                cancel.cancel();
            }
        });
        FlashException e = assertThrows(FlashException.class, () -> flasher(Board.QEMU_ARM).flash(
                FlashRequest.of(new FlashImage("two.elf", elf(40, 1_000_000)), config), listener, cancel));
        assertEquals(Kind.CANCELLED, e.kind());
        assertTrue(e.getMessage().endsWith("its previous firmware is unchanged"), e.getMessage());
        assertArrayEquals(first, Files.readAllBytes(root.resolve("lab/firmware.elf")));
        assertEquals(first.length, EmulatedDevice.read(root.resolve("lab")).firmware().toFile().length());
        try (var files = Files.list(root.resolve("lab"))) {
            assertEquals(3, files.count(), "no partial file left behind");
        }
    }

    @Test
    void aDamagedFolderIsRefusedWhenRead() throws Exception {
        flasher(Board.QEMU_ARM).flash(FlashRequest.of(new FlashImage("a.elf", elf(40, 1000)), DeviceConfig.withRandomSecret("lab")),
                new RecordingListener(), new CancelSignal());
        Files.write(root.resolve("lab/firmware.elf"), new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> EmulatedDevice.read(root.resolve("lab")));
        assertTrue(e.getMessage().contains("is damaged") && e.getMessage().endsWith("flash it again"), e.getMessage());
    }
}
