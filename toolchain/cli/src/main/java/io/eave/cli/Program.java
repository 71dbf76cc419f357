package io.eave.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.eave.compiler.debug.DebugInfo;

/** A program to install: image bytes and, when known, the debug info that maps it to source. */
record Program(byte[] image, DebugInfo debugInfo) {
    /** The debug info of an image lies beside it: IMAGE.debug.json. */
    static Path debugInfoPath(Path image) {
        return image.resolveSibling(image.getFileName() + ".debug.json");
    }

    /** Loads a compiled image; a .toit file is compiled first. Null after printing compile errors. */
    static Program load(Path file, PrintStream err) throws IOException {
        if (file.toString().endsWith(".toit")) {
            return Build.compile(file, err);
        }
        byte[] image = Files.readAllBytes(file);
        Path debug = debugInfoPath(file);
        return new Program(image, Files.exists(debug) ? DebugInfo.read(debug) : null);
    }

    /** A container name from a file name: hello.toit → hello. */
    static String containerName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
