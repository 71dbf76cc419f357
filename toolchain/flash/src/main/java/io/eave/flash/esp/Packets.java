package io.eave.flash.esp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The loader's packets before SLIP framing, all fields little-endian.
 * Request: 0x00, command, u16 data length, u32 checksum (data commands only), data.
 * Response: 0x01, command echoed, u16 data length, u32 value, data ending in status bytes
 * (status 0 is success, then an error code; the ESP32 ROMs send 4 status bytes, stubs 2).
 */
public final class Packets {

    public static final int REQUEST = 0x00;
    public static final int RESPONSE = 0x01;
    public static final int HEADER = 8;
    public static final int CHECKSUM_SEED = 0xEF;

    private Packets() {
    }

    /** The loader's data checksum: 0xEF XOR every data byte. */
    public static int checksum(byte[] data, int offset, int length) {
        int c = CHECKSUM_SEED;
        for (int i = offset; i < offset + length; i++) {
            c ^= data[i] & 0xFF;
        }
        return c;
    }

    public static byte[] request(int command, byte[] data, int checksum) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) REQUEST).put((byte) command).putShort((short) data.length).putInt(checksum).put(data);
        return b.array();
    }

    public static byte[] response(int command, int value, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) RESPONSE).put((byte) command).putShort((short) data.length).putInt(value).put(data);
        return b.array();
    }

    /** Little-endian u32 words, the usual payload of a command. */
    public static byte[] words(long... words) {
        ByteBuffer b = ByteBuffer.allocate(4 * words.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long w : words) {
            b.putInt((int) w);
        }
        return b.array();
    }

    /** A parsed packet (either direction). */
    public record Packet(int direction, int command, int value, byte[] data) {

        /** Parses an unframed packet; null when it is too short or its length field disagrees. */
        public static Packet parse(byte[] raw) {
            if (raw.length < HEADER) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            int direction = raw[0] & 0xFF;
            int command = raw[1] & 0xFF;
            int length = Short.toUnsignedInt(b.getShort(2));
            int value = b.getInt(4);
            if (length != raw.length - HEADER) {
                return null;
            }
            byte[] data = new byte[length];
            System.arraycopy(raw, HEADER, data, 0, length);
            return new Packet(direction, command, value, data);
        }

        /** The u32 at {@code index} (in words) of the data. */
        public long word(int index) {
            return Integer.toUnsignedLong(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt(4 * index));
        }
    }
}
