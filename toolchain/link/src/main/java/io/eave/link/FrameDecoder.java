package io.eave.link;

import java.util.Arrays;

/**
 * Finds frames in a byte stream with garbage, lost and corrupted bytes: the decoding steps of
 * docs/link-protocol.md, section 1. On a failed check it drops one byte, not the whole candidate,
 * so a frame that starts inside a corrupt one is still found. Not thread-safe.
 */
public final class FrameDecoder {

    /** What the decoder finds. */
    public interface Listener {
        void frame(Frame frame);

        /** A candidate's header check or CRC failed. */
        default void corrupt() {
        }
    }

    private final byte[] buffer = new byte[Frame.OVERHEAD + Frame.MAX_PAYLOAD];
    private int used;
    private long frames;
    private long corrupt;
    private long skipped;

    public void feed(byte[] data, int offset, int length, Listener listener) {
        while (length > 0) {
            int take = Math.min(length, buffer.length - used);
            System.arraycopy(data, offset, buffer, used, take);
            used += take;
            offset += take;
            length -= take;
            parse(listener);
        }
    }

    private void parse(Listener listener) {
        while (used > 0) {
            if ((buffer[0] & 0xFF) != Frame.SYNC0) {
                int next = 1;
                while (next < used && (buffer[next] & 0xFF) != Frame.SYNC0) {
                    next++;
                }
                skipped += next;
                drop(next);
                continue;
            }
            if (used < 2) {
                return;
            }
            if ((buffer[1] & 0xFF) != Frame.SYNC1) {
                skipped++;
                drop(1);
                continue;
            }
            if (used < Frame.HEADER_SIZE) {
                return;
            }
            int length = (buffer[5] & 0xFF) | (buffer[6] & 0xFF) << 8;
            boolean headerOk = (byte) Frame.crc(buffer, 2, 5) == buffer[7] && length <= Frame.MAX_PAYLOAD;
            int size = Frame.OVERHEAD + length;
            if (headerOk && used < size) {
                return;
            }
            if (!headerOk || Frame.crc(buffer, 2, Frame.HEADER_SIZE - 2 + length) != readCrc(Frame.HEADER_SIZE + length)) {
                corrupt++;
                drop(1);
                listener.corrupt();
                continue;
            }
            Frame frame = new Frame(buffer[2] & 0xFF, buffer[3] & 0xFF, buffer[4] & 0xFF,
                    Arrays.copyOfRange(buffer, Frame.HEADER_SIZE, Frame.HEADER_SIZE + length));
            frames++;
            drop(size);
            listener.frame(frame);
        }
    }

    private int readCrc(int at) {
        return (buffer[at] & 0xFF) | (buffer[at + 1] & 0xFF) << 8 | (buffer[at + 2] & 0xFF) << 16 | (buffer[at + 3] & 0xFF) << 24;
    }

    private void drop(int count) {
        System.arraycopy(buffer, count, buffer, 0, used - count);
        used -= count;
    }

    public long frames() {
        return frames;
    }

    public long corrupt() {
        return corrupt;
    }

    public long skipped() {
        return skipped;
    }
}
