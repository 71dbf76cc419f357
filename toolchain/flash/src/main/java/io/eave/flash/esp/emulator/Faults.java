package io.eave.flash.esp.emulator;

/**
 * Misbehaviours the {@link RomLoaderEmulator} can be told to show, so that tests see the
 * flasher's answer to each. Data-packet numbers count every FLASH_DATA and FLASH_DEFL_DATA
 * packet the emulator receives, from 0, across write sessions. -1 turns a fault off.
 *
 * @param silent            never answer anything (wrong port, unpowered board)
 * @param firmwareOnly      every reset boots the firmware ("boot:0x13 (SPI_FAST_FLASH_BOOT)"), as when IO0 is not wired or BOOT is not held
 * @param garbleFromPacket  from this data packet on, change one received data byte so the checksum fails (error 0x07) ...
 * @param garbleCount       ... for this many packets (a resend counts too)
 * @param writeErrorAtPacket answer this data packet with "flash write error" (0x08)
 * @param silentFromPacket  from this data packet on, read but never answer (the loader hung)
 * @param closeAtPacket     close the line when this data packet arrives (cable pulled, board reset)
 * @param corruptFlash      flip one byte of each written region before SPI_FLASH_MD5, so verification fails
 */
public record Faults(boolean silent, boolean firmwareOnly, int garbleFromPacket, int garbleCount, int writeErrorAtPacket,
        int silentFromPacket, int closeAtPacket, boolean corruptFlash) {

    public static final Faults NONE = new Faults(false, false, -1, 0, -1, -1, -1, false);

    public static Faults silentLoader() {
        return new Faults(true, false, -1, 0, -1, -1, -1, false);
    }

    public static Faults bootsFirmwareOnly() {
        return new Faults(false, true, -1, 0, -1, -1, -1, false);
    }

    public static Faults garble(int fromPacket, int count) {
        return new Faults(false, false, fromPacket, count, -1, -1, -1, false);
    }

    public static Faults writeErrorAt(int packet) {
        return new Faults(false, false, -1, 0, packet, -1, -1, false);
    }

    public static Faults hangAt(int packet) {
        return new Faults(false, false, -1, 0, -1, packet, -1, false);
    }

    public static Faults closeAt(int packet) {
        return new Faults(false, false, -1, 0, -1, -1, packet, false);
    }

    public static Faults corrupt() {
        return new Faults(false, false, -1, 0, -1, -1, -1, true);
    }
}
