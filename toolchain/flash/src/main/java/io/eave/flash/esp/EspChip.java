package io.eave.flash.esp;

/**
 * The ESP chips the ROM flasher knows. Newer ROMs answer GET_SECURITY_INFO with a chip id; older
 * ones (ESP32, ESP32-S2) do not, and are told apart by the value of the chip-magic register.
 */
public enum EspChip {
    //        name        magic values                      chip id  FLASH_BEGIN words  bootloader at
    ESP32("ESP32", new long[] {0x00F01D83L}, -1, 4, 0x1000),
    ESP32_S2("ESP32-S2", new long[] {0x000007C6L}, -1, 5, 0x1000),
    ESP32_C3("ESP32-C3", new long[] {0x6921506FL, 0x1B31506FL, 0x4881606FL, 0x4361606FL}, 5, 5, 0x0),
    ESP32_S3("ESP32-S3", new long[] {0x00000009L}, 9, 5, 0x0),
    ESP32_C6("ESP32-C6", new long[] {0x2CE0806FL}, 13, 5, 0x0);

    /** The register whose value identifies the chip. */
    public static final long CHIP_MAGIC_REGISTER = 0x40001000L;
    /** The ESP8266's magic value: recognised only to refuse it clearly. */
    public static final long ESP8266_MAGIC = 0xFFF0C101L;

    public final String displayName;
    final long[] magics;
    public final int chipId;
    /** FLASH_BEGIN takes a fifth word (encrypted flag) on the newer ROMs. */
    public final int flashBeginWords;
    public final int bootloaderOffset;

    EspChip(String displayName, long[] magics, int chipId, int flashBeginWords, int bootloaderOffset) {
        this.displayName = displayName;
        this.magics = magics;
        this.chipId = chipId;
        this.flashBeginWords = flashBeginWords;
        this.bootloaderOffset = bootloaderOffset;
    }

    /** The chip with this magic register value, or null. */
    public static EspChip byMagic(long magic) {
        for (EspChip c : values()) {
            for (long m : c.magics) {
                if (m == magic) {
                    return c;
                }
            }
        }
        return null;
    }

    /** The chip with this GET_SECURITY_INFO chip id, or null. */
    public static EspChip byChipId(long id) {
        for (EspChip c : values()) {
            if (c.chipId >= 0 && c.chipId == id) {
                return c;
            }
        }
        return null;
    }

    /** The magic register value a chip of this kind answers (the first known one). */
    public long magic() {
        return magics[0];
    }

    /** The Eave board name, e.g. "esp32-c3". */
    public String boardName() {
        return displayName.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
