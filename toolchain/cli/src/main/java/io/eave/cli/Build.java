package io.eave.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** Compiles Toit source through the front end and the compiler. */
final class Build {
    private Build() {}

    static Program compile(Path file, PrintStream err) throws IOException {
        throw new IOException("compiling " + file + " needs the Toit front end, which this build does not include yet;"
                + " run a compiled image instead");
    }
}
