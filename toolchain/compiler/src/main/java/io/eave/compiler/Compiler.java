package io.eave.compiler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.eave.compiler.debug.DebugInfo;
import io.eave.compiler.image.ImageReader;
import io.eave.compiler.image.ImageWriter;
import io.eave.compiler.image.ProgramImage;
import io.eave.compiler.model.MethodModel;
import io.eave.compiler.model.ProgramModel;
import io.eave.compiler.model.SourceUnit;

/**
 * Compiles a parsed, error-free Toit program (its files and the core library, from the front end)
 * into a program image and its debug info. A program with errors gets the errors and no image.
 */
public final class Compiler {
    private Compiler() {}

    /** The outcome: an image and its debug info, or the errors that prevented them. */
    public record Output(byte[] image, DebugInfo debugInfo, List<CompileError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * @param units the program's files and the core library's, as parsed by the front end
     * @param main the file whose {@code main} runs
     */
    public static Output compile(List<SourceUnit> units, SourceUnit main) {
        ProgramModel program = new ProgramModel(units);
        List<CompileError> errors = new ArrayList<>(program.errors);
        MethodModel entry = null;
        for (MethodModel m : program.functions.getOrDefault("main", List.of())) {
            if (m.unit == main) {
                entry = m;
            }
        }
        if (entry == null) {
            errors.add(new CompileError(main.path().toString(), 1, 1, 0, "no-main",
                    "no 'main' function: add 'main:' with the code to run"));
            return new Output(null, null, errors);
        }
        if (!entry.parameters.isEmpty()) {
            errors.add(new CompileError(main.path().toString(), io.eave.compiler.model.Nodes.line(entry.ast), 1, 0,
                    "main-arguments", "'main' must take no arguments here (program arguments are not supported yet)"));
            return new Output(null, null, errors);
        }
        Map<String, Integer> files = new HashMap<>();
        List<DebugInfo.SourceFile> sourceFiles = new ArrayList<>();
        for (SourceUnit unit : units) {
            files.put(unit.path().toString(), unit.fileIndex());
        }
        units.stream().sorted((a, b) -> Integer.compare(a.fileIndex(), b.fileIndex()))
                .forEach(u -> sourceFiles.add(new DebugInfo.SourceFile(u.path().toString(), sha256(u.text()))));
        Linker linker = new Linker(program);
        DebugInfo[] debug = new DebugInfo[1];
        ProgramImage image;
        try {
            image = linker.link(entry, files, sourceFiles, debug);
        } catch (IllegalStateException | IllegalArgumentException e) {
            errors.addAll(linker.errors);
            errors.add(new CompileError(main.path().toString(), 1, 1, 0, "internal",
                    "the compiler could not generate code: " + e.getMessage()));
            return new Output(null, null, errors);
        }
        errors.addAll(linker.errors);
        if (!errors.isEmpty()) {
            return new Output(null, null, errors);
        }
        byte[] bytes = ImageWriter.write(image);
        DebugInfo d = debug[0];
        DebugInfo info = new DebugInfo(d.format(), ImageReader.id(bytes), d.files(), d.classes(), d.globals(), d.selectors(),
                d.methods());
        return new Output(bytes, info, errors);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
