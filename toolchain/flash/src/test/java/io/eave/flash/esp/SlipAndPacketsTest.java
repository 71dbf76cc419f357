package io.eave.flash.esp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** SLIP framing, packet layout and checksum as the facts describe them. */
class SlipAndPacketsTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void escapesEndAndEscapeBytes() {
        assertEquals("c001dbdc02dbdd03c0", HEX.formatHex(Slip.encode(HEX.parseHex("01c002db03"))));
    }

    @Test
    void decodesPacketsAndKeepsBootLogApart() {
        Slip.Decoder d = new Slip.Decoder();
        byte[] stream = HEX.parseHex("626f6f743a3078330a" + "c001dbdc02dbdd03c0" + "c0c0");
        byte[] got = null;
        for (byte b : stream) {
            byte[] p = d.feed(b);
            if (p != null) {
                got = p;
            }
        }
        assertArrayEquals(HEX.parseHex("01c002db03"), got);
        assertEquals("boot:0x3\n", d.takeNoise());
    }

    @Test
    void requestLayoutAndChecksum() {
        byte[] data = {1, 2, 3};
        assertEquals(0xEF ^ 1 ^ 2 ^ 3, Packets.checksum(data, 0, 3));
        assertEquals("000a0300efbeadde010203", HEX.formatHex(Packets.request(0x0A, data, 0xDEADBEEF)));
        Packets.Packet p = Packets.Packet.parse(Packets.response(0x0A, 0x00F01D83, new byte[] {0, 0, 0, 0}));
        assertEquals(0x0A, p.command());
        assertEquals(0x00F01D83, p.value());
        assertNull(Packets.Packet.parse(HEX.parseHex("010a0500000000000000")), "a length that disagrees is no packet");
    }

    @Test
    void readsTheBootModeFromTheBootLog() {
        assertEquals("0x13 (SPI_FAST_FLASH_BOOT)", EspLoader.wrongBootMode("rst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\n"));
        assertNull(EspLoader.wrongBootMode("rst:0x1 (POWERON_RESET),boot:0x3 (DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2))"));
        assertNull(EspLoader.wrongBootMode("garbage"));
    }

    @Test
    void chipsByMagicAndId() {
        assertEquals(EspChip.ESP32, EspChip.byMagic(0x00F01D83L));
        assertEquals(EspChip.ESP32_C3, EspChip.byMagic(0x1B31506FL));
        assertEquals(EspChip.ESP32_S3, EspChip.byChipId(9));
        assertNull(EspChip.byMagic(EspChip.ESP8266_MAGIC));
    }
}
