package io.eave.flash.esp;

import java.util.Optional;

/**
 * How {@link EspRomFlasher} talks to the ROM loader. The defaults are those of a real board;
 * tests shorten the timeouts.
 *
 * @param baud              the baud rate to write at after connecting at 115200 (CHANGE_BAUDRATE); 115200 keeps it
 * @param compress          write zlib-deflated blocks (FLASH_DEFL_*), usually 2-3 times faster on a real link
 * @param reset             how to reset the board into the loader
 * @param connectAttempts   resets (each followed by several SYNCs) before giving up
 * @param syncsPerAttempt   SYNC packets per attempt
 * @param syncTimeoutMillis wait for an answer to one SYNC
 * @param commandTimeoutMillis wait for the answer to an ordinary command
 * @param eraseMillisPerMiB extra wait per MiB for FLASH_BEGIN, which erases before it answers
 * @param md5MillisPerMiB   extra wait per MiB for SPI_FLASH_MD5
 * @param blockSize         bytes per FLASH_DATA block (0x400 for the ROM loader)
 * @param flashSize         the flash chip's size; the device configuration goes in its last 4 KiB sector
 * @param expectedChip      refuse any other chip (the board the user picked)
 * @param retriesPerBlock   resends of a block the loader rejected with a checksum error
 */
public record EspSettings(int baud, boolean compress, ResetSequence reset, int connectAttempts, int syncsPerAttempt,
        long syncTimeoutMillis, long commandTimeoutMillis, long eraseMillisPerMiB, long md5MillisPerMiB, int blockSize,
        long flashSize, Optional<EspChip> expectedChip, int retriesPerBlock) {

    public static final int ROM_BAUD = 115_200;
    public static final int ROM_BLOCK_SIZE = 0x400;
    public static final long SECTOR = 0x1000;

    public static EspSettings defaults() {
        return new EspSettings(921_600, true, ResetSequence.AUTO, 7, 5, 100, 3_000, 30_000, 8_000, ROM_BLOCK_SIZE,
                4L << 20, Optional.empty(), 3);
    }

    public EspSettings withBaud(int b) {
        return new EspSettings(b, compress, reset, connectAttempts, syncsPerAttempt, syncTimeoutMillis, commandTimeoutMillis,
                eraseMillisPerMiB, md5MillisPerMiB, blockSize, flashSize, expectedChip, retriesPerBlock);
    }

    public EspSettings withCompress(boolean c) {
        return new EspSettings(baud, c, reset, connectAttempts, syncsPerAttempt, syncTimeoutMillis, commandTimeoutMillis,
                eraseMillisPerMiB, md5MillisPerMiB, blockSize, flashSize, expectedChip, retriesPerBlock);
    }

    public EspSettings withReset(ResetSequence r) {
        return new EspSettings(baud, compress, r, connectAttempts, syncsPerAttempt, syncTimeoutMillis, commandTimeoutMillis,
                eraseMillisPerMiB, md5MillisPerMiB, blockSize, flashSize, expectedChip, retriesPerBlock);
    }

    public EspSettings withConnectAttempts(int attempts, long syncTimeout) {
        return new EspSettings(baud, compress, reset, attempts, syncsPerAttempt, syncTimeout, commandTimeoutMillis,
                eraseMillisPerMiB, md5MillisPerMiB, blockSize, flashSize, expectedChip, retriesPerBlock);
    }

    public EspSettings withCommandTimeout(long millis) {
        return new EspSettings(baud, compress, reset, connectAttempts, syncsPerAttempt, syncTimeoutMillis, millis,
                Math.min(eraseMillisPerMiB, millis), Math.min(md5MillisPerMiB, millis), blockSize, flashSize, expectedChip,
                retriesPerBlock);
    }

    public EspSettings withFlashSize(long size) {
        return new EspSettings(baud, compress, reset, connectAttempts, syncsPerAttempt, syncTimeoutMillis, commandTimeoutMillis,
                eraseMillisPerMiB, md5MillisPerMiB, blockSize, size, expectedChip, retriesPerBlock);
    }

    public EspSettings expecting(EspChip chip) {
        return new EspSettings(baud, compress, reset, connectAttempts, syncsPerAttempt, syncTimeoutMillis, commandTimeoutMillis,
                eraseMillisPerMiB, md5MillisPerMiB, blockSize, flashSize, Optional.ofNullable(chip), retriesPerBlock);
    }

    /** Where the device configuration goes: the last 4 KiB sector of the flash. */
    public long deviceConfigOffset() {
        return flashSize - SECTOR;
    }
}
