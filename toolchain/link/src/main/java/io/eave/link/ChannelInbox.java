package io.eave.link;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Messages that arrived on one channel and the callers waiting for them. A listener, when set,
 * takes every message instead (the console view); otherwise they queue for {@code receive}.
 */
final class ChannelInbox {

    /** Messages kept for a reader that has not asked yet; beyond this the oldest go (the console can outpace a reader). */
    static final int MAX_QUEUED = 1024;

    private final ArrayDeque<byte[]> messages = new ArrayDeque<>();
    private final ArrayDeque<CompletableFuture<byte[]>> waiters = new ArrayDeque<>();
    private Consumer<byte[]> listener;
    private long dropped;

    synchronized void setListener(Consumer<byte[]> listener) {
        this.listener = listener;
        while (listener != null && !messages.isEmpty()) {
            listener.accept(messages.poll());
        }
    }

    void deliver(byte[] message) {
        Consumer<byte[]> to;
        CompletableFuture<byte[]> waiter;
        synchronized (this) {
            to = listener;
            waiter = to == null ? pollLiveWaiter() : null;
            if (to == null && waiter == null) {
                if (messages.size() == MAX_QUEUED) {
                    messages.poll();
                    dropped++;
                }
                messages.add(message);
                return;
            }
        }
        if (to != null) {
            to.accept(message);
        } else {
            waiter.complete(message);
        }
    }

    synchronized CompletableFuture<byte[]> next() {
        CompletableFuture<byte[]> future = new CompletableFuture<>();
        byte[] message = messages.poll();
        if (message != null) {
            future.complete(message);
        } else {
            waiters.add(future);
        }
        return future;
    }

    void failAll(Throwable cause) {
        ArrayDeque<CompletableFuture<byte[]>> failing;
        synchronized (this) {
            failing = new ArrayDeque<>(waiters);
            waiters.clear();
        }
        failing.forEach(f -> f.completeExceptionally(cause));
    }

    synchronized long dropped() {
        return dropped;
    }

    private CompletableFuture<byte[]> pollLiveWaiter() {
        CompletableFuture<byte[]> waiter;
        while ((waiter = waiters.poll()) != null && waiter.isDone()) {
            // timed out or cancelled: skip it
        }
        return waiter;
    }
}
