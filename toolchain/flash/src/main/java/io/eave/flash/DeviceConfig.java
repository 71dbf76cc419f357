package io.eave.flash;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The device configuration written next to the firmware: the device's name and the secret that
 * authenticates clients over TCP (challenge and HMAC, see the device link). A fixed 128-byte
 * little-endian blob the firmware reads without a parser:
 *
 * <pre>
 * 0x00  u32      magic "EAVC" (45 41 56 43)
 * 0x04  u16      format version, 1
 * 0x06  u16      blob length, 128
 * 0x08  u8[64]   name, UTF-8, NUL-padded (1..63 bytes of [A-Za-z0-9._-])
 * 0x48  u8[32]   secret
 * 0x68  u8[20]   reserved, zero
 * 0x7C  u32      CRC-32 (IEEE, as zlib) of bytes 0x00..0x7B
 * </pre>
 *
 * On ESP32 chips it sits alone in the last 4 KiB sector of the flash (see {@code docs/flashing.md});
 * on emulated boards it is the file {@code device-config.bin} in the device's folder.
 */
public record DeviceConfig(String name, byte[] secret) {

    public static final int SIZE = 128;
    public static final int VERSION = 1;
    public static final int SECRET_SIZE = 32;
    public static final int MAX_NAME_BYTES = 63;
    static final byte[] MAGIC = {'E', 'A', 'V', 'C'};
    private static final int NAME_OFFSET = 0x08;
    private static final int SECRET_OFFSET = 0x48;
    private static final int CRC_OFFSET = 0x7C;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_NAME_BYTES + "}");

    public DeviceConfig {
        checkName(name);
        if (secret.length != SECRET_SIZE) {
            throw new IllegalArgumentException("a device secret has " + SECRET_SIZE + " bytes, not " + secret.length);
        }
        secret = secret.clone();
    }

    /** A configuration with a fresh random secret. */
    public static DeviceConfig withRandomSecret(String name) {
        byte[] secret = new byte[SECRET_SIZE];
        new SecureRandom().nextBytes(secret);
        return new DeviceConfig(name, secret);
    }

    /** Throws IllegalArgumentException with a message a user can act on when {@code name} is not a valid device name. */
    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid device name '" + name + "': use 1 to " + MAX_NAME_BYTES
                    + " letters, digits, '.', '_' or '-'");
        }
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    /** The secret as lower-case hex, for display and for the host-side copy. */
    public String secretHex() {
        return HexFormat.of().formatHex(secret);
    }

    /** The 128-byte blob. */
    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putShort((short) VERSION).putShort((short) SIZE);
        b.put(NAME_OFFSET, name.getBytes(StandardCharsets.UTF_8));
        b.put(SECRET_OFFSET, secret);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, CRC_OFFSET);
        b.putInt(CRC_OFFSET, (int) crc.getValue());
        return b.array();
    }

    /** Reads a blob back; throws IllegalArgumentException saying what is wrong with it. */
    public static DeviceConfig decode(byte[] blob) {
        if (blob.length < SIZE) {
            throw new IllegalArgumentException("a device configuration has " + SIZE + " bytes, this one " + blob.length);
        }
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        if (!Arrays.equals(blob, 0, 4, MAGIC, 0, 4)) {
            throw new IllegalArgumentException("not a device configuration (no EAVC magic)");
        }
        int version = Short.toUnsignedInt(b.getShort(4));
        if (version != VERSION) {
            throw new IllegalArgumentException("device configuration version " + version + " is not supported (this Eave reads " + VERSION + ")");
        }
        CRC32 crc = new CRC32();
        crc.update(blob, 0, CRC_OFFSET);
        if ((int) crc.getValue() != b.getInt(CRC_OFFSET)) {
            throw new IllegalArgumentException("the device configuration is damaged (CRC-32 mismatch)");
        }
        int end = NAME_OFFSET;
        while (end < SECRET_OFFSET && blob[end] != 0) {
            end++;
        }
        String name = new String(blob, NAME_OFFSET, end - NAME_OFFSET, StandardCharsets.UTF_8);
        return new DeviceConfig(name, Arrays.copyOfRange(blob, SECRET_OFFSET, SECRET_OFFSET + SECRET_SIZE));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceConfig d && d.name.equals(name) && Arrays.equals(d.secret, secret);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(secret);
    }

    @Override
    public String toString() {
        return "DeviceConfig[" + name + "]";   // never the secret
    }
}
