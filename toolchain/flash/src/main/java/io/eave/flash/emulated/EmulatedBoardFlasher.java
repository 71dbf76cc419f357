package io.eave.flash.emulated;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.eave.flash.CancelSignal;
import io.eave.flash.DeviceConfig;
import io.eave.flash.DeviceFolder;
import io.eave.flash.FlashException;
import io.eave.flash.FlashException.Kind;
import io.eave.flash.FlashImage;
import io.eave.flash.FlashListener;
import io.eave.flash.FlashPhase;
import io.eave.flash.FlashRequest;
import io.eave.flash.FlashResult;
import io.eave.flash.Flasher;

/**
 * "Flashes" a QEMU board: writes the board image (an ELF for the board's CPU) and the device
 * configuration into the device's folder ({@link DeviceFolder}), each through a temporary file
 * and a rename, reads both back and compares SHA-256s, then calls the {@link BoardBooter} hook, if
 * any, to start the board. A cancelled or failed flash leaves the previous firmware in place.
 *
 * <p>The device's program store ({@link EmulatedDevice#store()}) is the part of the board's flash
 * the image does not use, so flashing keeps it, as esptool keeps the flash it does not write:
 * installed programs run on the new firmware. With {@code eraseStore} it is erased once the new
 * firmware is written and verified (a failed flash erases nothing), as a full chip erase would.
 */
public final class EmulatedBoardFlasher implements Flasher {

    /** The boards and the ELF machine (e_machine) their images must have. */
    public enum Board {
        QEMU_ARM("qemu-arm", 40, "ARM"),
        QEMU_RISCV("qemu-riscv", 243, "RISC-V");

        public final String id;
        final int elfMachine;
        final String cpu;

        Board(String id, int elfMachine, String cpu) {
            this.id = id;
            this.elfMachine = elfMachine;
            this.cpu = cpu;
        }

        /** The board called {@code id}, or empty. */
        public static Optional<Board> byId(String id) {
            return Arrays.stream(values()).filter(b -> b.id.equals(id)).findFirst();
        }

        static Optional<Board> byMachine(int machine) {
            return Arrays.stream(values()).filter(b -> b.elfMachine == machine).findFirst();
        }
    }

    public static final List<String> BOARD_IDS = Arrays.stream(Board.values()).map(b -> b.id).toList();
    private static final int CHUNK = 64 * 1024;

    private final Board board;
    private final Path boardsRoot;
    private final Optional<BoardBooter> booter;
    private final Duration bootTimeout;
    private final boolean eraseStore;

    public EmulatedBoardFlasher(Board board, Path boardsRoot, Optional<BoardBooter> booter, Duration bootTimeout, boolean eraseStore) {
        this.board = board;
        this.boardsRoot = boardsRoot;
        this.booter = booter;
        this.bootTimeout = bootTimeout;
        this.eraseStore = eraseStore;
    }

    /** Keeps the device's program store. */
    public EmulatedBoardFlasher(Board board, Path boardsRoot, Optional<BoardBooter> booter, Duration bootTimeout) {
        this(board, boardsRoot, booter, bootTimeout, false);
    }

    /** A flasher into {@link DeviceFolder#boardsRoot()} that does not start the board; {@code eraseStore} empties its program store. */
    public EmulatedBoardFlasher(Board board, boolean eraseStore) {
        this(board, DeviceFolder.boardsRoot(), Optional.empty(), Duration.ofSeconds(10), eraseStore);
    }

    /** A flasher into {@link DeviceFolder#boardsRoot()} that does not start the board and keeps its program store. */
    public EmulatedBoardFlasher(Board board) {
        this(board, false);
    }

    @Override
    public String target() {
        return board.id + " devices in " + boardsRoot;
    }

