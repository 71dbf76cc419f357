package io.eave.devices;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.eave.device.Device;
import io.eave.flash.port.PortOwners;

/**
 * One open link per device, opened on first use and reopened after it was lost. Connecting
 * happens on a pool thread: callers get a future, and the UI thread never waits on it. A link
 * over a serial port is registered with the IDE's {@link PortOwners}: a flash of that port closes
 * it first and reopens it afterwards, and no link opens the port while it is being flashed.
 */
public final class DeviceLinks implements AutoCloseable {
    private final Duration timeout;
    private final PortOwners ports;
    private final Map<String, CompletableFuture<SharedDevice>> links = new ConcurrentHashMap<>();
    private final ExecutorService connector = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "eave-device-link");
        t.setDaemon(true);
        return t;
    });

    /** {@code timeout} bounds the connection and then each request's round trip. */
    public DeviceLinks(Duration timeout) {
        this(timeout, new PortOwners());
    }

    public DeviceLinks(Duration timeout, PortOwners ports) {
        this.timeout = timeout;
        this.ports = ports;
    }

    /** Who holds which serial port: the flash wizard hands ports over through it. */
    public PortOwners ports() {
        return ports;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * The open link to {@code device}; connects (with {@code secret}, for TCP) when there is none
     * or the last one was lost. A failed attempt is forgotten, so the next call tries again.
     */
    public CompletableFuture<SharedDevice> connect(KnownDevice device, SecretSource secret) {
        String key = device.key();
        CompletableFuture<SharedDevice> link = links.compute(key, (k, existing) -> {
            if (existing != null && (!existing.isDone() || isOpen(existing))) {
                return existing;
            }
            if (existing != null && existing.isDone() && !existing.isCompletedExceptionally()) {
                existing.join().close();
            }
            return CompletableFuture.supplyAsync(() -> {
                try {
                    if (!device.address().isTcp()) {
                        ports.checkAvailable(device.address().serialPath());
                    }
                    SharedDevice shared = new SharedDevice(Device.connect(device.address(), secret.secret(), timeout), device);
                    if (!device.address().isTcp()) {
                        holdPort(device, secret, shared);
                    }
                    return shared;
                } catch (Exception e) {
                    throw new CompletionException(new java.io.IOException("cannot connect to " + device.name() + " ("
                            + device.where() + "): " + e.getMessage(), e));
                }
            }, connector);
        });
        link.whenComplete((shared, error) -> {
            if (error != null) {
                links.remove(key, link);
            } else {
                shared.closed().whenComplete((v, e) -> links.remove(key, link));
            }
        });
        return link;
    }

    /** Registers the open serial link as the port's holder until the link closes. */
    private void holdPort(KnownDevice device, SecretSource secret, SharedDevice shared) {
        String path = device.address().serialPath();
        AutoCloseable held = ports.hold(path, new PortOwners.Holder() {
            @Override
            public String describe() {
                return "the IDE's link to " + device.name();
            }

            @Override
            public void closePort() {
                links.remove(device.key());
                shared.close();
            }

            @Override
            public void reopenPort() {
                connect(device, secret);   // in the background; the Devices view shows the device again once it answers
            }
        });
        shared.closed().whenComplete((v, e) -> {
            try {
                held.close();
            } catch (Exception ignored) {
                // unregistering cannot fail
            }
        });
    }

    /** Closes the link to {@code device}, if one is open (the device went away or was removed). */
    public void disconnect(KnownDevice device) {
        CompletableFuture<SharedDevice> link = links.remove(device.key());
        if (link != null) {
            link.thenAccept(SharedDevice::close);
        }
    }

    private static boolean isOpen(CompletableFuture<SharedDevice> link) {
        return !link.isCompletedExceptionally() && link.join().isOpen();
    }

    @Override
    public void close() {
        for (CompletableFuture<SharedDevice> link : links.values()) {
            link.cancel(true);
            if (link.isDone() && !link.isCompletedExceptionally() && !link.isCancelled()) {
                link.join().close();
            }
        }
        links.clear();
        connector.shutdownNow();
    }

    /** Reads a device's secret when the link is opened (from a file, secure storage, the simulator). */
    @FunctionalInterface
    public interface SecretSource {
        String secret() throws Exception;
    }
}
