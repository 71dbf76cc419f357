package io.eave.devices;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.eave.device.ConsoleOutput;
import io.eave.device.Device;
import io.eave.device.ManagementClient;
import io.eave.device.Message;

/**
 * One open link to a device that the whole IDE shares (a device takes only a few hosts at once):
 * the Devices view, its console monitors and every launch listen on it, and each can stop
 * listening again, which {@link Device} alone does not offer.
 */
public final class SharedDevice implements AutoCloseable {
    private final Device device;
    private final KnownDevice known;
    private final CopyOnWriteArrayList<Consumer<ConsoleOutput>> consoleListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<Message.Event>> eventListeners = new CopyOnWriteArrayList<>();

    SharedDevice(Device device, KnownDevice known) {
        this.device = device;
        this.known = known;
        device.onConsole(output -> consoleListeners.forEach(l -> l.accept(output)));
        device.management().addEventListener(event -> eventListeners.forEach(l -> l.accept(event)));
    }

    public KnownDevice known() {
        return known;
    }

    /** The name the device reports in its hello. */
    public String name() {
        return device.hello().name();
    }

    public String firmware() {
        return device.hello().firmware();
    }

    /** Requests with futures that fail after the link timeout; never wait on them in the UI thread. */
    public ManagementClient management() {
        return device.management();
    }

    public boolean isOpen() {
        return !device.connection().closed().isDone();
    }

    /** Completes when the link is gone (closed here, or lost). */
    public CompletableFuture<Void> closed() {
        return device.connection().closed();
    }

    /** Receives every console message of the device; run the returned action to stop. */
    public Runnable onConsole(Consumer<ConsoleOutput> listener) {
        consoleListeners.add(listener);
        return () -> consoleListeners.remove(listener);
    }

    /** Receives the device's events (a container started or ended); run the returned action to stop. */
    public Runnable onEvent(Consumer<Message.Event> listener) {
        eventListeners.add(listener);
        return () -> eventListeners.remove(listener);
    }

    @Override
    public void close() {
        device.close();
    }
}
