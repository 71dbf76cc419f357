package io.eave.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.eave.link.DeviceConnection;
import io.eave.link.Hello;
import io.eave.link.LinkException;
import io.eave.link.SerialTransport;

/**
 * A QEMU board running an Eave board image: the emulator started with the board's UART on a pty
 * ({@code -serial pty}) and the device configuration (name, secret) loaded at the address where
 * the firmware reads it ({@code firmware/ports/<board>/board.ld}) and the program store kept in a
 * file on the device QEMU backs with it, then the device's HELLO awaited over the real link. Hosts reach the board at {@link #serialPath()} like a USB-UART.
 */
final class BoardEmulator implements AutoCloseable {

    /**
     * The emulated boards: the QEMU machine, where the firmware expects its configuration, and the
     * device QEMU keeps the program store's file in (firmware/ports/BOARD/board.ld, docs/firmware.md).
     */
    enum Board {
        /** mps2-an385 has no flash: its 16 MiB PSRAM (QEMU's machine RAM) is mapped from the store file. */
        QEMU_ARM("qemu-arm", "QEMU mps2-an385, Cortex-M3", 0x003FF000L, 16L << 20, "qemu-system-arm", "-M", "mps2-an385"),
        /** virt's first CFI flash, pflash0 (32 MiB), is the store file. */
        QEMU_RISCV("qemu-riscv", "QEMU virt, rv32imac", 0x803FF000L, 32L << 20, "qemu-system-riscv32", "-M", "virt", "-bios", "none");

        final String id;
        final String machine;
        final long configAddress;
        /** Bytes of the store file: the whole device QEMU backs with it, of which the store uses the start. */
        final long storeFileSize;
        final List<String> qemu;

        Board(String id, String machine, long configAddress, long storeFileSize, String... qemu) {
            this.id = id;
            this.machine = machine;
            this.configAddress = configAddress;
            this.storeFileSize = storeFileSize;
            this.qemu = List.of(qemu);
        }

        static Optional<Board> byId(String id) {
            return Arrays.stream(values()).filter(b -> b.id.equals(id)).findFirst();
        }

        static List<String> ids() {
            return Arrays.stream(values()).map(b -> b.id).toList();
        }

        /** QEMU's arguments that load {@code image} and keep the store in {@code store}. */
        List<String> imageAndStore(Path image, Path store) {
            return switch (this) {
                case QEMU_ARM -> List.of("-machine", "memory-backend=eave-store",
                        "-object", "memory-backend-file,id=eave-store,size=" + storeFileSize + ",share=on,mem-path=" + option(store),
                        "-kernel", image.toString());
                // With pflash0 given, QEMU 7.2's reset code jumps into the flash, and with pflash1 it
                // skips -kernel: the generic loader loads the ELF and starts the CPU at its entry instead.
                case QEMU_RISCV -> List.of("-drive", "if=pflash,unit=0,format=raw,file=" + option(store),
                        "-device", "loader,file=" + option(image) + ",cpu-num=0");
            };
        }
    }

    /** A path as a value inside a QEMU option list, where a comma is written twice. */
    static String option(Path path) {
        return path.toString().replace(",", ",,");
    }

