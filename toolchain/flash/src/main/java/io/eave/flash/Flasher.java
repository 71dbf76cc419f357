package io.eave.flash;

import java.util.concurrent.CompletableFuture;

/**
 * Writes firmware to a board. Implementations: {@code esp.EspRomFlasher} (ESP32 family over the
 * ROM serial loader) and {@code emulated.EmulatedBoardFlasher} (the QEMU boards' folders).
 *
 * <p>A flash either returns a verified {@link FlashResult} or throws a {@link FlashException}:
 * a cancelled, interrupted or unverifiable write is never reported as success.
 */
public interface Flasher {

    /** What this flasher writes to, for messages, e.g. "ESP ROM loader on /dev/ttyUSB0". */
    String target();

    /**
     * Flashes on the calling thread.
     *
     * @param cancel checked between blocks; once cancelled the flash fails with {@link FlashException.Kind#CANCELLED}
     */
    FlashResult flash(FlashRequest request, FlashListener listener, CancelSignal cancel) throws FlashException;

    /**
     * Flashes on a new thread. Cancelling the returned future (or {@link FlashJob#cancel()}) cancels the flash;
     * it completes exceptionally with the {@link FlashException}.
     */
    default FlashJob start(FlashRequest request, FlashListener listener) {
        CancelSignal cancel = new CancelSignal();
        CompletableFuture<FlashResult> result = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                cancel.cancel();
                return false;   // completes with CANCELLED once the flasher has stopped at a block boundary
            }
        };
        Thread thread = new Thread(() -> {
            try {
                result.complete(flash(request, listener, cancel));
            } catch (FlashException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "eave-flash " + target());
        thread.setDaemon(true);
        thread.start();
        return new FlashJob(result, cancel);
    }
}
