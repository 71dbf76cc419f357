package io.eave.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.eave.flash.DeviceConfig;
import io.eave.flash.DeviceFolder;
import io.eave.flash.emulated.EmulatedDevice;
import io.eave.link.LinkException;

/**
 * {@code eave simulate --board qemu-arm|qemu-riscv [--name N] [--image FILE] [--store FILE]}: boots a QEMU board
 * running the Eave board image, with its serial line on a pty, waits for the device's HELLO over
 * the link, prints the pty and stays in the foreground until QEMU ends or Ctrl-C.
 *
 * <p>The image is {@code --image}, else the one a flashed device of that name boots
 * ({@code eave flash --board B --name N}, with its device configuration), else the firmware
 * build's ({@code firmware/target/board-B/eave-B.elf}, built when missing). Without a flashed
 * device a configuration with the name and a fresh secret is made for this run.
 *
 * <p>The program store is kept in {@code --store FILE}, else in the device's folder
 * ({@code <eave home>/boards/N/B.store}), so installed programs and their run-on-boot flags survive
 * from one run to the next, as on a board's flash.
 */
final class BoardCommand {

    static final String USAGE = "usage: eave simulate --board qemu-arm|qemu-riscv [--name NAME] [--image FILE] [--store FILE]";
    /** Boot and HELLO take well under a second; QEMU on a busy shared machine may take longer. */
    static final Duration BOOT_TIMEOUT = Duration.ofSeconds(20);

    private final PrintStream out;
    private final PrintStream err;

    BoardCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs until QEMU exits (Ctrl-C ends it). */
    int run(List<String> args) {
        return run(args, board -> {
            Thread stop = new Thread(board::close, "stop-" + board.board().id);
            Runtime.getRuntime().addShutdownHook(stop);
            try {
                board.process().waitFor();
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IllegalStateException e) {
                // shutting down: the hook stops QEMU
            }
        });
    }

    /** Runs {@code whileRunning} with the booted board, then stops it; for tests and embedding. */
    int run(List<String> args, Consumer<BoardEmulator> whileRunning) {
        String boardId = null;
        String name = null;
        Path image = null;
        Path store = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE);
                return 0;
            }
            if (i + 1 >= args.size() || !List.of("--board", "--name", "--image", "--store").contains(arg)) {
                err.println("eave simulate: unknown or incomplete option '" + arg + "' for a board (--secret is for eave-sim;"
                        + " a board's secret is set by eave flash). " + USAGE);
                return 2;
            }
            String value = args.get(++i);
            switch (arg) {
                case "--board" -> boardId = value;
                case "--name" -> name = value;
                case "--store" -> store = Path.of(value);
                default -> image = Path.of(value);
            }
        }
        Optional<BoardEmulator.Board> board = boardId == null ? Optional.empty() : BoardEmulator.Board.byId(boardId);
        if (board.isEmpty()) {
            err.println("eave simulate: unknown board '" + boardId + "': pick one of " + String.join(", ", BoardEmulator.Board.ids()));
            return 2;
        }
        if (name == null) {
            name = board.get().id;
        }
        try {
            DeviceConfig.checkName(name);
        } catch (IllegalArgumentException e) {
            err.println("eave simulate: " + e.getMessage());
            return 2;
        }
        Path temporary = null;
        try {
            Path config;
            Optional<EmulatedDevice> flashed = image == null ? flashed(board.get(), name) : Optional.empty();
            if (flashed.isPresent()) {
                image = flashed.get().firmware();
                config = flashed.get().configFile();
            } else {
                if (image == null) {
                    image = buildImage(board.get());
                }
                temporary = Files.createTempFile("eave-" + name + "-", ".config");
                Files.write(temporary, DeviceConfig.withRandomSecret(name).encode());
                config = temporary;
            }
            if (!Files.isRegularFile(image)) {
                err.println("eave simulate: no firmware image " + image);
                return 1;
            }
            if (store == null) {
                store = defaultStore(board.get(), name);
            }
            try (BoardEmulator running = BoardEmulator.start(board.get(), image, config, store, BOOT_TIMEOUT)) {
                out.println("eave simulate: " + board.get().id + " device '" + running.hello().name() + "' is running under "
                        + board.get().machine + " (Ctrl-C stops it)");
                out.println("  serial:    " + running.serialPath());
                out.println("  firmware:  " + running.hello().firmware() + " on " + running.hello().board());
                out.println("  image:     " + image + (flashed.isPresent() ? " (flashed device)" : ""));
                out.println("  store:     " + store + " (the board's flash: installed programs stay across runs)");
                out.println("  use it:    ./eave run FILE --device " + running.serialPath());
                out.flush();
                whileRunning.accept(running);
                return 0;
            }
        } catch (LinkException e) {
            err.println("eave simulate: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("eave simulate: " + e.getMessage());
            return 1;
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // a stale temporary file in the temp folder is harmless
                }
            }
        }
    }

    /** The device flashed for this board under {@code name}, if there is one (a damaged one is an error). */
    private static Optional<EmulatedDevice> flashed(BoardEmulator.Board board, String name) throws IOException {
        Path folder = DeviceFolder.boardsRoot().resolve(name);
        if (!Files.isRegularFile(folder.resolve(DeviceFolder.PROPERTIES))) {
            return Optional.empty();
        }
        EmulatedDevice device = EmulatedDevice.read(folder);
        return device.board().equals(board.id) ? Optional.of(device) : Optional.empty();
    }

    /** The program store of device {@code name} on {@code board}: in its folder, as the flasher keeps it. */
    static Path defaultStore(BoardEmulator.Board board, String name) {
        return EmulatedDevice.storeFile(DeviceFolder.boardsRoot().resolve(name), board.id);
    }

    /** The firmware build's image of {@code board}, built with firmware/build-boards.sh when missing. */
    private Path buildImage(BoardEmulator.Board board) throws LinkException, IOException {
        String given = System.getProperty("eave.board.images", System.getenv("EAVE_BOARD_IMAGES"));
        Path root = given != null && !given.isBlank() ? null : SimulateCommand.projectRoot();
        Path target = given != null && !given.isBlank() ? Path.of(given) : root.resolve("firmware/target");
        Path image = imageIn(target, board);
        if (Files.isRegularFile(image) || root == null) {
            return image;
        }
        err.println("eave simulate: building the " + board.id + " image (firmware/build-boards.sh)...");
        Process build = new ProcessBuilder("bash", root.resolve("firmware/build-boards.sh").toString(), target.toString(), "false")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0 || !Files.isRegularFile(image)) {
                build.destroy();
                throw new LinkException("could not build " + image + ": run 'bash firmware/build-boards.sh firmware/target true' to see why"
                        + " (it needs the cross compilers: apt-get install gcc-arm-none-eabi picolibc-arm-none-eabi"
                        + " gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf)");
            }
        } catch (InterruptedException e) {
            build.destroy();
            Thread.currentThread().interrupt();
            throw new LinkException("interrupted while building " + image, e);
        }
        return image;
    }

    /** Where build-boards.sh OUT puts a board's image. */
    static Path imageIn(Path out, BoardEmulator.Board board) {
        return out.resolve("board-" + board.id).resolve("eave-" + board.id + ".elf");
    }
}
