package io.eave.compiler.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ImageRoundTripTest {
    @Test
    void everyGoldenProgramDecodesToWhatWasEncoded() throws Exception {
        for (var program : GoldenPrograms.all().values()) {
            ProgramImage image = program.get().image();
            byte[] bytes = ImageWriter.write(image);
            ProgramImage back = ImageReader.read(bytes);
            assertEquals(image.constants(), back.constants());
            assertEquals(image.methods().size(), back.methods().size());
            for (int i = 0; i < image.methods().size(); i++) {
                assertArrayEquals(image.methods().get(i).code(), back.methods().get(i).code());
                assertEquals(image.methods().get(i).maxStack(), back.methods().get(i).maxStack());
            }
            assertEquals(image.classes().get(image.classes().size() - 1).dispatch(),
                    back.classes().get(back.classes().size() - 1).dispatch());
            assertArrayEquals(bytes, ImageWriter.write(back), "re-encoding gives the same bytes");
        }
    }

    @Test
    void headerHoldsSizeAndIdOfTheContent() throws Exception {
        byte[] bytes = ImageWriter.write(GoldenPrograms.hello().image());
        assertEquals(104, ImageFormat.HEADER_SIZE);
        assertEquals(bytes.length, (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8 | (bytes[10] & 0xFF) << 16);
        assertEquals(0, bytes.length % 4);
        byte[] other = ImageWriter.write(GoldenPrograms.loopSum().image());
        assertTrue(!ImageReader.id(bytes).equals(ImageReader.id(other)), "different programs, different ids");
        assertEquals(32, ImageReader.id(bytes).length());
    }

    @Test
    void assemblerComputesMaxStackAndRejectsUnbalancedJumps() {
        MethodAssembler m = new MethodAssembler();
        m.emit(Opcode.LOAD_SMI, 1);
        m.emit(Opcode.LOAD_SMI, 2);
        m.emit(Opcode.LOAD_SMI, 3);
        m.emit(Opcode.ADD, 0);
        m.emit(Opcode.ADD, 0);
        m.emit(Opcode.RETURN);
        assertEquals(3, m.finish(0, 0, 0).maxStack());

        MethodAssembler bad = new MethodAssembler();
        MethodAssembler.Label label = new MethodAssembler.Label();
        bad.emit(Opcode.LOAD_TRUE);
        bad.jump(Opcode.JUMP_IF_TRUE, label);
        bad.emit(Opcode.LOAD_SMI, 1);
        assertThrows(IllegalStateException.class, () -> bad.place(label));
    }

    @Test
    void randomCorruptionIsReportedNeverCrashes() {
        byte[] good = ImageWriter.write(GoldenPrograms.virtualCall().image());
        Random random = new Random(42);
        for (int i = 0; i < 5000; i++) {
            byte[] bytes = good.clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
            }
            try {
                ImageReader.read(bytes);
            } catch (ImageFormatException e) {
                assertTrue(e.getMessage().startsWith("invalid program image ("), e.getMessage());
            }
        }
    }
}
