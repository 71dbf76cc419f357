package io.eave.device;

import java.util.function.Consumer;

/**
 * One channel of the device link as the management client needs it: messages out, messages in.
 * The device link (toolchain/link, {@code DeviceConnection}) delivers each message exactly once
 * and in order; an adapter of one class puts this interface on it.
 */
public interface Channel {
    /** Queues one message (at most 512 bytes) for the device; failures surface as exceptions. */
    void send(byte[] message) throws java.io.IOException;

    /** Sets the receiver of every message from the device on this channel (one at a time). */
    void onReceive(Consumer<byte[]> receiver);
}
