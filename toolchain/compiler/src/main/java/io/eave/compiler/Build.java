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

    private static io.eave.toit.ToitFrontEnd frontEnd;

    private static synchronized io.eave.toit.ToitFrontEnd frontEnd() {
        if (frontEnd == null) {
            frontEnd = io.eave.toit.ToitFrontEnd.create();
        }
        return frontEnd;
    }

    /**
     * Compiles {@code main}; the output holds either the image and debug info or the errors. The
     * front end checks the program first (syntax, names, arguments, ...: what `eave analyze` and
     * the editor report); only a program without errors reaches the code generator.
     */
    public static Compiler.Output compile(Path main) throws IOException {
        Path file = main.toAbsolutePath().normalize();
        List<CompileError> checked = check(file);
        if (!checked.isEmpty()) {
            return new Compiler.Output(null, null, checked);
        }
        return compile(SourceLoader.load(file));
    }

    /** The front end's errors for a program on disk (and the files it imports). */
    public static List<CompileError> check(Path main) throws IOException {
        List<CompileError> errors = new ArrayList<>();
        for (io.eave.toit.ToitFrontEnd.Diagnostic d : frontEnd().analyze(main).errors()) {
            String code = d.code() == null ? "error" : d.code().substring(d.code().lastIndexOf('.') + 1);
            errors.add(new CompileError(d.file(), d.line(), d.column(), d.length(), code, d.message()));
        }
        return errors;
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
