package io.eave.flash.port;

import java.io.IOException;
import java.util.function.BiConsumer;

/**
 * One end of an in-memory serial line made of two {@link BytePipe}s. The modem lines and baud
 * changes are forwarded to a listener on the other end (the ROM loader emulator watches DTR/RTS
 * to decide when the chip resets and in which boot mode). {@link #pair} makes both ends.
 */
public final class PipePort implements FlashPort {

    /** What the far end learns when this end changes its lines: ("DTR"|"RTS"|"BAUD", value). */
    public interface LineListener extends BiConsumer<String, Integer> { }

    private final String name;
    private final BytePipe in;
    private final BytePipe out;
    private volatile LineListener lineListener = (line, value) -> { };
    private volatile int baud = 115_200;
    private volatile boolean paced;
    private volatile boolean usbSerialJtag;

    private PipePort(String name, BytePipe in, BytePipe out) {
        this.name = name;
        this.in = in;
        this.out = out;
    }

    /** Two connected ends: what one writes, the other reads. [0] is the host's, [1] the device's. */
    public static PipePort[] pair(String hostName, String deviceName) {
        BytePipe toDevice = new BytePipe(64 * 1024);
        BytePipe toHost = new BytePipe(64 * 1024);
        return new PipePort[] {new PipePort(hostName, toHost, toDevice), new PipePort(deviceName, toDevice, toHost)};
    }

    public void onLines(LineListener listener) {
        this.lineListener = listener;
    }

    /** Paces what this end writes to its baud rate (baud/10 bytes per second). */
    public void pacedToBaud(boolean on) {
        paced = on;
        out.pace(on ? baud : 0);
    }

    /** Makes this end report itself as a USB-Serial-JTAG port. */
    public void usbSerialJtag(boolean on) {
        usbSerialJtag = on;
    }

    @Override
    public boolean isUsbSerialJtag() {
        return usbSerialJtag;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int read(byte[] buffer, int offset, int length, long timeoutMillis) throws IOException {
        try {
            return in.read(buffer, offset, length, timeoutMillis);
        } catch (PortClosedException e) {
            throw new PortClosedException(name + " is closed");
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (in.isClosed()) {
            throw new PortClosedException(name + " is closed");
        }
        try {
            out.write(bytes, offset, length);
        } catch (PortClosedException e) {
            throw new PortClosedException(name + " is closed");
        }
    }

    @Override
    public void discardInput() {
        in.clear();
    }

    @Override
    public void setBaudRate(int newBaud) {
        baud = newBaud;
        if (paced) {
            out.pace(newBaud);
        }
        lineListener.accept("BAUD", newBaud);
    }

    @Override
    public int baudRate() {
        return baud;
    }

    @Override
    public boolean setDtr(boolean asserted) {
        lineListener.accept("DTR", asserted ? 1 : 0);
        return true;
    }

    @Override
    public boolean setRts(boolean asserted) {
        lineListener.accept("RTS", asserted ? 1 : 0);
        return true;
    }

    /** Closes both directions: the far end's reads and writes fail as on a pulled cable. */
    @Override
    public void close() {
        in.close();
        out.close();
    }
}
