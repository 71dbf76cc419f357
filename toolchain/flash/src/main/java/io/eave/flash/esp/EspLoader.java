package io.eave.flash.esp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.eave.flash.port.FlashPort;

/**
 * The host side of the ROM loader's command/response exchange over one port: frames requests,
 * waits for the matching response and checks its status. It knows nothing of images or progress:
 * {@link EspRomFlasher} builds the flash out of these commands.
 */
final class EspLoader {

    /** The ESP32-family ROMs end every response with 4 status bytes (2 are used). */
    static final int ROM_STATUS_BYTES = 4;
    private static final byte[] SYNC_DATA = syncData();
    private static final Pattern BOOT_MODE = Pattern.compile("boot:(0x[0-9a-fA-F]+)(?: \\(([^)]*)\\))?");

    /** A command that did not succeed; {@link #error} is the loader's error code, or -1 for no answer. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final Command command;
        final int error;

        Failure(Command command, int error, String message) {
            super(message);
            this.command = command;
            this.error = error;
        }

        boolean timedOut() {
            return error < 0;
        }
    }

    private final FlashPort port;
    private final Slip.Decoder decoder = new Slip.Decoder();
    private final byte[] buffer = new byte[4096];
    private int buffered;
    private int position;
    private final StringBuilder bootLog = new StringBuilder();
    private long bytesSent;

    EspLoader(FlashPort port) {
        this.port = port;
    }

    FlashPort port() {
        return port;
    }

    /** Bytes written to the port so far, SLIP framing included. */
    long bytesSent() {
        return bytesSent;
    }

    private static byte[] syncData() {
        byte[] d = new byte[36];
        d[0] = 0x07;
        d[1] = 0x07;
        d[2] = 0x12;
        d[3] = 0x20;
        for (int i = 4; i < d.length; i++) {
            d[i] = 0x55;
        }
        return d;
    }

    /**
     * Sends {@code command} and waits for its response.
     *
     * @return the response
     * @throws Failure       the loader answered with an error status, or not at all within the timeout
     * @throws IOException   the port failed or closed
     */
    Packets.Packet command(Command command, byte[] data, long timeoutMillis) throws Failure, IOException {
        int checksum = command.carriesChecksum() ? Packets.checksum(data, 16, data.length - 16) : 0;
        send(command, data, checksum);
        Packets.Packet response = awaitResponse(command, timeoutMillis);
        if (response == null) {
            throw new Failure(command, -1, "no answer to " + command + " within " + timeoutMillis + " ms");
        }
        return response;
    }

    /** Sends without waiting (SYNC, and tests that need to send broken packets). */
    void send(Command command, byte[] data, int checksum) throws IOException {
        byte[] framed = Slip.encode(Packets.request(command.code, data, checksum));
        port.write(framed);
        bytesSent += framed.length;
    }

    /**
     * Checks the status bytes that follow {@code payloadLength} bytes of response data.
     *
     * @throws Failure for a non-zero status, with the decoded error
     */
    static void checkStatus(Command command, Packets.Packet response, int payloadLength) throws Failure {
        byte[] d = response.data();
        if (d.length < payloadLength + 2) {
            throw new Failure(command, 0x05, "the answer to " + command + " is too short (" + d.length + " bytes)");
        }
        int status = d[payloadLength] & 0xFF;
        int error = d[payloadLength + 1] & 0xFF;
        if (status != 0) {
            throw new Failure(command, error, command + " failed: " + LoaderErrors.describe(error));
        }
    }

    /** A command whose response carries no payload, status checked. */
    Packets.Packet checked(Command command, byte[] data, long timeoutMillis) throws Failure, IOException {
        Packets.Packet response = command(command, data, timeoutMillis);
        checkStatus(command, response, 0);
        return response;
    }

    /** One SYNC: true when the loader answered within {@code timeoutMillis}. Extra answers are skipped later. */
    boolean sync(long timeoutMillis) throws IOException {
        send(Command.SYNC, SYNC_DATA, 0);
        return awaitResponse(Command.SYNC, timeoutMillis) != null;
    }

    /** Reads until a response to {@code command} arrives; null on timeout. Other packets (extra SYNC answers) are dropped. */
    private Packets.Packet awaitResponse(Command command, long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            while (position < buffered) {
                byte[] raw = decoder.feed(buffer[position++]);
                if (raw != null) {
                    Packets.Packet p = Packets.Packet.parse(raw);
                    if (p != null && p.direction() == Packets.RESPONSE && p.command() == command.code) {
                        return p;
                    }
                }
            }
            String noise = decoder.takeNoise();
            if (!noise.isEmpty() && bootLog.length() < 8192) {
                bootLog.append(noise);
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return null;
            }
            buffered = port.read(buffer, 0, buffer.length, left);
            position = 0;
        }
    }

    /** Drops buffered input and the decoder's state (after a baud change). */
    void discardInput() throws IOException {
        port.discardInput();
        buffered = 0;
        position = 0;
        decoder.reset();
    }

    /** What the chip printed outside packets so far (its boot log), and forgets it. */
    String takeBootLog() {
        String s = bootLog.toString();
        bootLog.setLength(0);
        return s;
    }

    /**
     * The boot mode the chip's boot log reports, e.g. "0x13 (SPI_FAST_FLASH_BOOT)", when that mode
     * is not a download mode; null when the log shows none or a download mode.
     */
    static String wrongBootMode(String log) {
        Matcher m = BOOT_MODE.matcher(log);
        String wrong = null;
        while (m.find()) {
            String label = m.group(2) == null ? "" : m.group(2);
            if (label.contains("DOWNLOAD")) {
                wrong = null;
            } else {
                wrong = m.group(1) + (label.isEmpty() ? "" : " (" + label + ")");
            }
        }
        return wrong;
    }

    static String ascii(byte[] d, int offset, int length) {
        return new String(d, offset, length, StandardCharsets.US_ASCII);
    }
}
