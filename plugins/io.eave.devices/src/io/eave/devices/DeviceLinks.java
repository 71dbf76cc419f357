package io.eave.devices;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.eave.device.Device;

/**
 * One open link per device, opened on first use and reopened after it was lost. Connecting
 * happens on a pool thread: callers get a future, and the UI thread never waits on it.
 */
public final class DeviceLinks implements AutoCloseable {
    private final Duration timeout;
    private final Map<String, CompletableFuture<SharedDevice>> links = new ConcurrentHashMap<>();
    private final ExecutorService connector = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "eave-device-link");
        t.setDaemon(true);
        return t;
    });

    /** {@code timeout} bounds the connection and then each request's round trip. */
    public DeviceLinks(Duration timeout) {
        this.timeout = timeout;
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
                    return new SharedDevice(Device.connect(device.address(), secret.secret(), timeout), device);
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
