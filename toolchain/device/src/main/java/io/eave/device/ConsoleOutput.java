package io.eave.device;

import java.nio.charset.StandardCharsets;

/** One console channel message: container name ("" for the device itself), stream, text. */
public record ConsoleOutput(String container, Stream stream, String text) {
    public enum Stream { STDOUT, STDERR, SYSTEM }

    /** Decodes a console channel payload: u8 stream, name, then the text to the end. */
    public static ConsoleOutput decode(byte[] payload) {
        ManagementCodec.Reader r = new ManagementCodec.Reader(payload);
        int stream = r.u8();
        if (stream >= Stream.values().length) throw new IllegalArgumentException("unknown console stream " + stream);
        String name = r.text(ManagementCodec.MAX_NAME);
        byte[] rest = r.rest();
        return new ConsoleOutput(name, Stream.values()[stream], new String(rest, StandardCharsets.UTF_8));
    }

    public byte[] encode() {
        ManagementCodec.Writer w = new ManagementCodec.Writer();
        w.u8(stream.ordinal());
        w.text(container);
        w.raw(text.getBytes(StandardCharsets.UTF_8));
        return w.toByteArray();
    }
}
