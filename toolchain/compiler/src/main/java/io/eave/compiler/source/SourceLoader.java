package io.eave.compiler.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.nodemodel.INode;

import io.eave.compiler.CompileError;
import io.eave.compiler.model.SourceUnit;
import io.eave.toit.ToitStandaloneSetup;
import io.eave.toit.ast.Import;
import io.eave.toit.ast.Unit;

/**
 * Parses a program for the compiler with the front end: the main file, the files it imports
 * (relative imports `import .x` and `import ..x.y`, from the file's folder), and the core library.
 * Syntax errors come back as {@link CompileError}s.
 */
public final class SourceLoader {
    private final XtextResourceSet resources = ToitStandaloneSetup.injector().getInstance(XtextResourceSet.class);
    private final Map<Path, SourceUnit> units = new LinkedHashMap<>();
    private final List<CompileError> errors = new ArrayList<>();
    private int nextFile;

    public record Loaded(List<SourceUnit> units, SourceUnit main, List<CompileError> errors) {}

    public static Loaded load(Path main) throws IOException {
        return load(main, Files.readString(main, StandardCharsets.UTF_8));
    }

    /** Loads with the main file's text given (an editor's unsaved buffer). */
    public static Loaded load(Path main, String text) throws IOException {
        SourceLoader loader = new SourceLoader();
        SourceUnit unit = loader.parse(main.toAbsolutePath().normalize(), text, false);
        loader.imports(unit);
        loader.core();
        return new Loaded(new ArrayList<>(loader.units.values()), unit, loader.errors);
    }

    private SourceUnit parse(Path path, String text, boolean core) throws IOException {
        XtextResource resource = (XtextResource) resources.createResource(URI.createFileURI(path.toString()));
        if (resource == null) {
            throw new IOException("the Toit front end is not registered");
        }
        resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), resources.getLoadOptions());
        for (Resource.Diagnostic d : resource.getErrors()) {
            errors.add(new CompileError(path.toString(), d.getLine(), Math.max(1, d.getColumn()), 1, "syntax", d.getMessage()));
        }
        Unit ast = resource.getContents().isEmpty() ? null : (Unit) resource.getContents().get(0);
        if (ast == null) {
            throw new IOException(path + ": the front end produced no tree");
        }
        SourceUnit unit = new SourceUnit(path, text, ast, core, nextFile++);
        units.put(path, unit);
        return unit;
    }

    private void imports(SourceUnit unit) throws IOException {
        for (Import i : unit.ast().getImports()) {
            if (i.getRelative() == null) {
                continue;   // a package or core library module: the core library is always loaded
            }
            Path dir = unit.path().getParent();
            for (int up = 1; up < i.getRelative().length(); up++) {
                dir = dir.getParent();
            }
            Path file = dir.resolve(String.join("/", i.getPath()) + ".toit").normalize();
            if (units.containsKey(file)) {
                continue;
            }
            if (!Files.exists(file)) {
                errors.add(new CompileError(unit.path().toString(), io.eave.compiler.model.Nodes.line(i), 1, 0, "import",
                        "cannot find " + file + " for this import"));
                continue;
            }
            imports(parse(file, Files.readString(file, StandardCharsets.UTF_8), false));
        }
    }

    private void core() throws IOException {
        for (String name : resource("toit/core/files.txt").lines().map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            parse(Path.of("<core>", name), resource("toit/core/" + name), true);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SourceLoader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the core library resource " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String text(INode node) {
        return node == null ? "" : node.getText();
    }
}
