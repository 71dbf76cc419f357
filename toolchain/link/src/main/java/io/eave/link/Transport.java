package io.eave.link;

import java.io.Closeable;
import java.io.IOException;

/** A byte pipe to one device: a serial port or a TCP connection. Reads and writes may run on different threads. */
public interface Transport extends Closeable {

    /** Sends all bytes. */
    void write(byte[] data) throws IOException;

    /**
     * Reads what is available into {@code buffer}, waiting at most about {@code timeoutMillis};
     * returns the count, 0 when nothing came, -1 when the other side closed.
     */
    int read(byte[] buffer, int timeoutMillis) throws IOException;

    /** The device's address for messages, e.g. {@code /dev/ttyUSB0} or {@code 127.0.0.1:40123}. */
    String address();

    LinkTiming timing();

    @Override
    void close();
}
