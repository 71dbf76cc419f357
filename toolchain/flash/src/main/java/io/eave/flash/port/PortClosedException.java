package io.eave.flash.port;

import java.io.IOException;

/** The port was closed, by us or because the device went away (USB unplugged, pty closed). */
public final class PortClosedException extends IOException {

    private static final long serialVersionUID = 1L;

    public PortClosedException(String message) {
        super(message);
    }
}
