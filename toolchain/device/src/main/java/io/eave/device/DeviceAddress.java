package io.eave.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.eave.link.Discovery;

/**
 * Where a device is, as a user writes it: {@code tcp:HOST:PORT} (or just {@code HOST:PORT}), a
 * serial port path ({@code /dev/ttyUSB0}, a simulator's pty), or the name of a simulator found
 * by discovery on this host ({@code sim}).
 *
 * @param secretFile where the TCP secret can be read when none is given (discovered simulators)
 */
public record DeviceAddress(String host, int port, String serialPath, String name, Path secretFile) {
    /** How long discovery listens for simulators: they answer within milliseconds on loopback. */
    public static final Duration DISCOVERY_WAIT = Duration.ofMillis(300);

    public boolean isTcp() {
        return host != null;
    }

    public static DeviceAddress tcp(String host, int port) {
        return new DeviceAddress(host, port, null, host + ":" + port, null);
    }

    public static DeviceAddress serial(String path) {
        return new DeviceAddress(null, 0, path, path, null);
    }

    /**
     * Parses a device as the user names it. Names go through discovery; when {@code spec} is
     * null, the only simulator running is taken (an error lists them when there are several).
     */
    public static DeviceAddress resolve(String spec) throws IOException {
        if (spec != null) {
            String s = spec.startsWith("tcp:") ? spec.substring(4) : spec;
            if (s.startsWith("/") || spec.startsWith("serial:")) {
                String path = spec.startsWith("serial:") ? spec.substring(7) : s;
                return serial(path);
            }
            int colon = s.lastIndexOf(':');
            if (colon > 0) {
                try {
                    return tcp(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
                } catch (NumberFormatException e) {
                    throw new IOException("bad device address '" + spec + "': expected tcp:HOST:PORT, a serial port path or a device name");
                }
            }
        }
        List<Discovery.Device> found = Discovery.discover(DISCOVERY_WAIT);
        if (spec == null) {
            if (found.isEmpty()) {
                throw new IOException("no device given and no simulator running: start one with './eave simulate', or name a device with --device");
            }
            if (found.size() > 1) {
                throw new IOException("several devices answer (" + String.join(", ", found.stream().map(Discovery.Device::name).toList())
                        + "): choose one with --device NAME");
            }
            return of(found.get(0));
        }
        for (Discovery.Device d : found) {
            if (d.name().equals(spec)) {
                return of(d);
            }
        }
        throw new IOException("no device named '" + spec + "' answers discovery on this host"
                + (found.isEmpty() ? " (no simulator is running: start one with './eave simulate --name " + spec + "')"
                        : " (found: " + String.join(", ", found.stream().map(Discovery.Device::name).toList()) + ")"));
    }

    private static DeviceAddress of(Discovery.Device d) {
        String secret = d.fields().get("secret-file");
        return new DeviceAddress(d.tcpHost(), d.tcpPort(), null, d.name(), secret == null || secret.isEmpty() ? null : Path.of(secret));
    }

    /** The secret for TCP: the given one, $EAVE_SECRET, or the discovered simulator's secret file. */
    public String secret(String given) throws IOException {
        if (given != null) {
            return given;
        }
        String env = System.getenv("EAVE_SECRET");
        if (env != null && !env.isEmpty()) {
            return env;
        }
        if (secretFile != null && Files.isReadable(secretFile)) {
            return Files.readAllLines(secretFile).get(0).trim();
        }
        return null;
    }

    @Override
    public String toString() {
        return isTcp() ? name + " (" + host + ":" + port + ")" : serialPath;
    }
}
