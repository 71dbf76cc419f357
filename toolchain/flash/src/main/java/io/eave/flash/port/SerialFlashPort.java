package io.eave.flash.port;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fazecast.jSerialComm.SerialPort;

/**
 * A real serial port (USB-UART, USB-Serial-JTAG, or a pty) through jSerialComm, 8N1 without flow
 * control. Opening says clearly why a port cannot be used: missing, no permission, or busy.
 */
public final class SerialFlashPort implements FlashPort {

    /** Espressif's USB vendor id and the product id of the chips' built-in USB-Serial-JTAG. */
    static final int ESPRESSIF_VID = 0x303A;
    static final int USB_SERIAL_JTAG_PID = 0x1001;

    /** A write that makes no progress for this long fails (a real UART drains 1 KiB in under 0.1 s at 115200 baud). */
    private static final long WRITE_STALL_NANOS = 5_000_000_000L;

    private final String name;
    private final SerialPort port;
    private long currentTimeout = -1;
    private volatile boolean closed;

    private SerialFlashPort(String name, SerialPort port) {
        this.name = name;
        this.port = port;
    }

    /** Opens {@code path} at {@code baud}; throws {@link PortUnavailableException} with the reason and the remedy. */
    public static SerialFlashPort open(String path, int baud) throws PortUnavailableException {
        Path file = Path.of(path);
        if (!Files.exists(file)) {
            throw new PortUnavailableException("no serial port " + path + ": is the board plugged in? "
                    + "Ports on this machine: " + describePorts());
        }
        if (!Files.isReadable(file) || !Files.isWritable(file)) {
            throw new PortUnavailableException("no permission to open " + path
                    + ": add yourself to the group that owns it (usually 'dialout': sudo usermod -aG dialout $USER, then log in again)");
        }
        SerialPort port = SerialPort.getCommPort(path);
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort(0)) {
            throw new PortUnavailableException("cannot open " + path + " (error " + port.getLastErrorCode()
                    + "): another program holds it, e.g. a serial monitor: close it or let Eave hand the port over");
        }
        return new SerialFlashPort(path, port);
    }

    /** The system's serial ports, e.g. "/dev/ttyUSB0 (CP2102 USB to UART Bridge Controller)", or "none found". */
    public static String describePorts() {
        StringBuilder b = new StringBuilder();
        for (SerialPort p : SerialPort.getCommPorts()) {
            if (!b.isEmpty()) {
                b.append(", ");
            }
            b.append(p.getSystemPortPath()).append(" (").append(p.getDescriptivePortName()).append(')');
        }
        return b.isEmpty() ? "none found" : b.toString();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int read(byte[] buffer, int offset, int length, long timeoutMillis) throws IOException {
        if (closed) {
            throw new PortClosedException(name + " is closed");
        }
        long timeout = Math.max(1, timeoutMillis);
        if (timeout != currentTimeout) {
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, (int) Math.min(timeout, Integer.MAX_VALUE), 0);
            currentTimeout = timeout;
        }
        int n = port.readBytes(buffer, length, offset);
        if (n < 0 || closed) {
            throw new PortClosedException(name + " closed or failed (the device went away?)");
        }
        return n;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        long stalledSince = -1;
        while (length > 0) {
            if (closed) {
                throw new PortClosedException(name + " is closed");
            }
            int n = port.writeBytes(bytes, length, offset);
            if (n > 0) {
                offset += n;
                length -= n;
                stalledSince = -1;
                continue;
            }
            // nothing taken: the device went away (a hung-up pty, an unplugged USB port), or the line is stalled
            if (n < 0 || port.bytesAvailable() < 0) {
                throw new PortClosedException(name + " closed or failed while writing (error " + port.getLastErrorCode()
                        + "; the device went away?)");
            }
            long now = System.nanoTime();
            if (stalledSince < 0) {
                stalledSince = now;
            } else if (now - stalledSince > WRITE_STALL_NANOS) {
                throw new IOException(name + " took no data for " + WRITE_STALL_NANOS / 1_000_000_000L + " s");
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while writing to " + name);
            }
        }
    }

    @Override
    public void discardInput() {
        port.flushIOBuffers();
    }

    @Override
    public void setBaudRate(int baud) throws IOException {
        if (!port.setBaudRate(baud)) {
            throw new IOException(name + " does not support " + baud + " baud");
        }
    }

    @Override
    public int baudRate() {
        return port.getBaudRate();
    }

    @Override
    public boolean setDtr(boolean asserted) {
        return asserted ? port.setDTR() : port.clearDTR();
    }

    @Override
    public boolean setRts(boolean asserted) {
        return asserted ? port.setRTS() : port.clearRTS();
    }

    @Override
    public boolean isUsbSerialJtag() {
        return port.getVendorID() == ESPRESSIF_VID && port.getProductID() == USB_SERIAL_JTAG_PID;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            port.closePort();
        }
    }
}
