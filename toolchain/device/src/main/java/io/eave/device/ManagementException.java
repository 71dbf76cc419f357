package io.eave.device;

/**
 * A management request failed: the device answered ERROR ({@link #code()} > 0, the message is
 * the device's, saying what and what to do), the answer did not come in time, or the transfer
 * was cancelled or failed locally ({@link #code()} is then 0).
 */
public class ManagementException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int code;

    public ManagementException(int code, String message) {
        super(message);
        this.code = code;
    }

    public ManagementException(String message, Throwable cause) {
        super(message, cause);
        this.code = 0;
    }

    /** The device's error code (docs/management-protocol.md), 0 when the device did not answer. */
    public int code() {
        return code;
    }
}
