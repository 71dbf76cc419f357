package io.eave.flash;

/**
 * A flash that did not complete. The message says what failed, where, and what to do, e.g.
 * "no answer from the ESP ROM loader on /dev/ttyUSB0 after 7 sync attempts: hold BOOT and press
 * RESET, or check the port". {@link #kind()} lets a caller react (an IDE offers "retry" for
 * {@link Kind#NO_ANSWER}, nothing for {@link Kind#CANCELLED}).
 */
public final class FlashException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a flash failed. */
    public enum Kind {
        /** The image or the request is unusable (missing file, too large, overlaps the device configuration). */
        BAD_REQUEST,
        /** The port does not exist, is busy or may not be opened. */
        PORT_UNAVAILABLE,
        /** The board's loader never answered. */
        NO_ANSWER,
        /** The board booted its firmware instead of its loader. */
        WRONG_BOOT_MODE,
        /** The chip is not the one the board needs, or not one we can flash. */
        WRONG_CHIP,
        /** The loader answered a command with an error (flash write error, checksum error, ...). */
        DEVICE_ERROR,
        /** The loader stopped answering in the middle of the flash. */
        TIMEOUT,
        /** The port closed or failed in the middle of the flash (cable pulled, board reset). */
        LINK_LOST,
        /** What the device holds differs from what was written. */
        VERIFY_FAILED,
        /** The user cancelled. */
        CANCELLED,
        /** A local file could not be read or written. */
        IO
    }

    private final Kind kind;

    public FlashException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public FlashException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
