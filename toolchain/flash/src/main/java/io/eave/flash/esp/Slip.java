package io.eave.flash.esp;

import java.io.ByteArrayOutputStream;

/**
 * SLIP framing as the ESP ROM loader uses it: a packet starts and ends with 0xC0; inside, 0xC0 is
 * sent as DB DC and 0xDB as DB DD. Escaping comes after lengths and checksums are computed.
 */
public final class Slip {

    public static final int END = 0xC0;
    public static final int ESC = 0xDB;
    public static final int ESC_END = 0xDC;
    public static final int ESC_ESC = 0xDD;

    private Slip() {
    }

    /** The framed form of {@code packet}: C0, escaped bytes, C0. */
    public static byte[] encode(byte[] packet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(packet.length + packet.length / 16 + 2);
        out.write(END);
        for (byte b : packet) {
            int v = b & 0xFF;
            if (v == END) {
                out.write(ESC);
                out.write(ESC_END);
            } else if (v == ESC) {
                out.write(ESC);
                out.write(ESC_ESC);
            } else {
                out.write(v);
            }
        }
        out.write(END);
        return out.toByteArray();
    }

    /**
     * Reassembles packets from a byte stream. Bytes outside packets (a chip's boot log, line noise)
     * are kept apart so the flasher can read "boot:0x13 (SPI_FAST_FLASH_BOOT)" from them.
     */
    public static final class Decoder {

        private static final int MAX_PACKET = 64 * 1024;
        private static final int MAX_NOISE = 4 * 1024;

        private final ByteArrayOutputStream packet = new ByteArrayOutputStream();
        private final StringBuilder noise = new StringBuilder();
        private boolean inPacket;
        private boolean escaped;
        private int malformed;

        /**
         * Feeds one byte.
         *
         * @return a complete packet, or null
         */
        public byte[] feed(int b) {
            b &= 0xFF;
            if (!inPacket) {
                if (b == END) {
                    inPacket = true;
                    packet.reset();
                    escaped = false;
                } else if (noise.length() < MAX_NOISE) {
                    noise.append(b >= 0x20 && b < 0x7F || b == '\n' ? (char) b : '.');
                }
                return null;
            }
            if (b == END) {
                if (packet.size() == 0) {
                    return null;   // C0 C0: the end of one packet and the start of the next, or a stray start; stay inside
                }
                inPacket = false;
                return packet.toByteArray();
            }
            if (escaped) {
                escaped = false;
                if (b == ESC_END) {
                    packet.write(END);
                } else if (b == ESC_ESC) {
                    packet.write(ESC);
                } else {
                    malformed++;   // an invalid escape: drop the packet
                    inPacket = false;
                }
            } else if (b == ESC) {
                escaped = true;
            } else {
                packet.write(b);
            }
            if (packet.size() > MAX_PACKET) {
                malformed++;
                inPacket = false;
            }
            return null;
        }

        /** Text received outside packets since the last call, printable ASCII with '.' for other bytes. */
        public String takeNoise() {
            String s = noise.toString();
            noise.setLength(0);
            return s;
        }

        /** Packets dropped because of an invalid escape or an absurd length. */
        public int malformed() {
            return malformed;
        }

        public void reset() {
            inPacket = false;
            escaped = false;
            packet.reset();
        }
    }
}
