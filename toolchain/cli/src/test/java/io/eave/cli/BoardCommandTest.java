package io.eave.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.eave.flash.DeviceFolder;
import io.eave.link.DeviceConnection;
import io.eave.link.Hello;
import io.eave.link.LinkException;
import io.eave.link.SerialTransport;

/**
 * eave simulate --board: its options, the QEMU command line, and, when the board images and QEMU
 * are there (a developer's checkout; the firmware module's CTest runs them in the full build), a
 * real boot answered over the pty with the link.
 */
class BoardCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    private int simulate(String... args) {
        return new SimulateCommand(outStream, errStream).run(List.of(args));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anUnknownBoardIsAUsageErrorThatListsTheBoards() {
        assertEquals(2, simulate("--board", "qemu-mips"));
        assertTrue(errors().contains("unknown board 'qemu-mips': pick one of qemu-arm, qemu-riscv"), errors());
    }

    @Test
    void simulatorOptionsAreRefusedForABoard() {
        assertEquals(2, simulate("--board", "qemu-arm", "--secret", "s3cret"));
        assertTrue(errors().contains("unknown or incomplete option '--secret' for a board"), errors());
    }

    @Test
    void aBadDeviceNameIsAUsageError() {
        assertEquals(2, simulate("--board", "qemu-riscv", "--name", "no spaces"));
        assertTrue(errors().contains("invalid device name 'no spaces'"), errors());
    }

