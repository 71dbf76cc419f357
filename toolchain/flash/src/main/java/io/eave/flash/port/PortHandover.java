package io.eave.flash.port;

import java.io.IOException;

/**
 * Lets whoever holds a serial port (the IDE's serial monitor, a device connection) give it up for
 * a flash and take it back afterwards, so the user never meets "port busy". The flasher calls
 * {@link #release} before it opens the port and closes the returned lease when it is done,
 * whether the flash succeeded or not.
 */
@FunctionalInterface
public interface PortHandover {

    /** Nobody to ask. */
    PortHandover NONE = port -> () -> { };

    /** A lease on a released port; closing it hands the port back. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /** Releases {@code port} (closing it in the holder) and returns the lease that gives it back. */
    Lease release(String port) throws IOException;
}
