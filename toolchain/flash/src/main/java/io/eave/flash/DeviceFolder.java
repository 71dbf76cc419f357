package io.eave.flash;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A device's folder on this machine, {@code <eave home>/boards/<name>/} (eave home: the system
 * property {@code eave.home}, else {@code $EAVE_HOME}, else {@code ~/.eave}). It holds
 * {@code device-config.bin} (name and secret, readable by the owner only: the link client takes
 * the secret from here), {@code board.properties} (board, image name, size and SHA-256, when)
 * and, for emulated boards, {@code firmware.elf}, the image the emulator boots.
 */
public final class DeviceFolder {

    public static final String CONFIG = "device-config.bin";
    public static final String PROPERTIES = "board.properties";
    public static final String FIRMWARE = "firmware.elf";

    private DeviceFolder() {
    }

    /** The folder that holds one folder per device. */
    public static Path boardsRoot() {
        String home = System.getProperty("eave.home");
        if (home == null || home.isBlank()) {
            home = System.getenv("EAVE_HOME");
        }
        Path base = home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".eave") : Path.of(home);
        return base.resolve("boards");
    }

    /** Writes {@code bytes} to {@code file} through a temporary file, synced, then renamed: a reader sees the old or the new file, never a part. */
    public static void writeAtomically(Path file, byte[] bytes, boolean ownerOnly) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            if (ownerOnly) {
                restrict(tmp);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                out.write(bytes);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the user's profile folder is private already
        }
    }

    /** Saves the device configuration (owner-only) and the board properties. */
    public static void save(Path folder, DeviceConfig config, Properties board) throws IOException {
        writeAtomically(folder.resolve(CONFIG), config.encode(), true);
        writeProperties(folder, board);
    }

    public static void writeProperties(Path folder, Properties board) throws IOException {
        java.io.StringWriter text = new java.io.StringWriter();
        try (Writer w = text) {
            for (var e : new TreeMap<>(board).entrySet()) {
                w.write(e.getKey() + "=" + e.getValue() + "\n");
            }
        }
        writeAtomically(folder.resolve(PROPERTIES), ("# written by eave flash\n" + text).getBytes(StandardCharsets.UTF_8), false);
    }

    public static Properties readProperties(Path folder) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(folder.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /** The configuration saved in {@code folder}; throws with the reason when it is missing or damaged. */
    public static DeviceConfig readConfig(Path folder) throws IOException {
        Path file = folder.resolve(CONFIG);
        try {
            return DeviceConfig.decode(Files.readAllBytes(file));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
