package io.eave.device;

import java.util.Arrays;
import java.util.HexFormat;

/** The 16-byte id of a program image (its bytes 16..31, docs/program-image.md). */
public record ImageId(byte[] bytes) {
    public ImageId {
        if (bytes.length != 16) throw new IllegalArgumentException("an image id has 16 bytes, not " + bytes.length);
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImageId id && Arrays.equals(bytes, id.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
