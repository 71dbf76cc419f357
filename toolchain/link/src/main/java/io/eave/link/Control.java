package io.eave.link;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Control channel messages (docs/link-protocol.md, section 4): types, encodings and the authentication MAC. */
public final class Control {

    public static final int PROTOCOL_VERSION = 1;

    public static final int HELLO_REQUEST = 0x01;
    public static final int HELLO = 0x02;
    public static final int AUTH = 0x03;
    public static final int AUTH_OK = 0x04;
    public static final int REFUSED = 0x05;
    public static final int PING = 0x06;
    public static final int PONG = 0x07;

    public static final int REFUSED_WRONG_SECRET = 1;
    public static final int REFUSED_AUTH_REQUIRED = 2;
    public static final int REFUSED_PROTOCOL_VERSION = 3;
    public static final int REFUSED_BAD_MESSAGE = 4;

    private static final byte[] AUTH_CONTEXT = "eave-link-auth-1".getBytes(StandardCharsets.US_ASCII);

    private Control() {
    }

    /** A REFUSED message: why, and the device's words for the user. */
    public record Refusal(int reason, String message) {

        public static Refusal decode(byte[] payload) throws LinkException {
            Reader in = new Reader(payload, "REFUSED");
            in.expectType(REFUSED);
            return new Refusal(in.u8(), in.text());
        }

        public byte[] encode() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(REFUSED);
            out.write(reason);
            writeText(out, message);
            return out.toByteArray();
        }
    }

    public static byte[] helloRequest() {
        return new byte[] {HELLO_REQUEST, (byte) PROTOCOL_VERSION, (byte) (PROTOCOL_VERSION >> 8)};
    }

    public static byte[] auth(byte[] mac) {
        byte[] out = new byte[1 + mac.length];
        out[0] = AUTH;
        System.arraycopy(mac, 0, out, 1, mac.length);
        return out;
    }

    /** HMAC-SHA256(secret, "eave-link-auth-1" || device id || challenge). */
    public static byte[] authMac(byte[] secret, byte[] deviceId, byte[] challenge) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // An empty key is legal HMAC but SecretKeySpec refuses it; one zero byte is the same key once padded.
            mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, "HmacSHA256"));
            mac.update(AUTH_CONTEXT);
            mac.update(deviceId);
            mac.update(challenge);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    static void writeText(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(bytes.length, 255);
        out.write(length);
        out.write(bytes, 0, length);
    }

    /** Reads a control message's fields, with a clear error when it is shorter than its type says. */
    static final class Reader {
        private final byte[] data;
        private final String what;
        private int at;

        Reader(byte[] data, String what) {
            this.data = data;
            this.what = what;
        }

        void expectType(int type) throws LinkException {
            if (u8() != type) {
                throw new LinkException("malformed " + what + " from the device: wrong type byte");
            }
        }

        int u8() throws LinkException {
            need(1);
            return data[at++] & 0xFF;
        }

        int u16() throws LinkException {
            return u8() | u8() << 8;
        }

        byte[] bytes(int count) throws LinkException {
            need(count);
            at += count;
            return Arrays.copyOfRange(data, at - count, at);
        }

        String text() throws LinkException {
            return Hello.text(bytes(u8()));
        }

        private void need(int count) throws LinkException {
            if (at + count > data.length) {
                throw new LinkException("malformed " + what + " from the device: " + data.length + " bytes is too short");
            }
        }
    }
}
