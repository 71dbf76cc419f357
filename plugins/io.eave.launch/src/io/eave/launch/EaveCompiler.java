package io.eave.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.eave.compiler.Build;
import io.eave.compiler.CompileError;
import io.eave.compiler.Compiler;
import io.eave.debug.ProgramBuilder;

/**
 * The Eave compiler (front end and code generator, {@link Build#compile(Path)}) as the IDE's
 * {@link ProgramBuilder}, registered as an OSGi service by OSGI-INF/io.eave.launch.compiler.xml.
 * Compiles on one thread of its own, one program at a time (the front end shares its parsed core
 * library between compiles). A program with errors fails with all of them, one per line as
 * {@code FILE:LINE:COLUMN: error: MESSAGE}, which the launch shows in its failure dialog.
 */
public final class EaveCompiler implements ProgramBuilder {
    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "eave-compiler");
        t.setDaemon(true);
        return t;
    });

    @Override
    public CompletableFuture<Program> build(Path program) {
        return CompletableFuture.supplyAsync(() -> {
            Compiler.Output output;
            try {
                output = Build.compile(program);
            } catch (IOException e) {
                throw new CompletionException(new IOException("Cannot compile " + program.getFileName() + ": " + e.getMessage(), e));
            } catch (LinkageError e) {
                throw new CompletionException(new IOException("Cannot compile " + program.getFileName()
                        + ": the Toit front end is missing from this installation (" + e + ")", e));
            }
            if (!output.ok()) {
                throw new CompletionException(new IOException(describe(program, output.errors())));
            }
            return new Program(output.image(), output.debugInfo());
        }, THREAD);
    }

    /** What the user reads: how many errors, then each as FILE:LINE:COLUMN: error: MESSAGE. */
    public static String describe(Path program, List<CompileError> errors) {
        StringBuilder s = new StringBuilder();
        s.append(program.getFileName()).append(errors.size() == 1 ? " has a compile error:" : " has " + errors.size() + " compile errors:");
        for (CompileError e : errors) {
            s.append('\n').append(e);
        }
        return s.toString();
    }
}
