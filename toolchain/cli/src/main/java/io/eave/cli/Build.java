package io.eave.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

import io.eave.compiler.CompileError;
import io.eave.compiler.Compiler;

/** Compiles Toit source for the CLI commands, printing the errors when there are any. */
final class Build {
    private Build() {}

    /** The compiled program, or null after printing its errors on {@code err}. */
    static Program compile(Path file, PrintStream err) throws IOException {
        Compiler.Output output = io.eave.compiler.Build.compile(file);
        if (!output.ok()) {
            for (CompileError e : output.errors()) {
                err.println(e);
            }
            err.println(output.errors().size() + (output.errors().size() == 1 ? " error" : " errors") + " in " + file);
            return null;
        }
        return new Program(output.image(), output.debugInfo());
    }
}
