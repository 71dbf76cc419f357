package io.eave.flash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A flash that completed and was verified.
 *
 * @param target       where it went, e.g. "ESP32-C3 on /dev/ttyACM0" or "qemu-arm device 'lab' in ~/.eave/boards/lab"
 * @param bytesWritten image plus configuration bytes written
 * @param bytesSent    bytes that went over the wire for them (smaller when deflated)
 * @param elapsed      from start to verified
 * @param verification how it was verified, e.g. "MD5 3f2a... read back from the device"
 * @param deviceFolder the device's folder on this machine (emulated boards; ESP boards too when the CLI keeps the secret there)
 */
public record FlashResult(String target, long bytesWritten, long bytesSent, Duration elapsed, String verification,
        Optional<Path> deviceFolder) {

    /** Image bytes per second, start to verified. */
    public double bytesPerSecond() {
        double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
        return bytesWritten / seconds;
    }
}
