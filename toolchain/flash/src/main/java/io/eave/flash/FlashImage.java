package io.eave.flash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The firmware bytes to write, with a name for messages (usually the file it came from). */
public record FlashImage(String name, byte[] bytes) {

    public FlashImage {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("the image " + name + " is empty");
        }
    }

    /** Reads a file; a missing or unreadable file is a {@link FlashException.Kind#BAD_REQUEST} that names it. */
    public static FlashImage read(Path file) throws FlashException {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                throw new FlashException(FlashException.Kind.BAD_REQUEST, "the image " + file + " is empty");
            }
            return new FlashImage(file.toString(), bytes);
        } catch (NoSuchFileException e) {
            throw new FlashException(FlashException.Kind.BAD_REQUEST, "no such image: " + file);
        } catch (IOException e) {
            throw new FlashException(FlashException.Kind.BAD_REQUEST, "cannot read the image " + file + ": " + e.getMessage(), e);
        }
    }

    public int size() {
        return bytes.length;
    }

    /** Lower-case hex SHA-256 of the bytes. */
    public String sha256() {
        return digest("SHA-256", bytes);
    }

    static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
