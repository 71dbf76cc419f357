package io.eave.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import io.eave.compiler.debug.DebugInfo;
import io.eave.debug.ProgramBuilder;

/**
 * The {@link ProgramBuilder} used while no compiler is plugged in: takes the image that
 * {@code ./eave compile} wrote beside the source ({@code main.toit} → {@code main.img}, with its
 * debug info in {@code main.img.debug.json}). A main file that is an image already is taken as is.
 */
public final class PrebuiltImages implements ProgramBuilder {

    /** The image {@code ./eave compile SOURCE} writes: main.toit → main.img. */
    public static Path imageFor(Path source) {
        String name = source.getFileName().toString();
        if (!name.endsWith(".toit")) {
            return source;
        }
        return source.resolveSibling(name.substring(0, name.length() - ".toit".length()) + ".img");
    }

    /** The debug info beside an image: IMAGE.debug.json. */
    public static Path debugInfoFor(Path image) {
        return image.resolveSibling(image.getFileName() + ".debug.json");
    }

    @Override
    public CompletableFuture<Program> build(Path program) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return load(program);
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    static Program load(Path source) throws IOException {
        Path image = imageFor(source);
        if (!Files.isRegularFile(image)) {
            throw new IOException("No compiled program for " + source.getFileName() + ": the Eave compiler is not part of this IDE yet,"
                    + " so Run needs the image beside the source. Compile it with './eave compile " + source.getFileName()
                    + "' (it writes " + image.getFileName() + " next to it) and run again.");
        }
        byte[] bytes = Files.readAllBytes(image);
        Path debug = debugInfoFor(image);
        DebugInfo info = Files.isRegularFile(debug) ? DebugInfo.read(debug) : null;
        try {
            return new Program(bytes, info);
        } catch (IllegalArgumentException e) {
            throw new IOException(image.getFileName() + " is not a program image: " + e.getMessage(), e);
        }
    }
}
