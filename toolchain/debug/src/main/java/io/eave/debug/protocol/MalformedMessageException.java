package io.eave.debug.protocol;

/** A debug message that does not decode; {@link #request()} is its id when that could be read, else 0. */
public final class MalformedMessageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final long request;

    public MalformedMessageException(String message, long request) {
        super(message);
        this.request = request;
    }

    public long request() {
        return request;
    }
}