    /**
     * Makes {@code store} ready for QEMU: a missing file is created at the board's size (sparse,
     * reading as zeros: the firmware formats it at boot); a file of another size is refused, since
     * QEMU would refuse it less clearly.
     */
    static void prepareStore(Board board, Path store) throws IOException {
        Path parent = store.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!Files.exists(store)) {
            try (RandomAccessFile file = new RandomAccessFile(store.toFile(), "rw")) {
                file.setLength(board.storeFileSize);
            }
            return;
        }
        long size = Files.size(store);
        if (size != board.storeFileSize) {
            throw new IOException("the store " + store + " has " + size + " bytes, not the " + board.storeFileSize + " of a " + board.id
                    + " board's store: it belongs to another board; pass another --store, or move it away to start afresh");
        }
    }

    /** What QEMU prints (on stdout) when it opens the pty: "char device redirected to /dev/pts/3 (label serial0)". */
    private static final Pattern PTY = Pattern.compile("char device redirected to (\\S+) \\(label serial0\\)");
    /** QEMU prints the pty path within milliseconds; a slow shared machine gets plenty more. */
    private static final Duration PTY_WAIT = Duration.ofSeconds(10);
    /** Lines of QEMU's output (stdout and stderr) kept to explain a failure. */
    private static final int LOG_LINES = 20;

    private final Board board;
    private final Process process;
    private final String serialPath;
    private final Hello hello;
    private final List<String> log;
    private final FileChannel storeLock;

    private BoardEmulator(Board board, Process process, String serialPath, Hello hello, List<String> log, FileChannel storeLock) {
        this.board = board;
        this.process = process;
        this.serialPath = serialPath;
        this.hello = hello;
        this.log = log;
        this.storeLock = storeLock;
    }

    /**
     * The QEMU command line that boots {@code image} with {@code config} (a 128-byte DeviceConfig
     * file) and its program store in {@code store} (a file {@link #prepareStore} made ready).
     */
    static List<String> command(Board board, Path image, Path config, Path store) {
        List<String> command = new ArrayList<>(board.qemu);
        command.addAll(List.of("-nic", "none", "-no-reboot", "-display", "none", "-monitor", "none", "-serial", "pty"));
        command.addAll(board.imageAndStore(image, store));
        command.addAll(List.of("-device", "loader,file=" + option(config) + ",addr=0x" + Long.toHexString(board.configAddress)));
        return command;
    }

    /** The pty path in one line of QEMU's output, or empty. */
    static Optional<String> ptyPath(String line) {
        Matcher m = PTY.matcher(line);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Starts QEMU and waits until the firmware answers HELLO on the serial line, at most
     * {@code timeout}. The link connection used for that is closed again: the line is free for
     * the next host.
     */
    static BoardEmulator start(Board board, Path image, Path config, Path store, Duration timeout) throws LinkException {
        FileChannel lock;
        try {
            prepareStore(board, store);
            lock = lockStore(store);
        } catch (IOException e) {
            throw new LinkException(e.getMessage(), e);
        }
        try {
            return start(board, image, config, store, timeout, lock);
        } catch (LinkException | RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
    }

    private static BoardEmulator start(Board board, Path image, Path config, Path store, Duration timeout, FileChannel lock)
            throws LinkException {
        List<String> command = command(board, image, config, store);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new LinkException("cannot start " + command.get(0) + " (" + e.getMessage() + "): install it (Debian: apt-get install "
                    + (board == Board.QEMU_ARM ? "qemu-system-arm" : "qemu-system-misc") + ")", e);
        }
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> pty = new CompletableFuture<>();
        Thread reader = new Thread(() -> drain(process, log, pty), "qemu-" + board.id + "-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String path = pty.get(PTY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            Hello hello = awaitHello(process, path, timeout, log);
            return new BoardEmulator(board, process, path, hello, log, lock);
        } catch (TimeoutException | ExecutionException e) {
            process.destroy();
            throw new LinkException(command.get(0) + " did not open its serial pty within " + PTY_WAIT.toSeconds() + " s" + explain(process, log), e);
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new LinkException("interrupted while starting " + board.id, e);
        } catch (LinkException | RuntimeException e) {
            process.destroy();
            throw e;
        }
    }

    /**
     * Claims {@code store} for this board while it runs: two boards on one file would be two chips
     * sharing one flash (on qemu-arm QEMU maps the file without locking it). The lock covers byte 0
     * only, clear of the bytes QEMU's own image locking uses (from offset 100).
     */
    static FileChannel lockStore(Path store) throws IOException {
        FileChannel channel = FileChannel.open(store, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock(0, 1, false);
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("the store " + store + " is in use by another running board (eave simulate --board):"
                    + " stop that one, or pass another --store");
        }
        return channel;
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel; nothing else to release
        }
    }

    private static void drain(Process process, List<String> log, CompletableFuture<String> pty) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                Optional<String> path = ptyPath(line);
                if (path.isPresent()) {
                    pty.complete(path.get());
                    continue;
                }
                if (log.size() < LOG_LINES) {
                    log.add(line);
                }
            }
        } catch (IOException e) {
            log.add("(reading QEMU's messages failed: " + e.getMessage() + ")");
        }
        pty.completeExceptionally(new IOException("QEMU closed its output"));
    }

    /** Connects over the pty until HELLO arrives: bytes sent before the UART is set up may be lost, so it retries. */
    private static Hello awaitHello(Process process, String path, Duration timeout, List<String> log) throws LinkException {
        long deadline = System.nanoTime() + timeout.toNanos();
        LinkException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new LinkException("QEMU stopped before the firmware answered" + explain(process, log));
            }
            Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000L));
            try (DeviceConnection device = DeviceConnection.connect(SerialTransport.open(path),
                    DeviceConnection.Options.trusted().withTimeout(left))) {
                return device.hello();
            } catch (LinkException e) {
                last = e;
                pause(100);
            }
        }
        throw new LinkException("the firmware did not answer HELLO on " + path + " within " + timeout.toSeconds() + " s"
                + (last != null ? " (" + last.getMessage() + ")" : "") + explain(process, log), last);
    }

    private static void pause(long millis) throws LinkException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkException("interrupted while waiting for the board", e);
        }
    }

    private static String explain(Process process, List<String> log) {
        String state = process.isAlive() ? "" : "; QEMU exited with code " + process.exitValue();
        synchronized (log) {
            return state + (log.isEmpty() ? "" : "; QEMU said: " + String.join(" | ", log));
        }
    }

    Board board() {
        return board;
    }

    /** The board's serial line, e.g. /dev/pts/3: {@code --device /dev/pts/3} reaches it. */
    String serialPath() {
        return serialPath;
    }

    /** The device's HELLO: name, firmware version and board as the firmware reports them. */
    Hello hello() {
        return hello;
    }

    Process process() {
        return process;
    }

    /** Ends QEMU; what the firmware wrote to the store is in the store file already. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(storeLock);
        }
    }

    @Override
    public String toString() {
        return board.id + " '" + hello.name() + "' on " + serialPath;
    }
}
