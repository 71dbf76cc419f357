package io.eave.debug;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

import io.eave.compiler.debug.DebugInfo;

/**
 * Compiles a Toit program for {@code launch}: the compiler front end plugs in here (until it
 * does, the adapter is given one that fails with a clear message). Completes with the image and
 * its debug info, or fails with an exception whose message is what the user must fix (the first
 * compile error with file and line).
 */
public interface ProgramBuilder {

    CompletableFuture<Program> build(Path program);

    /** An image (docs/program-image.md) and its debug info (docs/debug-info.md). */
    record Program(byte[] image, DebugInfo debugInfo) {
        public Program {
            if (image.length < 32) {
                throw new IllegalArgumentException("a program image has at least a 32-byte header, this one " + image.length + " bytes");
            }
            image = image.clone();
        }

        @Override
        public byte[] image() {
            return image.clone();
        }

        /** The image id: bytes 16..31 of the image, in hex as the debug info writes it. */
        public String imageId() {
            return HexFormat.of().formatHex(image, 16, 32);
        }
    }

    /**
     * The Eave compiler: the front end and the compiler run on a worker thread; a program with
     * errors fails with the first error (file:line:column: message) and how many there are.
     */
    static ProgramBuilder compiler() {
        return program -> CompletableFuture.supplyAsync(() -> {
            io.eave.compiler.Compiler.Output output;
            try {
                output = io.eave.compiler.Build.compile(program);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (!output.ok()) {
                int more = output.errors().size() - 1;
                throw new IllegalStateException(output.errors().get(0) + (more > 0 ? " (and " + more + " more)" : ""));
            }
            return new Program(output.image(), output.debugInfo());
        });
    }

    /** A builder that cannot build (an IDE without the compiler bundle). */
    static ProgramBuilder unavailable() {
        return program -> CompletableFuture.failedFuture(new IllegalStateException(
                "cannot compile " + program + ": the Eave compiler front end is not available in this build yet"));
    }
}
