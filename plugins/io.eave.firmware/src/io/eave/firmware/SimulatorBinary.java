package io.eave.firmware;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The host simulator {@code eave-sim} bundled beside the board images (for linux-x86_64 only),
 * as the manifest lists it under {@code host.<os-arch>.*}. A bundle is a jar, so the binary is
 * copied out to a folder before it can run; the copy is checked against the manifest's SHA-256.
 */
public final class SimulatorBinary {

    /** The platform this bundle carries a simulator for. */
    public static final String LINUX_X86_64 = "linux-x86_64";

    private SimulatorBinary() {
    }

    /** This machine's platform in the manifest's terms, e.g. {@code linux-x86_64}. */
    public static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.contains("linux") ? "linux" : os.contains("mac") ? "macos" : os.contains("win") ? "windows" : os;
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch;
        return o + "-" + a;
    }

    /** The bundled simulator for this platform, if there is one: (file name, SHA-256, size). */
    public static Optional<FirmwareImage> bundled() throws IOException {
        Properties manifest = new Properties();
        try (InputStream in = entry("manifest.properties").openStream()) {
            manifest.load(in);
        }
        String prefix = "host." + platform() + ".";
        String file = manifest.getProperty(prefix + "file");
        if (file == null) {
            return Optional.empty();
        }
        return Optional.of(new FirmwareImage("host-" + platform(), "", file.trim(),
                manifest.getProperty(prefix + "sha256", "").trim(), Long.parseLong(manifest.getProperty(prefix + "size", "0").trim())));
    }

    /**
     * Copies the bundled simulator into {@code folder} (once: an intact copy is reused) and makes
     * it executable; returns its path. Fails with a message saying what is missing.
     */
    public static Path extractTo(Path folder) throws IOException {
        FirmwareImage sim = bundled().orElseThrow(() -> new IOException("This Eave installation has no simulator for "
                + platform() + " (eave-sim is bundled for " + LINUX_X86_64 + " only); add a device by hand in the Eave Devices view."));
        Path target = folder.resolve("eave-sim");
        if (Files.isExecutable(target) && Files.size(target) == sim.size()
                && FirmwareImages.sha256(Files.readAllBytes(target)).equals(sim.sha256())) {
            return target;
        }
        byte[] bytes = FirmwareImages.read(sim);
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "eave-sim", ".part");
        Files.write(temporary, bytes);
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static URL entry(String name) throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(SimulatorBinary.class);
        URL url = bundle == null ? null : bundle.getEntry("images/" + name);
        if (url == null) {
            throw new IOException("No images/" + name + " in the Eave firmware bundle; reinstall Eave.");
        }
        return url;
    }
}
