package io.eave.flash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The device configuration blob the firmware reads: layout, round trip, damage detection. */
class DeviceConfigTest {

    private static final byte[] SECRET = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    @Test
    void encodesTheDocumentedLayout() {
        byte[] blob = new DeviceConfig("lab-1", SECRET).encode();
        assertEquals(128, blob.length);
        assertEquals("EAVC", new String(blob, 0, 4));
        assertEquals(1, blob[4]);
        assertEquals(0, blob[5]);
        assertEquals(128, blob[6] & 0xFF);
        assertEquals("lab-1", new String(blob, 8, 5));
        assertEquals(0, blob[8 + 5], "the name is NUL-padded");
        assertArrayEquals(SECRET, java.util.Arrays.copyOfRange(blob, 0x48, 0x68));
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(blob, 0, 0x7C);
        assertEquals((int) crc.getValue(), java.nio.ByteBuffer.wrap(blob, 0x7C, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt());
    }

    @Test
    void roundTrips() {
        DeviceConfig config = DeviceConfig.withRandomSecret("kitchen.sensor_2");
        assertEquals(config, DeviceConfig.decode(config.encode()));
        assertNotEquals(config.secretHex(), DeviceConfig.withRandomSecret("kitchen.sensor_2").secretHex());
    }

    @Test
    void aDamagedBlobIsRefusedWithAReason() {
        byte[] blob = new DeviceConfig("lab", SECRET).encode();
        blob[0x50] ^= 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceConfig.decode(blob));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DeviceConfig.decode(new byte[128])).getMessage().contains("magic"));
    }

    @Test
    void invalidNamesSayWhatIsAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceConfig.withRandomSecret("my board"));
        assertEquals("invalid device name 'my board': use 1 to 63 letters, digits, '.', '_' or '-'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeviceConfig.withRandomSecret("x".repeat(64)));
    }

    @Test
    void toStringNeverShowsTheSecret() {
        assertEquals("DeviceConfig[lab]", new DeviceConfig("lab", SECRET).toString());
    }
}
