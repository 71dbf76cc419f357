package io.eave.debug;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.eave.link.DeviceConnection;

/**
 * One channel of the device link as the debugger needs it: messages out (each acknowledged by the
 * device), messages in (exactly once, in order). {@link #of(DeviceConnection, int)} puts it on a
 * real connection; tests may put it on anything.
 */
public interface AgentChannel {
    /** Sends one message (at most 512 bytes); completes when the device acknowledged it. */
    CompletableFuture<Void> send(byte[] message);

    /** Sets the receiver of every message on this channel (one at a time). */
    void onReceive(Consumer<byte[]> receiver);

    /** A channel of a device connection (usually {@link DeviceConnection#DEBUG}). */
    static AgentChannel of(DeviceConnection connection, int channel) {
        return new AgentChannel() {
            @Override
            public CompletableFuture<Void> send(byte[] message) {
                return connection.send(channel, message);
            }

            @Override
            public void onReceive(Consumer<byte[]> receiver) {
                connection.setListener(channel, receiver::accept);
            }
        };
    }

    /** The management client's view of a channel of a device connection (its requests time out by themselves). */
    static io.eave.device.Channel management(DeviceConnection connection) {
        return new io.eave.device.Channel() {
            @Override
            public void send(byte[] message) {
                connection.send(DeviceConnection.MANAGEMENT, message);
            }

            @Override
            public void onReceive(Consumer<byte[]> receiver) {
                connection.setListener(DeviceConnection.MANAGEMENT, receiver::accept);
            }
        };
    }
}