    @Test
    void helpShowsTheBoardUsage() {
        assertEquals(0, simulate("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(BoardCommand.USAGE));
    }

    @Test
    void qemuGetsThePtyTheConfigurationWhereTheFirmwareReadsItAndTheStoreFile() {
        List<String> arm = BoardEmulator.command(BoardEmulator.Board.QEMU_ARM, Path.of("fw.elf"), Path.of("c.bin"), Path.of("/s/a,b.store"));
        assertEquals(List.of("qemu-system-arm", "-M", "mps2-an385", "-nic", "none", "-no-reboot", "-display", "none",
                "-monitor", "none", "-serial", "pty", "-machine", "memory-backend=eave-store",
                "-object", "memory-backend-file,id=eave-store,size=16777216,share=on,mem-path=/s/a,,b.store",
                "-kernel", "fw.elf", "-device", "loader,file=c.bin,addr=0x3ff000"), arm);
        List<String> riscv = BoardEmulator.command(BoardEmulator.Board.QEMU_RISCV, Path.of("fw.elf"), Path.of("c.bin"), Path.of("s.store"));
        assertEquals(List.of("qemu-system-riscv32", "-M", "virt", "-bios", "none"), riscv.subList(0, 5));
        assertTrue(riscv.containsAll(List.of("-drive", "if=pflash,unit=0,format=raw,file=s.store", "-device", "loader,file=fw.elf,cpu-num=0")),
                riscv.toString());
        assertFalse(riscv.contains("-kernel"), "with pflash0, QEMU 7.2 would not start a -kernel image: " + riscv);
        assertEquals("loader,file=c.bin,addr=0x803ff000", riscv.get(riscv.size() - 1));
    }

    @Test
    void aStoreFileIsMadeAtTheBoardsSizeAndOneOfAnotherSizeIsRefused(@TempDir Path dir) throws IOException {
        Path store = dir.resolve("lab/qemu-riscv.store");
        BoardEmulator.prepareStore(BoardEmulator.Board.QEMU_RISCV, store);
        assertEquals(32L << 20, Files.size(store));
        BoardEmulator.prepareStore(BoardEmulator.Board.QEMU_RISCV, store); // kept as it is
        assertEquals(32L << 20, Files.size(store));
        IOException e = assertThrows(IOException.class, () -> BoardEmulator.prepareStore(BoardEmulator.Board.QEMU_ARM, store));
        assertTrue(e.getMessage().contains("belongs to another board"), e.getMessage());
    }

    @Test
    void aStoreInUseByARunningBoardIsRefused(@TempDir Path dir) throws IOException {
        Path store = dir.resolve("busy.store");
        BoardEmulator.prepareStore(BoardEmulator.Board.QEMU_ARM, store);
        try (FileChannel first = BoardEmulator.lockStore(store)) {
            IOException e = assertThrows(IOException.class, () -> BoardEmulator.lockStore(store));
            assertTrue(e.getMessage().contains("is in use by another running board"), e.getMessage());
        }
        BoardEmulator.lockStore(store).close(); // free again once the first board is gone
    }

    @Test
    void theDefaultStoreIsInTheDevicesFolderOnePerBoard() {
        Path arm = BoardCommand.defaultStore(BoardEmulator.Board.QEMU_ARM, "lab1");
        assertEquals(DeviceFolder.boardsRoot().resolve("lab1").resolve("qemu-arm.store"), arm);
        assertNotEquals(arm, BoardCommand.defaultStore(BoardEmulator.Board.QEMU_RISCV, "lab1"));
    }

    @Test
    void theConfigurationAddressesMatchTheLinkerScripts() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("firmware/ports"))) {
            root = root.getParent();
        }
        Assumptions.assumeTrue(root != null, "the firmware sources are not here");
        for (BoardEmulator.Board board : BoardEmulator.Board.values()) {
            String script = Files.readString(root.resolve("firmware/ports/" + board.id + "/board.ld"));
            String expected = String.format("__eave_config     = 0x%08X;", board.configAddress);
            assertTrue(script.contains(expected), board.id + ": board.ld does not say " + expected);
        }
    }

    @Test
    void thePtyIsReadFromQemusOutput() {
        assertEquals(Optional.of("/dev/pts/7"), BoardEmulator.ptyPath("char device redirected to /dev/pts/7 (label serial0)"));
        assertEquals(Optional.empty(), BoardEmulator.ptyPath("qemu-system-arm: warning: nic lan9118.0 has no peer"));
    }

    @ParameterizedTest
    @EnumSource(BoardEmulator.Board.class)
    void aBoardBootsAndAnswersHelloWithItsNameOverThePty(BoardEmulator.Board board, @TempDir Path dir) {
        Path image = BoardCommand.imageIn(imagesDir(), board);
        Assumptions.assumeTrue(Files.isRegularFile(image), "no " + board.id + " image at " + image + " (built by the firmware module)");
        Assumptions.assumeTrue(onPath(board.qemu.get(0)), board.qemu.get(0) + " is not installed");
        AtomicReference<Object> hello = new AtomicReference<>();
        String name = "unit-" + board.id;
        int code = new BoardCommand(outStream, errStream).run(List.of("--board", board.id, "--image", image.toString(), "--name", name,
                "--store", dir.resolve(board.id + ".store").toString()),
                running -> {
                    try (DeviceConnection device = DeviceConnection.connect(SerialTransport.open(running.serialPath()),
                            DeviceConnection.Options.trusted().withTimeout(Duration.ofSeconds(10)))) {
                        hello.set(device.hello());
                    } catch (LinkException e) {
                        hello.set(e);
                    }
                });
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, errors());
        assertTrue(printed.matches("(?s).*serial: +/dev/pts/\\d+.*"), printed);
        assertTrue(hello.get() instanceof Hello, String.valueOf(hello.get()));
        Hello h = (Hello) hello.get();
        assertEquals(name, h.name());
        assertTrue(h.board().startsWith(board.id + " ("), h.board());
    }

    @Test
    void aFlashedBoardRunsOnTheStoreInItsFolderWhichAReflashKeeps(@TempDir Path home) throws IOException {
        BoardEmulator.Board board = BoardEmulator.Board.QEMU_ARM;
        Path image = BoardCommand.imageIn(imagesDir(), board);
        Assumptions.assumeTrue(Files.isRegularFile(image), "no " + board.id + " image at " + image + " (built by the firmware module)");
        Assumptions.assumeTrue(onPath(board.qemu.get(0)), board.qemu.get(0) + " is not installed");
        String previous = System.getProperty("eave.home");
        System.setProperty("eave.home", home.toString());
        try {
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            String[] flash = {"--board", board.id, "--image", image.toString(), "--name", "lab"};
            assertEquals(0, new FlashCommand(quiet, errStream, false).run(List.of(flash)), errors());
            Path store = home.resolve("boards/lab/qemu-arm.store");
            int code = new BoardCommand(outStream, errStream).run(List.of("--board", board.id, "--name", "lab"), running -> { });
            assertEquals(0, code, errors());
            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains("(flashed device)"), printed);
            assertTrue(printed.contains("store:     " + store + " "), printed);
            byte[] written = Files.readAllBytes(store);
            assertEquals("EAVS", new String(written, 0, 4, StandardCharsets.US_ASCII), "the firmware formatted its store in the file");

            assertEquals(0, new FlashCommand(quiet, errStream, false).run(List.of(flash)), errors());
            assertArrayEquals(written, Files.readAllBytes(store), "flashing again keeps the store");
        } finally {
            if (previous == null) {
                System.clearProperty("eave.home");
            } else {
                System.setProperty("eave.home", previous);
            }
        }
    }

    private static Path imagesDir() {
        String given = System.getProperty("eave.board.images", System.getenv("EAVE_BOARD_IMAGES"));
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        Path at = Path.of("").toAbsolutePath();
        while (at != null && !Files.isDirectory(at.resolve("firmware/ports"))) {
            at = at.getParent();
        }
        return at == null ? Path.of("firmware/target") : at.resolve("firmware/target");
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
