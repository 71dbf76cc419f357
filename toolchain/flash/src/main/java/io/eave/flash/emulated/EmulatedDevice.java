package io.eave.flash.emulated;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

import io.eave.flash.DeviceConfig;
import io.eave.flash.DeviceFolder;
import io.eave.flash.FlashImage;

/**
 * An emulated board as flashed into its folder: what the emulator boots.
 *
 * @param board        "qemu-arm" or "qemu-riscv"
 * @param folder       {@code <eave home>/boards/<name>}
 * @param config       its name and secret
 * @param imageSha256  the SHA-256 the image had when it was flashed
 */
public record EmulatedDevice(String board, Path folder, DeviceConfig config, String imageSha256) {

    public String name() {
        return config.name();
    }

    /** The ELF the emulator boots. */
    public Path firmware() {
        return folder.resolve(DeviceFolder.FIRMWARE);
    }

    public Path configFile() {
        return folder.resolve(DeviceFolder.CONFIG);
    }

    /** The board's program store: the flash beyond the image, kept across runs and flashes. */
    public Path store() {
        return storeFile(folder, board);
    }

    /**
     * The program store of a {@code board} device in {@code folder}: {@code <board>.store}, one per
     * board, since each board lays its flash out in its own way (docs/firmware.md).
     */
    public static Path storeFile(Path folder, String board) {
        return folder.resolve(board + ".store");
    }

    /**
     * Reads a flashed device back and checks its firmware against the SHA-256 recorded when it was
     * flashed: a damaged or half-copied folder is refused with a message that says to flash again.
     */
    public static EmulatedDevice read(Path folder) throws IOException {
        Properties p;
        try {
            p = DeviceFolder.readProperties(folder);
        } catch (NoSuchFileException e) {
            throw new IOException("no flashed device in " + folder + ": flash it first (./eave flash --board qemu-arm --name "
                    + folder.getFileName() + ")", e);
        }
        String board = p.getProperty("board", "");
        String sha = p.getProperty("image.sha256", "");
        DeviceConfig config = DeviceFolder.readConfig(folder);
        EmulatedDevice device = new EmulatedDevice(board, folder, config, sha);
        String actual = new FlashImage(device.firmware().toString(), Files.readAllBytes(device.firmware())).sha256();
        if (!actual.equals(sha)) {
            throw new IOException("the firmware of device '" + config.name() + "' in " + folder + " is damaged (SHA-256 " + actual
                    + ", flashed " + sha + "): flash it again");
        }
        return device;
    }
}
