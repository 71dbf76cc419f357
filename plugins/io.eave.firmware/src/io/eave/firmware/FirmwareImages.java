package io.eave.firmware;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The firmware images bundled with Eave, for flashing: listed from {@code images/manifest.properties}
 * and read with their checksum verified, so a damaged installation is never flashed.
 */
public final class FirmwareImages {

    private static final String FOLDER = "images/";

    private FirmwareImages() {
    }

    /** Every bundled image, in manifest order. */
    public static List<FirmwareImage> bundled() throws IOException {
        Properties manifest = new Properties();
        try (InputStream in = entry("manifest.properties").openStream()) {
            manifest.load(in);
        }
        List<FirmwareImage> images = new ArrayList<>();
        for (String board : manifest.getProperty("boards", "").trim().split("\\s+")) {
            if (board.isEmpty()) continue;
            String prefix = "board." + board + ".";
            images.add(new FirmwareImage(board,
                    required(manifest, prefix + "version"),
                    required(manifest, prefix + "file"),
                    required(manifest, prefix + "sha256"),
                    Long.parseLong(required(manifest, prefix + "size"))));
        }
        return images;
    }

    /** The image for {@code board}, if one is bundled. */
    public static Optional<FirmwareImage> forBoard(String board) throws IOException {
        return bundled().stream().filter(image -> image.board().equals(board)).findFirst();
    }

    /** The image's bytes, after checking size and SHA-256 against the manifest. */
    public static byte[] read(FirmwareImage image) throws IOException {
        byte[] bytes;
        try (InputStream in = entry(image.file()).openStream()) {
            bytes = in.readAllBytes();
        }
        String actual = sha256(bytes);
        if (bytes.length != image.size() || !actual.equals(image.sha256())) {
            throw new IOException("The bundled " + image.board() + " firmware (" + image.file() + ") is damaged: "
                    + bytes.length + " bytes with SHA-256 " + actual + ", expected " + image.size()
                    + " bytes with " + image.sha256() + ". Reinstall Eave.");
        }
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static URL entry(String name) throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(FirmwareImages.class);
        URL url = bundle == null ? null : bundle.getEntry(FOLDER + name);
        if (url == null) {
            throw new IOException("No " + FOLDER + name + " in the Eave firmware bundle; reinstall Eave.");
        }
        return url;
    }

    private static String required(Properties manifest, String key) throws IOException {
        String value = manifest.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IOException("The firmware manifest has no '" + key + "'; reinstall Eave.");
        }
        return value.trim();
    }
}
