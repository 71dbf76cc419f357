package io.eave.ui.tests.firmware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.eave.firmware.FirmwareImage;
import io.eave.firmware.FirmwareImages;

/** The firmware bundle as installed: both QEMU board images, intact, with their manifest. */
public class FirmwareImagesTest {

    private static final byte[] ELF_MAGIC = { 0x7f, 'E', 'L', 'F' };

    @Test
    void bothBoardImagesAreBundledWithVersionAndVerifiedChecksum() throws Exception {
        List<FirmwareImage> images = FirmwareImages.bundled();
        assertEquals(List.of("qemu-arm", "qemu-riscv"), images.stream().map(FirmwareImage::board).toList());
        for (FirmwareImage image : images) {
            assertEquals("0.1.0", image.version());
            byte[] bytes = FirmwareImages.read(image);
            assertEquals(image.size(), bytes.length);
            assertArrayEquals(ELF_MAGIC, Arrays.copyOf(bytes, 4), image.file() + " is an ELF image");
        }
        assertTrue(FirmwareImages.forBoard("esp32").isEmpty(), "no image for a board without a port");
    }

    @Test
    void aDamagedImageIsRefusedWithAClearMessage() throws Exception {
        FirmwareImage real = FirmwareImages.forBoard("qemu-arm").orElseThrow();
        FirmwareImage tampered = new FirmwareImage(real.board(), real.version(), real.file(),
                "0".repeat(64), real.size());
        IOException error = assertThrows(IOException.class, () -> FirmwareImages.read(tampered));
        assertTrue(error.getMessage().contains("is damaged") && error.getMessage().contains("Reinstall Eave"),
                error.getMessage());
    }
}
