package io.eave.flash.port;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A serial line to a board as a flasher needs it: bytes both ways with read timeouts, the baud
 * rate, and the DTR/RTS modem lines that reset ESP boards into their loader.
 * Implementations: {@link SerialFlashPort} (a real port or a pty, through jSerialComm) and
 * {@link PipePort} (in memory, e.g. to the ROM loader emulator).
 *
 * <p>One thread reads and writes; {@link #close()} may come from any thread and makes a blocked
 * read return with {@link PortClosedException}.
 */
public interface FlashPort extends AutoCloseable {

    /** The port's name for messages, e.g. "/dev/ttyUSB0". */
    String name();

    /**
     * Reads up to {@code length} bytes, waiting at most {@code timeoutMillis} for the first one.
     *
     * @return the number of bytes read, 0 when the timeout passed with nothing to read
     * @throws PortClosedException when the port was closed or the device went away
     */
    int read(byte[] buffer, int offset, int length, long timeoutMillis) throws IOException;

    /** Writes all bytes (blocking until the driver took them). */
    void write(byte[] bytes, int offset, int length) throws IOException;

    default void write(byte[] bytes) throws IOException {
        write(bytes, 0, bytes.length);
    }

    /** Throws away whatever was received and not read yet. */
    void discardInput() throws IOException;

    void setBaudRate(int baud) throws IOException;

    int baudRate();

    /**
     * Sets the DTR line (true = asserted, the line's voltage low).
     *
     * @return false when the port has no modem lines (a pty): resetting by DTR/RTS is then impossible
     */
    boolean setDtr(boolean asserted);

    /** Sets the RTS line; see {@link #setDtr}. */
    boolean setRts(boolean asserted);

    /** True for a USB-Serial-JTAG port (Espressif VID 0x303A, PID 0x1001): the chip resets with its own DTR/RTS sequence. */
    default boolean isUsbSerialJtag() {
        return false;
    }

    @Override
    void close();

    /** The port as an InputStream: a read waits at most {@code timeoutMillis} and then throws SocketTimeoutException; a closed port reads as end of stream. */
    default InputStream inputStream(long timeoutMillis) {
        FlashPort port = this;
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                try {
                    int n = port.read(b, off, len, timeoutMillis);
                    if (n == 0) {
                        throw new java.net.SocketTimeoutException("no data from " + port.name() + " within " + timeoutMillis + " ms");
                    }
                    return n;
                } catch (PortClosedException e) {
                    return -1;
                }
            }
        };
    }

    /** The port as an OutputStream. */
    default OutputStream outputStream() {
        FlashPort port = this;
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                port.write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                port.write(b, off, len);
            }
        };
    }
}