    @Override
    public FlashResult flash(FlashRequest request, FlashListener listener, CancelSignal cancel) throws FlashException {
        long start = System.nanoTime();
        if (request.config().isEmpty()) {
            throw new FlashException(Kind.BAD_REQUEST, "an emulated board needs a device name (its folder is named after it): pass --name");
        }
        DeviceConfig config = request.config().get();
        FlashImage image = request.image();
        checkElf(image);
        Path folder = boardsRoot.resolve(config.name());
        String where = board.id + " device '" + config.name() + "' in " + folder;
        long total = request.totalBytes();
        listener.progress(FlashPhase.CONNECTING, 0, total, where);
        Path firmware = folder.resolve(DeviceFolder.FIRMWARE);
        Path partial = folder.resolve("." + DeviceFolder.FIRMWARE + ".partial");
        try {
            Files.createDirectories(folder);
            listener.progress(FlashPhase.WRITING, 0, total, String.format("%s, %,d bytes", image.name(), image.size()));
            byte[] bytes = image.bytes();
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                for (int at = 0; at < bytes.length; at += CHUNK) {
                    if (cancel.isCancelled()) {
                        throw new FlashException(Kind.CANCELLED, String.format("flashing %s was cancelled after %,d of %,d bytes: "
                                + "its previous firmware is unchanged", where, at, total));
                    }
                    int n = Math.min(CHUNK, bytes.length - at);
                    ByteBuffer chunk = ByteBuffer.wrap(bytes, at, n);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                    listener.progress(FlashPhase.WRITING, at + n, total, "");
                }
                out.force(true);
            }
            Files.move(partial, firmware, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            listener.progress(FlashPhase.CONFIGURING, image.size(), total, "device '" + config.name() + "'");
            Properties props = new Properties();
            props.setProperty("board", board.id);
            props.setProperty("name", config.name());
            props.setProperty("image", image.name());
            props.setProperty("image.size", Integer.toString(image.size()));
            props.setProperty("image.sha256", image.sha256());
            props.setProperty("flashed", Instant.now().toString());
            DeviceFolder.save(folder, config, props);
            listener.progress(FlashPhase.VERIFYING, total, total, "SHA-256");
            verify(firmware, image.sha256(), where, "firmware");
            verify(folder.resolve(DeviceFolder.CONFIG), new FlashImage("config", config.encode()).sha256(), where, "device configuration");
            if (eraseStore) {
                // An erased chip: the board formats a missing store at its next boot.
                Files.deleteIfExists(EmulatedDevice.storeFile(folder, board.id));
            }
        } catch (IOException e) {
            throw new FlashException(Kind.IO, "cannot write " + where + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // a stale partial file is harmless: it is never booted
            }
        }
        EmulatedDevice device = new EmulatedDevice(board.id, folder, config, image.sha256());
        if (booter.isPresent()) {
            listener.progress(FlashPhase.RESETTING, total, total, "starting " + where);
            boot(device, where);
        }
        listener.progress(FlashPhase.DONE, total, total, where);
        return new FlashResult(where, total, total, Duration.ofNanos(System.nanoTime() - start),
                "SHA-256 " + image.sha256() + " of " + firmware + " read back", Optional.of(folder));
    }

    private void checkElf(FlashImage image) throws FlashException {
        byte[] b = image.bytes();
        if (b.length < 20 || b[0] != 0x7F || b[1] != 'E' || b[2] != 'L' || b[3] != 'F') {
            throw new FlashException(Kind.BAD_REQUEST, "the image " + image.name() + " is not an ELF file: a " + board.id
                    + " board boots the ELF the firmware build makes (firmware/target/board-" + board.id + "/eave-" + board.id + ".elf)");
        }
        boolean little = b[5] == 1;
        int machine = little ? (b[18] & 0xFF) | (b[19] & 0xFF) << 8 : (b[19] & 0xFF) | (b[18] & 0xFF) << 8;
        if (machine != board.elfMachine) {
            String other = Board.byMachine(machine).map(o -> "the " + o.id + " board").orElse("another CPU (ELF machine " + machine + ")");
            throw new FlashException(Kind.BAD_REQUEST, "the image " + image.name() + " is built for " + other + ", not for "
                    + board.id + " (" + board.cpu + "): pick the image eave-" + board.id + ".elf");
        }
    }

    private static void verify(Path file, String expected, String where, String what) throws IOException, FlashException {
        String actual = new FlashImage(file.toString(), Files.readAllBytes(file)).sha256();
        if (!actual.equals(expected)) {
            throw new FlashException(Kind.VERIFY_FAILED, "verification failed: the " + what + " of " + where + " reads back with SHA-256 "
                    + actual + ", but what was written has " + expected + ": check the disk and flash again");
        }
    }

    private void boot(EmulatedDevice device, String where) throws FlashException {
        CompletableFuture<String> hello = booter.get().boot(device);
        try {
            hello.get(bootTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            hello.cancel(true);
            throw new FlashException(Kind.NO_ANSWER, "flashed and verified " + where + ", but it did not say hello within "
                    + bootTimeout.toSeconds() + " s of starting: see the emulator's output", e);
        } catch (ExecutionException e) {
            throw new FlashException(Kind.NO_ANSWER, "flashed and verified " + where + ", but it did not start: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            hello.cancel(true);
            throw new FlashException(Kind.CANCELLED, "interrupted while starting " + where, e);
        }
    }
}
