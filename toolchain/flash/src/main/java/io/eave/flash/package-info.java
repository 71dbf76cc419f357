/**
 * Flashers: writing the Eave firmware to emulated boards and to ESP32-family boards over the ROM
 * loader. The API every flasher shares: {@link io.eave.flash.Flasher}, a {@link io.eave.flash.FlashRequest}
 * (image, offset, {@link io.eave.flash.DeviceConfig}), progress through a {@link io.eave.flash.FlashListener},
 * cancellation through a {@link io.eave.flash.CancelSignal}, and failures as {@link io.eave.flash.FlashException}s
 * that say what failed, where, and what to do. Design notes: {@code docs/flashing.md}.
 */
package io.eave.flash;
