package io.eave.devices.flash;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import io.eave.devices.DeviceRegistry;
import io.eave.devices.KnownDevice;
import io.eave.firmware.FirmwareImage;
import io.eave.firmware.FirmwareImages;
import io.eave.flash.CancelSignal;
import io.eave.flash.DeviceConfig;
import io.eave.flash.DeviceFolder;
import io.eave.flash.FlashException;
import io.eave.flash.FlashException.Kind;
import io.eave.flash.FlashImage;
import io.eave.flash.FlashListener;
import io.eave.flash.FlashRequest;
import io.eave.flash.FlashResult;
import io.eave.flash.Flasher;
import io.eave.flash.emulated.EmulatedBoardFlasher;
import io.eave.flash.esp.EspChip;
import io.eave.flash.esp.EspRomFlasher;
import io.eave.flash.esp.EspSettings;
import io.eave.flash.esp.ResetSequence;

/**
 * What the Flash Device wizard does, without its pages: the boards to choose from (the QEMU
 * boards whose images the firmware bundle carries, and the ESP32 family, flashed over the ROM
 * loader from an image the user picks), the device's secret (kept when a device of that name was
 * flashed before), and the flash itself — the port handed over from the IDE's links for the
 * time of it ({@link io.eave.flash.port.PortOwners}), the result kept in the device's folder and
 * the device listed in the Devices view. Runs on the caller's thread: a Job's or the wizard's
 * forked runnable, never the UI thread.
 */
public final class DeviceFlashing {

    /** How long an emulated board may take to answer after its flash (QEMU start and HELLO). */
    static final Duration BOOT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * A board the wizard offers.
     *
     * @param id       as {@code eave flash --board} takes it: qemu-arm, esp32-c3, ...
     * @param label    what the list shows
     * @param bundled  the firmware bundle's image for it (QEMU boards); ESP boards need an image file
     */
    public record Board(String id, String label, Optional<FirmwareImage> bundled) {
        public boolean emulated() {
            return EmulatedBoards.isEmulated(id);
        }

        /** Whether it is flashed over a serial port. */
        public boolean needsPort() {
            return !emulated();
        }
    }

    /**
     * One flash as the wizard's fields give it.
     *
     * @param board     the board's id
     * @param port      the serial port (ESP boards), "" for QEMU boards
     * @param imageFile the image to write; empty takes the bundled one
     * @param name      the device's name (1–63 of {@code [A-Za-z0-9._-]})
     * @param secretHex the device's 32-byte secret as 64 hex digits
     * @param baud      ESP: the baud rate for the write
     */
    public record Settings(String board, String port, Optional<Path> imageFile, String name, String secretHex, int baud) {
    }

    /** What the wizard starts with: from the Devices view, the selected device's board, port and name. */
    public record Prefill(String board, String port, String name) {
        public static final Prefill NONE = new Prefill("", "", "");
    }

    private final DeviceRegistry registry;
    private final EmulatedBoards boards;
    private final Path boardsRoot;

    public DeviceFlashing(DeviceRegistry registry, EmulatedBoards boards, Path boardsRoot) {
        this.registry = registry;
        this.boards = boards;
        this.boardsRoot = boardsRoot;
    }

    /** The bundled QEMU boards first (in manifest order), then the ESP32 family. */
    public static List<Board> boards() throws IOException {
        List<Board> list = new ArrayList<>();
        for (FirmwareImage image : FirmwareImages.bundled()) {
            if (EmulatedBoards.isEmulated(image.board())) {
                list.add(new Board(image.board(), image.board() + " (QEMU, firmware " + image.version() + ")", Optional.of(image)));
            }
        }
        for (EspChip chip : EspChip.values()) {
            list.add(new Board(chip.boardName(), chip.displayName + " (serial ROM loader; choose the image)", Optional.empty()));
        }
        return list;
    }

    /**
     * The wizard's start for {@code device} from the Devices view: a QEMU board the IDE runs is
     * flashed again under its name and board; a device on a serial port keeps its port, and its
     * name and board when it was flashed on this machine before.
     */
    public Prefill prefillFor(KnownDevice device) {
        if (device == null || device.address().isTcp() && device.kind() != KnownDevice.Kind.EMULATED_BOARD) {
            return Prefill.NONE;
        }
        String port = device.kind() == KnownDevice.Kind.EMULATED_BOARD ? "" : device.address().serialPath();
        for (String name : List.of(device.name(), device.spec())) {
            try {
                Properties p = DeviceFolder.readProperties(boardsRoot.resolve(name));
                if (device.kind() == KnownDevice.Kind.EMULATED_BOARD || port.equals(p.getProperty("port"))) {
                    return new Prefill(p.getProperty("board", ""), port, p.getProperty("name", name));
                }
            } catch (IOException | java.nio.file.InvalidPathException e) {
                // not flashed here before
            }
        }
        return new Prefill("", port, "");
    }

