package io.eave.device;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.eave.link.DeviceConnection;
import io.eave.link.Hello;
import io.eave.link.LinkException;
import io.eave.link.SerialTransport;
import io.eave.link.TcpTransport;

/**
 * A connected device: the link, its management client and its console, in one object that the
 * CLI, the debug adapter and the IDE share.
 */
public final class Device implements AutoCloseable {
    private final DeviceConnection connection;
    private final ManagementClient management;
    private final DeviceAddress address;
    private final CopyOnWriteArrayList<Consumer<ConsoleOutput>> consoleListeners = new CopyOnWriteArrayList<>();

    private Device(DeviceConnection connection, DeviceAddress address, Duration timeout) {
        this.connection = connection;
        this.address = address;
        this.management = new ManagementClient(new LinkChannel(connection, DeviceConnection.MANAGEMENT), timeout);
        connection.setListener(DeviceConnection.CONSOLE, bytes -> {
            ConsoleOutput output;
            try {
                output = ConsoleOutput.decode(bytes);
            } catch (IllegalArgumentException e) {
                output = new ConsoleOutput("", ConsoleOutput.Stream.SYSTEM, "(undecodable console message: " + e.getMessage() + ")\n");
            }
            for (Consumer<ConsoleOutput> listener : consoleListeners) {
                listener.accept(output);
            }
        });
    }

    /** Connects over TCP (authenticating with {@code secret}) or the serial line of the address. */
    public static Device connect(DeviceAddress address, String secret, Duration timeout) throws IOException {
        try {
            DeviceConnection connection;
            if (address.isTcp()) {
                String key = address.secret(secret);
                DeviceConnection.Options options = key == null ? DeviceConnection.Options.trusted() : DeviceConnection.Options.withSecret(key);
                connection = DeviceConnection.connect(TcpTransport.connect(address.host(), address.port(), timeout),
                        options.withTimeout(timeout));
            } else {
                connection = DeviceConnection.connect(SerialTransport.open(address.serialPath()),
                        DeviceConnection.Options.trusted().withTimeout(timeout));
            }
            return new Device(connection, address, timeout);
        } catch (LinkException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    public Hello hello() {
        return connection.hello();
    }

    public DeviceAddress address() {
        return address;
    }

    public ManagementClient management() {
        return management;
    }

    public DeviceConnection connection() {
        return connection;
    }

    /** Receives every console message of the device (all containers and the device itself). */
    public void onConsole(Consumer<ConsoleOutput> listener) {
        consoleListeners.add(listener);
    }

    @Override
    public void close() {
        management.close();
        connection.close();
    }

    /** The management channel of the link as the client's {@link Channel}. */
    private record LinkChannel(DeviceConnection connection, int channel) implements Channel {
        @Override
        public void send(byte[] message) throws IOException {
            try {
                connection.send(channel, message);
            } catch (RuntimeException e) {
                throw new IOException("cannot send to the device: " + e.getMessage(), e);
            }
        }

        @Override
        public void onReceive(Consumer<byte[]> receiver) {
            connection.setListener(channel, receiver);
        }
    }
}
