package io.eave.compiler;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.eave.compiler.source.SourceLoader;

/**
 * Compiles a Toit program file end to end: the front end parses it, the files it imports and the
 * core library; the compiler turns them into an image and its debug info. What the CLI, the debug
 * adapter and the IDE call.
 */
public final class Build {
    private Build() {}

    /** Compiles {@code main}; the output holds either the image and debug info or the errors. */
    public static Compiler.Output compile(Path main) throws IOException {
        SourceLoader.Loaded loaded = SourceLoader.load(main.toAbsolutePath().normalize());
        return compile(loaded);
    }

    /** Compiles with the main file's text given (an unsaved editor buffer). */
    public static Compiler.Output compile(Path main, String text) throws IOException {
        return compile(SourceLoader.load(main.toAbsolutePath().normalize(), text));
    }

    private static Compiler.Output compile(SourceLoader.Loaded loaded) {
        if (!loaded.errors().isEmpty()) {
            return new Compiler.Output(null, null, new ArrayList<>(loaded.errors()));
        }
        return Compiler.compile(loaded.units(), loaded.main());
    }

    /** The errors as a compiler prints them, one per line: file:line:column: error: message [code]. */
    public static String describe(List<CompileError> errors) {
        StringBuilder s = new StringBuilder();
        for (CompileError e : errors) {
            s.append(e).append('\n');
        }
        return s.toString();
    }
}
