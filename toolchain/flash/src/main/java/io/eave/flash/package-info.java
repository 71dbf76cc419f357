/** Flashers: writing the Eave firmware to emulated boards and to ESP32-family boards over the ROM loader. */
package io.eave.flash;
