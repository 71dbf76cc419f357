package io.eave.device;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.zip.CRC32;

/**
 * Sends management requests over a {@link Channel} and matches the responses by request id.
 * Every call returns a future that completes with the answer, or fails with a
 * {@link ManagementException}: the device's error (code and its message, which says what to do),
 * no answer within the timeout, or a send failure. Unsolicited events go to the listeners.
 */
public final class ManagementClient implements AutoCloseable {
    private final Channel channel;
    private final Duration timeout;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, CompletableFuture<Message.Response>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<Message.Event>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "eave-management");
        t.setDaemon(true);
        return t;
    });
    private volatile String lastProtocolError;

    /** `timeout` bounds each request's round trip (an install waits that long per chunk). */
    public ManagementClient(Channel channel, Duration timeout) {
        this.channel = channel;
        this.timeout = timeout;
        channel.onReceive(this::received);
    }

    public void addEventListener(Consumer<Message.Event> listener) {
        listeners.add(listener);
    }

    /** What the last undecodable message from the device was, for diagnostics; null if none. */
    public String lastProtocolError() {
        return lastProtocolError;
    }

    private void received(byte[] bytes) {
        Message message;
        try {
            message = ManagementCodec.decode(bytes);
        } catch (IllegalArgumentException e) {
            lastProtocolError = e.getMessage();
            return;
        }
        if (message instanceof Message.Response response) {
            CompletableFuture<Message.Response> future = pending.remove(response.request());
            if (future == null) return; // answered after its timeout
            if (response instanceof Message.Error error) {
                future.completeExceptionally(new ManagementException(error.code(), error.message()));
            } else {
                future.complete(response);
            }
        } else if (message instanceof Message.Event event) {
            for (Consumer<Message.Event> listener : listeners) listener.accept(event);
        }
    }

    /** Sends the request `make` builds for a fresh id; completes with the response. */
    public CompletableFuture<Message.Response> request(LongFunction<Message.Request> make) {
        long id = nextId.getAndUpdate(n -> n == 0xFFFF_FFFFL ? 1 : n + 1);
        Message.Request request = make.apply(id);
        CompletableFuture<Message.Response> future = new CompletableFuture<>();
        pending.put(id, future);
        String what = request.getClass().getSimpleName();
        executor.schedule(() -> {
            if (pending.remove(id, future)) {
                future.completeExceptionally(new ManagementException(0,
                        "no answer from the device to " + what + " within " + timeout.toMillis() + " ms: is it connected and running?"));
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            channel.send(ManagementCodec.encode(request));
        } catch (IOException | RuntimeException e) {
            pending.remove(id);
            future.completeExceptionally(new ManagementException("could not send " + what + " to the device: " + e.getMessage(), e));
        }
        return future;
    }

    private <T extends Message.Response> CompletableFuture<T> expect(CompletableFuture<Message.Response> f, Class<T> type) {
        return f.thenApply(r -> {
            if (!type.isInstance(r)) {
                throw new CompletionException(new ManagementException(0, "the device answered " + r.getClass().getSimpleName()
                        + " where " + type.getSimpleName() + " was expected"));
            }
            return type.cast(r);
        });
    }

    public CompletableFuture<Message.InfoResult> info() {
        return expect(request(Message.Info::new), Message.InfoResult.class);
    }

    /** Every container, page after page. */
    public CompletableFuture<List<ContainerInfo>> list() {
        List<ContainerInfo> all = new ArrayList<>();
        return listFrom(0, all);
    }

    private CompletableFuture<List<ContainerInfo>> listFrom(long first, List<ContainerInfo> all) {
        return expect(request(id -> new Message.ListContainers(id, first)), Message.ListResult.class).thenCompose(page -> {
            all.addAll(page.containers());
            if (page.containers().isEmpty() || all.size() >= page.total()) return CompletableFuture.completedFuture(List.copyOf(all));
            return listFrom(first + page.containers().size(), all);
        });
    }

    public CompletableFuture<Void> start(String name, List<String> args) {
        ManagementCodec.checkName(name);
        return expect(request(id -> new Message.Start(id, name, List.copyOf(args))), Message.Ok.class).thenApply(ok -> null);
    }

    public CompletableFuture<Void> stop(String name) {
        ManagementCodec.checkName(name);
        return expect(request(id -> new Message.Stop(id, name)), Message.Ok.class).thenApply(ok -> null);
    }

    public CompletableFuture<Void> uninstall(String name) {
        ManagementCodec.checkName(name);
        return expect(request(id -> new Message.Uninstall(id, name)), Message.Ok.class).thenApply(ok -> null);
    }

    public CompletableFuture<Void> setRunOnBoot(String name, boolean runOnBoot) {
        ManagementCodec.checkName(name);
        return expect(request(id -> new Message.SetRunOnBoot(id, name, runOnBoot)), Message.Ok.class).thenApply(ok -> null);
    }

    /**
     * Installs `image` as `name`: INSTALL_BEGIN, chunks of at most {@link ManagementCodec#MAX_CHUNK}
     * bytes (one in flight, `listener` told after each), INSTALL_END. Completes with the image id
     * the device reports. Cancelling the returned future stops after the chunk in flight and sends
     * INSTALL_ABORT; the device keeps its previous state.
     */
    public CompletableFuture<ImageId> install(String name, byte[] image, boolean runOnBoot, InstallListener listener) {
        ManagementCodec.checkName(name);
        if (image.length == 0) throw new IllegalArgumentException("the image of '" + name + "' is empty");
        byte[] bytes = image.clone();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        long crc32 = crc.getValue();
        CompletableFuture<ImageId> result = new CompletableFuture<>();
        request(id -> new Message.InstallBegin(id, name, bytes.length, crc32, runOnBoot))
                .whenCompleteAsync((r, e) -> step(result, bytes, 0, e, listener), executor);
        return result;
    }

    private void step(CompletableFuture<ImageId> result, byte[] image, int offset, Throwable failure, InstallListener listener) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (!(cause instanceof ManagementException me && me.code() > 0)) abort(); // the device may still be installing
            result.completeExceptionally(cause);
            return;
        }
        if (result.isDone()) { // cancelled by the caller
            abort();
            return;
        }
        if (offset > 0) listener.progress(offset, image.length);
        if (offset == image.length) {
            expect(request(Message.InstallEnd::new), Message.Installed.class).whenComplete((installed, e) -> {
                if (e != null) {
                    result.completeExceptionally(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
                } else {
                    result.complete(installed.imageId());
                }
            });
            return;
        }
        int n = Math.min(ManagementCodec.MAX_CHUNK, image.length - offset);
        byte[] chunk = java.util.Arrays.copyOfRange(image, offset, offset + n);
        request(id -> new Message.InstallData(id, offset, chunk))
                .whenCompleteAsync((r, e) -> step(result, image, offset + n, e, listener), executor);
    }

    private void abort() {
        request(Message.InstallAbort::new); // best effort; its answer or timeout is of no interest
    }

    @Override
    public void close() {
        executor.shutdownNow();
        for (CompletableFuture<Message.Response> f : pending.values()) {
            f.completeExceptionally(new ManagementException(0, "the management client was closed"));
        }
        pending.clear();
    }

}
