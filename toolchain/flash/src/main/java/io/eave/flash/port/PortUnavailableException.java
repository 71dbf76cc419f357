package io.eave.flash.port;

import java.io.IOException;

/** A port that could not be opened; the message says why and what to do. */
public final class PortUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    public PortUnavailableException(String message) {
        super(message);
    }
}
