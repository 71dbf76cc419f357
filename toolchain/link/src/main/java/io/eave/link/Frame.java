package io.eave.link;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * One link frame (docs/link-protocol.md, section 1): flags, channel, sequence number and payload.
 * {@link #encode()} gives its bytes; {@link FrameDecoder} finds frames in a byte stream.
 */
public record Frame(int flags, int channel, int seq, byte[] payload) {

    public static final int SYNC0 = 0xEA;
    public static final int SYNC1 = 0x5E;
    public static final int HEADER_SIZE = 8;
    public static final int OVERHEAD = HEADER_SIZE + 4;
    /**
     * Largest payload: the device holds a whole frame before checking it, and the smallest board's
     * 1024-byte UART receive ring must hold one plus an ACK. Both sides must agree.
     */
    public static final int MAX_PAYLOAD = 512;

    public static final int ACK = 0x01;
    public static final int NACK = 0x02;
    public static final int RESET = 0x04;
    static final int KNOWN_FLAGS = ACK | NACK | RESET;

    public Frame {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes; a frame holds at most " + MAX_PAYLOAD);
        }
        if ((flags | channel | seq) >>> 8 != 0) {
            throw new IllegalArgumentException("flags, channel and seq are bytes");
        }
    }

    public byte[] encode() {
        byte[] out = new byte[OVERHEAD + payload.length];
        out[0] = (byte) SYNC0;
        out[1] = (byte) SYNC1;
        out[2] = (byte) flags;
        out[3] = (byte) channel;
        out[4] = (byte) seq;
        out[5] = (byte) payload.length;
        out[6] = (byte) (payload.length >> 8);
        out[7] = (byte) crc(out, 2, 5);
        System.arraycopy(payload, 0, out, HEADER_SIZE, payload.length);
        int crc = crc(out, 2, HEADER_SIZE - 2 + payload.length);
        int at = HEADER_SIZE + payload.length;
        for (int i = 0; i < 4; i++) {
            out[at + i] = (byte) (crc >>> (8 * i));
        }
        return out;
    }

    static int crc(byte[] data, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(data, offset, length);
        return (int) crc.getValue();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Frame f && f.flags == flags && f.channel == channel && f.seq == seq
                && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return ((flags * 31 + channel) * 31 + seq) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Frame[flags=" + flags + ", channel=" + channel + ", seq=" + seq + ", payload=" + HexFormat.of().formatHex(payload) + "]";
    }
}
