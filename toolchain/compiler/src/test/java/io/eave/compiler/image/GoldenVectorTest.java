package io.eave.compiler.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hand-assembled programs must encode to exactly the checked-in vectors that the VM's tests
 * run. With -Deave.vectors.update=true the vectors are rewritten instead (review the diff).
 */
class GoldenVectorTest {
    static final Path VECTORS = Path.of(System.getProperty("eave.root", "../..")).resolve("docs/vectors/image");
    static final boolean UPDATE = Boolean.getBoolean("eave.vectors.update");

    @TestFactory
    Stream<DynamicTest> imagesMatchTheVectors() {
        return GoldenPrograms.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            check(e.getKey(), e.getValue());
        }));
    }

    private static void check(String name, Supplier<GoldenPrograms.Golden> program) throws Exception {
        GoldenPrograms.Golden golden = program.get();
        byte[] bytes = ImageWriter.write(golden.image());
        assertArrayEquals(bytes, ImageWriter.write(program.get().image()), "encoding is deterministic");
        String listing = Disassembler.listing(ImageReader.read(bytes), Disassembler.Names.NONE);
        Path bin = VECTORS.resolve(name + ".bin");
        if (UPDATE) {
            Files.createDirectories(VECTORS);
            Files.write(bin, bytes);
            Files.writeString(VECTORS.resolve(name + ".expect"), golden.expect());
            Files.writeString(VECTORS.resolve(name + ".txt"), listing);
            return;
        }
        assertTrue(Files.exists(bin), bin + " is missing: run with -Deave.vectors.update=true");
        byte[] expected = Files.readAllBytes(bin);
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(bytes), name + ".bin");
        assertEquals(Files.readString(VECTORS.resolve(name + ".expect")), golden.expect());
    }

    @TestFactory
    Stream<DynamicTest> badVectorsAreRefused() throws IOException {
        Path bad = VECTORS.resolve("bad");
        if (UPDATE) {
            writeBadVectors(bad);
        }
        List<Path> bins;
        try (Stream<Path> files = Files.list(bad)) {
            bins = files.filter(p -> p.toString().endsWith(".bin")).sorted().toList();
        }
        assertTrue(bins.size() >= 4, "bad vectors present");
        return bins.stream().map(bin -> DynamicTest.dynamicTest(bin.getFileName().toString(), () -> {
            String fragment = Files.readString(Path.of(bin.toString().replace(".bin", ".error"))).strip();
            ImageFormatException e = org.junit.jupiter.api.Assertions.assertThrows(ImageFormatException.class,
                    () -> ImageReader.read(Files.readAllBytes(bin)));
            assertTrue(e.getMessage().contains(fragment), e.getMessage() + " should mention " + fragment);
        }));
    }

    /** Corruptions of the hello image that a loader must refuse, each with what its error says. */
    private static void writeBadVectors(Path bad) throws IOException {
        Files.createDirectories(bad);
        byte[] hello = ImageWriter.write(GoldenPrograms.hello().image());
        byte[] truncated = java.util.Arrays.copyOf(hello, hello.length - 8);
        write(bad, "truncated", truncated, "truncated");
        byte[] flipped = hello.clone();
        flipped[flipped.length - 6] ^= 0x10;
        write(bad, "crc-mismatch", flipped, "CRC-32 mismatch");
        byte[] magic = hello.clone();
        magic[0] = 'X';
        write(bad, "bad-magic", magic, "magic");
        byte[] version = hello.clone();
        version[4] = 9;
        write(bad, "future-version", version, "format version 9");
        write(bad, "empty", new byte[0], "less than");
    }

    private static void write(Path dir, String name, byte[] bytes, String error) throws IOException {
        Files.write(dir.resolve(name + ".bin"), bytes);
        Files.writeString(dir.resolve(name + ".error"), error + "\n");
    }
}