    /** The secret of the device {@code name} flashed before on this machine (its folder keeps it), else a new random one. */
    public String secretFor(String name) {
        try {
            DeviceConfig.checkName(name);
            return HexFormat.of().formatHex(DeviceFolder.readConfig(boardsRoot.resolve(name)).secret());
        } catch (IOException | IllegalArgumentException e) {
            return HexFormat.of().formatHex(DeviceConfig.withRandomSecret("x").secret());
        }
    }

    /** Why the settings cannot be flashed, or empty: what the wizard page shows as its error. */
    public static Optional<String> problem(Settings s, Board board) {
        if (board == null) {
            return Optional.of("Choose a board.");
        }
        try {
            DeviceConfig.checkName(s.name());
        } catch (IllegalArgumentException e) {
            return Optional.of("Device name: " + e.getMessage());
        }
        if (!s.secretHex().matches("[0-9a-fA-F]{" + 2 * DeviceConfig.SECRET_SIZE + "}")) {
            return Optional.of("The secret must be " + 2 * DeviceConfig.SECRET_SIZE + " hexadecimal digits (" + DeviceConfig.SECRET_SIZE
                    + " bytes); Generate makes a new one.");
        }
        if (board.needsPort() && s.port().isBlank()) {
            return Optional.of("Choose the serial port the " + board.id() + " board is on.");
        }
        if (board.bundled().isEmpty() && s.imageFile().isEmpty()) {
            return Optional.of("Eave bundles no " + board.id() + " firmware yet: choose the image file (a merged binary written at 0x0).");
        }
        return Optional.empty();
    }

    /**
     * Flashes and verifies; on success the device is in its folder and listed in the registry.
     * Fails with the flasher's message (never a success for a write that did not verify).
     */
    public FlashResult flash(Settings s, FlashListener listener, CancelSignal cancel) throws FlashException {
        Board board;
        try {
            board = boards().stream().filter(b -> b.id().equals(s.board())).findFirst().orElse(null);
        } catch (IOException e) {
            throw new FlashException(Kind.BAD_REQUEST, e.getMessage(), e);
        }
        Optional<String> problem = problem(s, board);
        if (problem.isPresent()) {
            throw new FlashException(Kind.BAD_REQUEST, problem.get());
        }
        DeviceConfig config = new DeviceConfig(s.name(), HexFormat.of().parseHex(s.secretHex()));
        FlashImage image = image(s, board);
        FlashRequest request = FlashRequest.of(image, config);
        if (board.emulated()) {
            Flasher flasher = new EmulatedBoardFlasher(EmulatedBoardFlasher.Board.byId(board.id()).orElseThrow(), boardsRoot,
                    Optional.of(boards), BOOT_TIMEOUT);
            return flasher.flash(request, listener, cancel);
        }
        EspChip chip = Arrays.stream(EspChip.values()).filter(c -> c.boardName().equals(board.id())).findFirst().orElseThrow();
        EspSettings settings = EspSettings.defaults().expecting(chip).withBaud(s.baud()).withReset(ResetSequence.AUTO);
        Flasher flasher = EspRomFlasher.onSerialPort(s.port(), settings).withHandover(registry.links().ports());
        FlashResult result = flasher.flash(request, listener, cancel);
        remember(s, request, result);
        return result;
    }

    private static FlashImage image(Settings s, Board board) throws FlashException {
        if (s.imageFile().isPresent()) {
            return FlashImage.read(s.imageFile().get());
        }
        FirmwareImage bundled = board.bundled().orElseThrow();
        try {
            return new FlashImage(bundled.file(), FirmwareImages.read(bundled));
        } catch (IOException e) {
            throw new FlashException(Kind.BAD_REQUEST, e.getMessage(), e);
        }
    }

    /** Keeps the ESP device's secret in its folder (as {@code eave flash} does) and lists its port in the Devices view. */
    private void remember(Settings s, FlashRequest request, FlashResult result) throws FlashException {
        Path folder = boardsRoot.resolve(s.name());
        Properties p = new Properties();
        p.setProperty("board", s.board());
        p.setProperty("name", s.name());
        p.setProperty("port", s.port());
        p.setProperty("target", result.target());
        p.setProperty("image", request.image().name());
        p.setProperty("image.size", Integer.toString(request.image().size()));
        p.setProperty("image.sha256", request.image().sha256());
        p.setProperty("image.offset", "0x0");
        p.setProperty("flashed", Instant.now().toString());
        try {
            DeviceFolder.save(folder, request.config().get(), p);
            if (registry.devices().stream().noneMatch(d -> d.where().equals(s.port()))) {
                registry.add(s.port(), s.secretHex());
            }
        } catch (IOException e) {
            throw new FlashException(Kind.IO, "the board was flashed and verified, but its secret could not be saved in " + folder
                    + " (" + e.getMessage() + "): flash it again", e);
        }
    }
}
