package io.eave.link;

/** The device did not answer in time; the message says where, how long, and what the line looked like. */
public final class LinkTimeoutException extends LinkException {

    private static final long serialVersionUID = 1L;

    public LinkTimeoutException(String message) {
        super(message);
    }
}
