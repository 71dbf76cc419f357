package io.eave.flash;

import java.util.Optional;

/**
 * What to flash: the image, where it goes (a flash offset; emulated boards ignore it) and the
 * device configuration to write with it (none leaves the device's current one in place).
 */
public record FlashRequest(FlashImage image, long offset, Optional<DeviceConfig> config) {

    public FlashRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("negative flash offset " + offset);
        }
    }

    public static FlashRequest of(FlashImage image, DeviceConfig config) {
        return new FlashRequest(image, 0, Optional.of(config));
    }

    public FlashRequest atOffset(long newOffset) {
        return new FlashRequest(image, newOffset, config);
    }

    /** Bytes a flash of this request writes in all, the {@code total} its listener sees. */
    public long totalBytes() {
        return image.size() + (config.isPresent() ? DeviceConfig.SIZE : 0);
    }
}
