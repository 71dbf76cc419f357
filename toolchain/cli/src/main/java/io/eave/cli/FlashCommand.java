package io.eave.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.eave.flash.DeviceConfig;
import io.eave.flash.DeviceFolder;
import io.eave.flash.FlashException;
import io.eave.flash.FlashImage;
import io.eave.flash.FlashJob;
import io.eave.flash.FlashListener;
import io.eave.flash.FlashPhase;
import io.eave.flash.FlashRequest;
import io.eave.flash.FlashResult;
import io.eave.flash.Flasher;
import io.eave.flash.emulated.EmulatedBoardFlasher;
import io.eave.flash.emulated.EmulatedDevice;
import io.eave.flash.esp.EspChip;
import io.eave.flash.esp.EspRomFlasher;
import io.eave.flash.esp.EspSettings;
import io.eave.flash.esp.ResetSequence;
import io.eave.flash.port.SerialFlashPort;

/**
 * {@code eave flash}: writes the Eave firmware and a device configuration (name, secret) to a
 * board, with a progress bar on stderr. QEMU boards are flashed into their device folder; ESP32
 * boards over their ROM serial loader. See {@code docs/flashing.md}.
 */
final class FlashCommand {

    static final String USAGE = """
            Usage: ./eave flash [--board B] [--port P] [--image FILE] [--name N] [options]

              --board B        qemu-arm, qemu-riscv (emulated), or esp32, esp32-s2, esp32-s3, esp32-c3, esp32-c6
                               (with only --port: any ESP32-family chip)
              --port P         the serial port of an ESP board, e.g. /dev/ttyUSB0 or /dev/ttyACM0
              --image FILE     the firmware; QEMU boards default to the one the firmware build makes,
                               ESP boards need it (a merged binary written at --offset)
              --name N         the device's name (default: the board's); its folder is <eave home>/boards/N,
                               which keeps its secret (kept when the device is flashed again)
              --erase-store    QEMU: erase the device's program store too (kept by default, so installed
                               programs run on the new firmware)
              --offset HEX     ESP: where the image goes in flash (default 0x0)
              --baud N         ESP: baud rate for the write (default 921600; the ROM starts at 115200)
              --no-compress    ESP: write plain blocks instead of deflated ones
              --reset R        ESP: auto (default), classic, usb-jtag, or none (you hold BOOT and press RESET)
              --flash-size S   ESP: the flash chip's size, e.g. 4MB (default); the device configuration
                               goes in its last 4 KiB
            """;

    /** How long a cancelled flash (Ctrl-C) may take to stop at a block boundary and say so. */
    private static final long CANCEL_GRACE_MILLIS = 3_000;
    /** A flash that takes longer than this is stuck: every step has its own shorter timeout. */
    private static final long FLASH_LIMIT_MINUTES = 30;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean bar;

    FlashCommand(PrintStream out, PrintStream err) {
        this(out, err, stderrIsTerminal());
    }

    FlashCommand(PrintStream out, PrintStream err, boolean bar) {
        this.out = out;
        this.err = err;
        this.bar = bar;
    }

