package io.eave.flash.esp;

/** The loaders' error codes (the byte after a non-zero status), as sentences. */
public final class LoaderErrors {

    public static final int INVALID_MESSAGE = 0x05;
    public static final int FAILED_TO_ACT = 0x06;
    public static final int BAD_CRC = 0x07;
    public static final int FLASH_WRITE_ERROR = 0x08;
    public static final int FLASH_READ_ERROR = 0x09;
    public static final int FLASH_READ_LENGTH_ERROR = 0x0A;
    public static final int DEFLATE_ERROR = 0x0B;

    private LoaderErrors() {
    }

    public static String describe(int code) {
        return switch (code) {
            case INVALID_MESSAGE -> "the loader rejected the message as invalid (unsupported command or bad parameters)";
            case FAILED_TO_ACT -> "the loader failed to act on the message";
            case BAD_CRC -> "the data checksum did not match (bytes were lost or changed on the line)";
            case FLASH_WRITE_ERROR -> "flash write error (the flash chip did not accept the write: bad or protected flash, or a brown-out)";
            case FLASH_READ_ERROR -> "flash read error";
            case FLASH_READ_LENGTH_ERROR -> "flash read length error";
            case DEFLATE_ERROR -> "the compressed data could not be inflated";
            case 0xC0 -> "bad data length";
            case 0xC1 -> "bad data checksum";
            case 0xC2 -> "bad block size";
            case 0xC3 -> "invalid command";
            case 0xC4 -> "SPI operation failed";
            case 0xC5 -> "SPI unlock failed";
            case 0xC6 -> "not in flash mode";
            case 0xC7 -> "inflate error";
            case 0xC8 -> "not enough data";
            case 0xC9 -> "too much data";
            case 0xFF -> "command not implemented";
            default -> String.format("error 0x%02X", code);
        };
    }
}
