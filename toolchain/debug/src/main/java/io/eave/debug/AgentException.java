package io.eave.debug;

import io.eave.debug.protocol.ErrorCode;

/**
 * A request to the debug agent failed: the agent's ERROR (its code from
 * {@link ErrorCode} and its message), no answer in time (code 0), or a link failure (code 0).
 */
public final class AgentException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;

    public AgentException(int code, String message) {
        super(message);
        this.code = code;
    }

    public AgentException(String message, Throwable cause) {
        super(message, cause);
        this.code = 0;
    }

    /** The agent's error code, 0 when the agent did not answer. */
    public int code() {
        return code;
    }
}
