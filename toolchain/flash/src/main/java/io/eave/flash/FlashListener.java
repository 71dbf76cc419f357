package io.eave.flash;

/**
 * Receives the progress of a flash. {@code done} counts the bytes of the image and the device
 * configuration that the device has acknowledged; it never decreases during one flash and reaches
 * {@code total} once everything is written. The last event of a successful flash is
 * {@link FlashPhase#DONE} with {@code done == total}, sent only after verification; a failed or
 * cancelled flash never sends DONE. Called on the flashing thread: keep it quick, never block.
 */
@FunctionalInterface
public interface FlashListener {

    FlashListener NONE = (phase, done, total, message) -> { };

    /**
     * @param phase   what the flasher is doing now
     * @param done    bytes acknowledged so far, 0..total
     * @param total   bytes to write in all (image plus device configuration)
     * @param message a short human-readable detail, e.g. "ESP32-C3 (revision 3) on /dev/ttyACM0"; may be empty
     */
    void progress(FlashPhase phase, long done, long total, String message);
}
