package io.eave.compiler.image;

import java.util.Arrays;

/** A growable little-endian byte buffer with the varints of docs/program-image.md. */
final class ByteSink {
    private byte[] bytes = new byte[256];
    private int size;

    int size() {
        return size;
    }

    void u8(int value) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[size++] = (byte) value;
    }

    void u32(long value) {
        for (int i = 0; i < 4; i++) {
            u8((int) (value >>> (8 * i)));
        }
    }

    void u64(long value) {
        for (int i = 0; i < 8; i++) {
            u8((int) (value >>> (8 * i)));
        }
    }

    void putU32(int at, long value) {
        for (int i = 0; i < 4; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
        }
    }

    void put8(int at, int value) {
        bytes[at] = (byte) value;
    }

    void putBytes(int at, byte[] data) {
        System.arraycopy(data, 0, bytes, at, data.length);
    }

    /** Unsigned LEB128 of a value below 2^32. */
    void varint(long value) {
        if (value < 0 || value > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("varint out of range: " + value);
        }
        while (value >= 0x80) {
            u8((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        u8((int) value);
    }

    /** Zigzag-encoded signed LEB128 of a 64-bit value. */
    void svarint(long value) {
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            u8((int) (zigzag & 0x7F) | 0x80);
            zigzag >>>= 7;
        }
        u8((int) zigzag);
    }

    void bytes(byte[] data) {
        for (byte b : data) {
            u8(b);
        }
    }

    void align4() {
        while (size % 4 != 0) {
            u8(0);
        }
    }

    byte[] toArray() {
        return Arrays.copyOf(bytes, size);
    }
}
