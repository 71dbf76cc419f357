package io.eave.flash;

import java.util.concurrent.CompletableFuture;

/**
 * A flash running on its own thread: wait on {@link #result()} with a timeout, or {@link #cancel()} it.
 * A cancelled job's result completes exceptionally with a {@link FlashException} of kind CANCELLED
 * once the flasher has stopped (it stops at the next block boundary).
 */
public record FlashJob(CompletableFuture<FlashResult> result, CancelSignal signal) {

    public void cancel() {
        signal.cancel();
    }
}
