package io.eave.link;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The device's HELLO (docs/link-protocol.md, section 4): protocol version, whether it wants
 * authentication, its id, the session's challenge, firmware version, name and board.
 */
public record Hello(int protocol, int flags, byte[] deviceId, byte[] challenge, String firmware, String name, String board) {

    public static final int AUTH_REQUIRED = 0x01;
    public static final int AUTHENTICATED = 0x02;
    static final int ID_SIZE = 8;
    static final int CHALLENGE_SIZE = 16;

    public boolean authenticationRequired() {
        return (flags & AUTH_REQUIRED) != 0;
    }

    /** The device id as 16 hex digits, as discovery shows it. */
    public String deviceIdHex() {
        return HexFormat.of().formatHex(deviceId);
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Control.HELLO);
        out.write(protocol);
        out.write(protocol >> 8);
        out.write(flags);
        out.writeBytes(deviceId);
        out.writeBytes(challenge);
        Control.writeText(out, firmware);
        Control.writeText(out, name);
        Control.writeText(out, board);
        return out.toByteArray();
    }

    /** Decodes a HELLO message (type byte included). */
    public static Hello decode(byte[] message) throws LinkException {
        Control.Reader in = new Control.Reader(message, "HELLO");
        in.expectType(Control.HELLO);
        int protocol = in.u16();
        int flags = in.u8();
        byte[] id = in.bytes(ID_SIZE);
        byte[] challenge = in.bytes(CHALLENGE_SIZE);
        return new Hello(protocol, flags, id, challenge, in.text(), in.text(), in.text());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hello h && h.protocol == protocol && h.flags == flags && Arrays.equals(h.deviceId, deviceId)
                && Arrays.equals(h.challenge, challenge) && h.firmware.equals(firmware) && h.name.equals(name) && h.board.equals(board);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(deviceId) * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return "device '" + name + "' (id " + deviceIdHex() + ", firmware " + firmware + ", " + board + ", protocol " + protocol + ")";
    }

    static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
