package io.eave.flash.emulated;

import java.util.concurrent.CompletableFuture;

/**
 * The hook that starts an emulated board after it was flashed: QEMU on the device's
 * {@code firmware.elf}, waiting for the firmware's hello. Supplied by whoever runs emulators (the
 * device manager); {@link EmulatedBoardFlasher} calls it in its RESETTING phase and waits for the
 * future with a timeout. The future completes with the hello line, or exceptionally with why the
 * board did not start.
 */
@FunctionalInterface
public interface BoardBooter {

    CompletableFuture<String> boot(EmulatedDevice device);
}
