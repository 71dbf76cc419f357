package io.eave.flash.esp;

/** The ESP serial loader's commands that Eave uses (and the emulator answers). */
public enum Command {
    FLASH_BEGIN(0x02),
    FLASH_DATA(0x03),
    FLASH_END(0x04),
    MEM_BEGIN(0x05),
    MEM_END(0x06),
    MEM_DATA(0x07),
    SYNC(0x08),
    WRITE_REG(0x09),
    READ_REG(0x0A),
    SPI_SET_PARAMS(0x0B),
    SPI_ATTACH(0x0D),
    CHANGE_BAUDRATE(0x0F),
    FLASH_DEFL_BEGIN(0x10),
    FLASH_DEFL_DATA(0x11),
    FLASH_DEFL_END(0x12),
    SPI_FLASH_MD5(0x13),
    GET_SECURITY_INFO(0x14);

    public final int code;

    Command(int code) {
        this.code = code;
    }

    /** The command with this code, or null. */
    public static Command of(int code) {
        for (Command c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }

    /** Data commands carry a checksum of their payload; all others send 0 there. */
    public boolean carriesChecksum() {
        return this == FLASH_DATA || this == FLASH_DEFL_DATA || this == MEM_DATA;
    }
}
