package io.eave.compiler.image;

/** Fixed numbers of docs/program-image.md. */
public final class ImageFormat {
    private ImageFormat() {}

    public static final byte[] MAGIC = {'E', 'A', 'V', 'E'};
    public static final int VERSION = 1;
    public static final int WELL_KNOWN_COUNT = WellKnown.values().length;
    /** Header: 52 bytes of fields, then the well-known class table. */
    public static final int HEADER_SIZE = 56 + 4 * WELL_KNOWN_COUNT;
    /** The CRC and the image id cover the bytes from here on. */
    public static final int BODY_START = 32;
    public static final int ID_SIZE = 16;
    /** An absent index in a fixed-width table. */
    public static final int ABSENT = 0xFFFFFFFF;
}