    private static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    int run(List<String> args) {
        Map<String, String> o;
        try {
            o = parse(args);
        } catch (UsageException e) {
            err.println("eave flash: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (o.containsKey("help")) {
            out.print(USAGE);
            return 0;
        }
        try {
            Plan plan = plan(o);
            return flash(plan);
        } catch (UsageException e) {
            err.println("eave flash: " + e.getMessage());
            return 2;
        } catch (FlashException e) {
            err.println("eave flash: " + e.getMessage());
            return e.kind() == FlashException.Kind.BAD_REQUEST ? 2 : 1;
        }
    }

    private static final List<String> VALUED = List.of("board", "port", "image", "name", "offset", "baud", "reset", "flash-size");

    private static Map<String, String> parse(List<String> args) throws UsageException {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h")) {
                o.put("help", "");
            } else if (a.equals("--no-compress")) {
                o.put("no-compress", "");
            } else if (a.equals("--erase-store")) {
                o.put("erase-store", "");
            } else if (a.startsWith("--") && VALUED.contains(a.substring(2).split("=", 2)[0])) {
                String key = a.substring(2);
                String value;
                if (key.contains("=")) {
                    value = key.substring(key.indexOf('=') + 1);
                    key = key.substring(0, key.indexOf('='));
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException("--" + key + " needs a value");
                }
                o.put(key, value);
            } else {
                throw new UsageException("unknown argument '" + a + "'");
            }
        }
        return o;
    }

    /** What to flash where, worked out from the options before anything is touched. */
    private record Plan(Flasher flasher, FlashRequest request, String board, Path folder, boolean keptSecret, Optional<String> port,
            Optional<Path> store, boolean eraseStore) { }

    private Plan plan(Map<String, String> o) throws UsageException, FlashException {
        String board = o.get("board");
        String port = o.get("port");
        if (board == null && port == null) {
            throw new UsageException("pick a board with --board (" + String.join(", ", boards()) + "), or give an ESP board's --port");
        }
        if (board == null) {
            board = "esp";   // any ESP32-family chip: the flasher identifies it
        }
        Optional<EmulatedBoardFlasher.Board> emulated = EmulatedBoardFlasher.Board.byId(board);
        Optional<EspChip> chip = Arrays.stream(EspChip.values()).filter(c -> c.boardName().equals(o.get("board"))).findFirst();
        if (emulated.isEmpty() && chip.isEmpty() && o.containsKey("board")) {
            throw new UsageException("unknown board '" + board + "': pick one of " + String.join(", ", boards()));
        }
        String name = o.getOrDefault("name", board.equals("esp") ? "esp32" : board);
        try {
            DeviceConfig.checkName(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path folder = DeviceFolder.boardsRoot().resolve(name);
        DeviceConfig config;
        boolean kept = false;
        try {
            DeviceConfig old = DeviceFolder.readConfig(folder);
            config = new DeviceConfig(name, old.secret());
            kept = true;
        } catch (IOException e) {
            config = DeviceConfig.withRandomSecret(name);
        }
        if (emulated.isPresent()) {
            for (String espOnly : List.of("port", "offset", "baud", "reset", "flash-size", "no-compress")) {
                if (o.containsKey(espOnly)) {
                    throw new UsageException("--" + espOnly + " is for ESP boards; " + board + " is emulated");
                }
            }
            Path image = o.containsKey("image") ? Path.of(o.get("image")) : boardImage(board);
            FlashRequest request = FlashRequest.of(FlashImage.read(image), config);
            return new Plan(new EmulatedBoardFlasher(emulated.get(), o.containsKey("erase-store")), request, board, folder, kept,
                    Optional.empty(), Optional.of(EmulatedDevice.storeFile(folder, board)), o.containsKey("erase-store"));
        }
        if (port == null) {
            throw new UsageException("an ESP board needs its serial port: pass --port, e.g. --port /dev/ttyUSB0 (ports on this machine: "
                    + SerialFlashPort.describePorts() + ")");
        }
        if (!o.containsKey("image")) {
            throw new UsageException("Eave does not build an ESP32 firmware image yet: pass --image FILE (a merged binary, written at --offset, default 0x0)");
        }
        EspSettings settings = EspSettings.defaults().withFlashSize(size(o.getOrDefault("flash-size", "4MB")))
                .withCompress(!o.containsKey("no-compress")).withReset(reset(o.getOrDefault("reset", "auto")))
                .withBaud(number("--baud", o.getOrDefault("baud", "921600")));
        if (chip.isPresent()) {
            settings = settings.expecting(chip.get());
        }
        FlashRequest request = FlashRequest.of(FlashImage.read(Path.of(o.get("image"))), config).atOffset(number("--offset", o.getOrDefault("offset", "0")));
        if (o.containsKey("erase-store")) {
            throw new UsageException("--erase-store is for QEMU boards (Eave has no program store on ESP boards yet)");
        }
        return new Plan(EspRomFlasher.onSerialPort(port, settings), request, board, folder, kept, Optional.of(port), Optional.empty(), false);
    }

    private static List<String> boards() {
        List<String> all = new ArrayList<>(EmulatedBoardFlasher.BOARD_IDS);
        for (EspChip c : EspChip.values()) {
            all.add(c.boardName());
        }
        return all;
    }

    private static ResetSequence reset(String r) throws UsageException {
        return switch (r) {
            case "auto" -> ResetSequence.AUTO;
            case "classic" -> ResetSequence.CLASSIC;
            case "usb-jtag" -> ResetSequence.USB_SERIAL_JTAG;
            case "none" -> ResetSequence.NONE;
            default -> throw new UsageException("unknown --reset '" + r + "': use auto, classic, usb-jtag or none");
        };
    }

    private static int number(String option, String text) throws UsageException {
        try {
            String t = text.toLowerCase(Locale.ROOT);
            long v = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " expects a number (decimal or 0x hex), not '" + text + "'");
        }
    }

    private static long size(String text) throws UsageException {
        String t = text.toUpperCase(Locale.ROOT).replace("IB", "B");
        long unit = t.endsWith("MB") ? 1L << 20 : t.endsWith("KB") ? 1L << 10 : 1;
        String digits = t.replaceAll("[KM]?B$", "");
        long v = number("--flash-size", digits) * unit;
        if (v < 64 * 1024 || Long.bitCount(v) != 1) {
            throw new UsageException("--flash-size must be a power of two of at least 64KB, e.g. 4MB, not '" + text + "'");
        }
        return v;
    }

    /** The board image the firmware build makes, or a usage error that says how to get it. */
    private static Path boardImage(String board) throws UsageException {
        Path root = eaveRoot();
        String file = "eave-" + board + ".elf";
        for (Path candidate : List.of(root.resolve("firmware/target/board-images/board-" + board).resolve(file),
                root.resolve("firmware/target/board-" + board).resolve(file))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new UsageException("no " + board + " firmware image in " + root.resolve("firmware/target")
                + ": build it (./mvnw -q install -pl firmware -am) or pass --image FILE");
    }

    /** The checkout this CLI runs from (its jar is toolchain/cli/target/eave-cli-*.jar), else the current folder. */
    static Path eaveRoot() {
        String property = System.getProperty("eave.root");
        if (property != null) {
            return Path.of(property);
        }
        try {
            Path p = Path.of(FlashCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            for (; p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("firmware")) && Files.isDirectory(p.resolve("toolchain"))) {
                    return p;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall back to the current folder
        }
        return Path.of("").toAbsolutePath();
    }

    private int flash(Plan plan) throws FlashException {
        err.println("eave flash: " + plan.request().image().name() + " to " + (plan.board().equals("esp") ? "an ESP32-family board" : plan.board())
                + plan.port().map(p -> " on " + p).orElse("") + " as device '" + plan.request().config().get().name() + "'");
        Progress progress = new Progress();
        FlashJob job = plan.flasher().start(plan.request(), progress);
        Thread onCtrlC = new Thread(() -> {
            job.cancel();
            try {
                job.result().get(CANCEL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                progress.end();
                err.println("eave flash: cancelled" + (plan.port().isPresent() ? ": the board holds an incomplete image; flash it again" : ""));
            }
        }, "eave-flash-cancel");
        boolean hooked = addShutdownHook(onCtrlC);
        FlashResult result;
        try {
            result = job.result().get(FLASH_LIMIT_MINUTES, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            progress.end();
            if (e.getCause() instanceof FlashException f) {
                throw f;
            }
            throw new FlashException(FlashException.Kind.IO, "internal error: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            job.cancel();
            progress.end();
            throw new FlashException(FlashException.Kind.TIMEOUT, "the flash took more than " + FLASH_LIMIT_MINUTES + " minutes: cancelled");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.cancel();
            throw new FlashException(FlashException.Kind.CANCELLED, "interrupted");
        } finally {
            if (hooked) {
                try {
                    Runtime.getRuntime().removeShutdownHook(onCtrlC);
                } catch (IllegalStateException e) {
                    // shutting down already: the hook reports
                }
            }
        }
        progress.end();
        DeviceConfig config = plan.request().config().get();
        if (plan.port().isPresent()) {
            saveEspDevice(plan, result);
        }
        double seconds = result.elapsed().toNanos() / 1e9;
        out.printf("flashed %s (%,d bytes) to %s in %.1f s (%,.0f bytes/s); verified: %s%n", plan.request().image().name(),
                plan.request().image().size(), result.target(), seconds, result.bytesPerSecond(), result.verification());
        out.printf("device '%s': %s secret in %s%n", config.name(), plan.keptSecret() ? "kept its" : "new",
                plan.folder().resolve(DeviceFolder.CONFIG));
        if (plan.store().isPresent()) {
            Path store = plan.store().get();
            out.printf("program store: %s%n", plan.eraseStore() ? "erased (" + store + " is made afresh at the next boot)"
                    : Files.exists(store) ? "kept in " + store + " (installed programs stay; --erase-store empties it)"
                    : "none yet (" + store + " is made at the first boot)");
        }
        return 0;
    }

    private void saveEspDevice(Plan plan, FlashResult result) throws FlashException {
        Properties p = new Properties();
        String chip = result.target().split(" on ", 2)[0];   // the chip the flasher identified, e.g. "ESP32-C3"
        p.setProperty("board", Arrays.stream(EspChip.values()).filter(c -> c.displayName.equals(chip)).findFirst()
                .map(EspChip::boardName).orElse(plan.board()));
        p.setProperty("name", plan.request().config().get().name());
        p.setProperty("port", plan.port().get());
        p.setProperty("target", result.target());
        p.setProperty("image", plan.request().image().name());
        p.setProperty("image.size", Integer.toString(plan.request().image().size()));
        p.setProperty("image.sha256", plan.request().image().sha256());
        p.setProperty("image.offset", "0x" + Long.toHexString(plan.request().offset()));
        p.setProperty("flashed", Instant.now().toString());
        try {
            DeviceFolder.save(plan.folder(), plan.request().config().get(), p);
        } catch (IOException e) {
            throw new FlashException(FlashException.Kind.IO, "the board was flashed, but its secret could not be saved in " + plan.folder()
                    + " (" + e.getMessage() + "): clients cannot authenticate to it; fix the folder and flash again", e);
        }
    }

    private static boolean addShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    static boolean stderrIsTerminal() {
        if (System.getenv("TERM") == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);   // Java 22+
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Draws the progress: a redrawn bar on a terminal, else one line per phase and per quarter written. */
    private final class Progress implements FlashListener {
        private static final int WIDTH = 30;
        private FlashPhase shown;
        private int quarter = -1;
        private long writingDone = -1;
        private long writingTotal;
        private long lastWritingLine = -1;
        private long lastDraw;
        private boolean drawn;

        @Override
        public synchronized void progress(FlashPhase phase, long done, long total, String message) {
            int percent = total == 0 ? 100 : (int) (done * 100 / total);
            if (bar) {
                long now = System.nanoTime();
                if (phase == shown && now - lastDraw < 100_000_000L && done < total) {
                    return;
                }
                lastDraw = now;
                int filled = (int) (WIDTH * percent / 100);
                err.printf("\r  %-11s [%s%s] %3d%%  %,d/%,d bytes%s\033[K", phase.label(), "#".repeat(filled), "-".repeat(WIDTH - filled),
                        percent, done, total, message.isEmpty() ? "" : "  " + message);
                err.flush();
                drawn = true;
                shown = phase;
                return;
            }
            if (shown == FlashPhase.WRITING && phase != FlashPhase.WRITING && writingDone != lastWritingLine) {
                writingLine(writingDone, writingTotal);   // the last block written, before the next phase
            }
            if (phase != shown || !message.isEmpty() && phase != FlashPhase.WRITING) {
                err.printf("  %-11s %3d%%%s%n", phase.label(), percent, message.isEmpty() ? "" : "  " + message);
                shown = phase;
            }
            if (phase == FlashPhase.WRITING) {
                writingDone = done;
                writingTotal = total;
                int q = percent / 25;
                if (q > quarter && q > 0) {
                    quarter = q;
                    writingLine(done, total);
                }
            }
        }

        private void writingLine(long done, long total) {
            err.printf("  %-11s %3d%%  %,d/%,d bytes%n", FlashPhase.WRITING.label(), total == 0 ? 100 : done * 100 / total, done, total);
            lastWritingLine = done;
        }

        synchronized void end() {
            if (bar && drawn) {
                err.println();
                drawn = false;
            }
        }
    }
}
