package io.eave.flash.esp;

import io.eave.flash.port.FlashPort;

/**
 * How the host's DTR and RTS lines reset a board into the ROM loader (and back into its firmware).
 * "Asserted" is the RS-232 sense: the line's voltage low.
 */
public enum ResetSequence {

    /** USB_SERIAL_JTAG for an Espressif USB-Serial-JTAG port, CLASSIC otherwise. */
    AUTO,

    /**
     * The classic auto-reset circuit of USB-UART boards: two transistors make EN low while RTS
     * alone is asserted and IO0 low while DTR alone is asserted. EN low (reset) with IO0 high,
     * then IO0 low as EN is released, wait 50 ms (550 ms on every second attempt, for boards with a
     * slow EN capacitor), release IO0: the ROM samples IO0 low and starts its loader.
     */
    CLASSIC,

    /**
     * Chips with a built-in USB-Serial-JTAG (ESP32-C3, -S3, -C6 on their USB pins) read DTR and RTS
     * themselves: assert DTR (IO0), go through DTR+RTS to RTS alone (reset, with the download
     * request latched), then release both.
     */
    USB_SERIAL_JTAG,

    /** Leave the lines alone: the user holds BOOT and presses RESET (also what a pty needs). */
    NONE;

    /** The concrete sequence for this port. */
    public ResetSequence resolve(FlashPort port) {
        if (this != AUTO) {
            return this;
        }
        return port.isUsbSerialJtag() ? USB_SERIAL_JTAG : CLASSIC;
    }

    /**
     * Resets the board into the ROM loader.
     *
     * @param slow the 550 ms variant of the classic sequence
     * @return false when the port has no modem lines (a pty), so no reset happened
     */
    public boolean enterLoader(FlashPort port, boolean slow) throws InterruptedException {
        switch (resolve(port)) {
            case CLASSIC -> {
                if (!port.setDtr(false)) {            // IO0 high
                    return false;                     // no modem lines: nothing to wait for
                }
                port.setRts(true);                    // EN low: in reset
                Thread.sleep(100);
                port.setDtr(true);                    // IO0 low
                port.setRts(false);                   // EN released: the ROM starts and samples IO0
                Thread.sleep(slow ? 550 : 50);
                port.setDtr(false);                   // IO0 released
                return true;
            }
            case USB_SERIAL_JTAG -> {
                if (!port.setRts(false)) {
                    return false;
                }
                port.setDtr(false);                   // idle
                Thread.sleep(100);
                port.setDtr(true);                    // IO0
                port.setRts(false);
                Thread.sleep(100);
                port.setRts(true);                    // through DTR+RTS ...
                port.setDtr(false);                   // ... to RTS alone: reset with the download request latched
                port.setRts(true);                    // some drivers only send DTR with an RTS change
                Thread.sleep(100);
                port.setDtr(false);
                port.setRts(false);                   // out of reset, into the loader
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Resets the board so that it boots its firmware (EN pulsed low with IO0 high). */
    public void hardReset(FlashPort port) throws InterruptedException {
        if (resolve(port) == NONE) {
            return;
        }
        port.setDtr(false);
        port.setRts(true);
        Thread.sleep(resolve(port) == USB_SERIAL_JTAG ? 200 : 100);
        port.setRts(false);
    }
}
