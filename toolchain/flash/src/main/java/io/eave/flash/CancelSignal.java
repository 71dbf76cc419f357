package io.eave.flash;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A flag a flash checks between blocks. Cancelling stops the flash at the next block boundary;
 * the flash then fails with {@link FlashException.Kind#CANCELLED}: a cancelled write is never
 * reported as a success, and the device holds an incomplete image until it is flashed again.
 */
public final class CancelSignal {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile Runnable onCancel = () -> { };

    /** Requests cancellation; safe from any thread, idempotent. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            onCancel.run();
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Runs {@code action} on cancellation (at once if already cancelled); a flasher uses it to wake a blocked read. */
    public void onCancel(Runnable action) {
        onCancel = action;
        if (cancelled.get()) {
            action.run();
        }
    }
}
