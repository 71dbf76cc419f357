package io.eave.link;

import java.io.IOException;

import com.fazecast.jSerialComm.SerialPort;

/**
 * The link over a serial port, through jSerialComm: a USB-UART ({@code /dev/ttyUSB0}), or the
 * pty of eave-sim or QEMU ({@code /dev/pts/N}), which jSerialComm opens by path like any port.
 */
public final class SerialTransport implements Transport {

    public static final int DEFAULT_BAUD = 115200;

    private final SerialPort port;
    private final String path;
    private int readTimeout = -1;

    private SerialTransport(SerialPort port, String path) {
        this.port = port;
        this.path = path;
    }

    public static SerialTransport open(String path) throws LinkException {
        return open(path, DEFAULT_BAUD);
    }

    public static SerialTransport open(String path, int baud) throws LinkException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {
            throw new LinkException("no serial port " + path + ": " + e.getMessage(), e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            throw new LinkException("cannot open the serial port " + path + " (error " + port.getLastErrorCode()
                    + "): check that it exists, that no other program has it open, and that you may use it"
                    + " (on Linux, membership of the dialout group)");
        }
        return new SerialTransport(port, path);
    }

    @Override
    public void write(byte[] data) throws IOException {
        synchronized (port) {
            int written = 0;
            while (written < data.length) {
                int n = port.writeBytes(data, data.length - written, written);
                if (n < 0) {
                    throw new IOException("writing to the serial port " + path + " failed (error " + port.getLastErrorCode() + ")");
                }
                written += n;
            }
        }
    }

    @Override
    public int read(byte[] buffer, int timeoutMillis) throws IOException {
        if (timeoutMillis != readTimeout) {
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, timeoutMillis, 0);
            readTimeout = timeoutMillis;
        }
        int n = port.readBytes(buffer, buffer.length);
        if (n < 0) {
            if (!port.isOpen()) {
                return -1;
            }
            throw new IOException("reading from the serial port " + path + " failed (error " + port.getLastErrorCode() + ")");
        }
        return n;
    }

    @Override
    public String address() {
        return path;
    }

    @Override
    public LinkTiming timing() {
        return LinkTiming.SERIAL;
    }

    @Override
    public void close() {
        port.closePort();
    }
}
