package io.eave.toit;

import com.google.inject.Injector;
import io.eave.toit.ast.Unit;
import io.eave.toit.scoping.Modules;
import io.eave.toit.validation.ToitIssueCodes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

/**
 * The front end for other modules (the compiler, the command line), without Eclipse: give it
 * the files of a program (path and text), get back their parsed and linked trees and every
 * diagnostic. Imports between the given files resolve by path; other absolute imports are
 * searched in the source roots, then the importing file's folders, then the library (core is
 * always imported). Thread-safe: each call works on its own resource set.
 */
public final class ToitFrontEnd {

    /** One source file: its path (relative paths are fine) and its text. */
    public record SourceFile(String path, String text) {
    }

    public enum Severity { ERROR, WARNING, INFO }

    /** A problem in a file; line and column are 1-based, offset and length count characters. */
    public record Diagnostic(Severity severity, String code, String file, int line, int column, int offset, int length,
            String message) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase() + ": " + message + " [" + code + "]";
        }
    }

    /**
     * The linked trees by path — the files given, in order, then the files they import that were
     * read from disk — and all their diagnostics, sorted by file and position.
     */
    public record Result(ResourceSet resourceSet, Map<String, Unit> units, List<Diagnostic> diagnostics) {
        public Unit unit(String path) {
            return units.get(path);
        }

        public List<Diagnostic> diagnostics(String path) {
            return diagnostics.stream().filter(d -> d.file().equals(path)).toList();
        }

        public List<Diagnostic> errors() {
            return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
        }

        public boolean hasErrors() {
            return !errors().isEmpty();
        }
    }

    private final Injector injector;

    private ToitFrontEnd(Injector injector) {
        this.injector = injector;
    }

    public static ToitFrontEnd create() {
        return new ToitFrontEnd(ToitStandaloneSetup.injector());
    }

    public Injector injector() {
        return injector;
    }

    public Result analyze(List<SourceFile> files) {
        return analyze(files, List.of());
    }

    /** A program on disk: its main file, and (read while linking) every file it imports. */
    public Result analyze(Path main) throws IOException {
        Path file = main.toAbsolutePath().normalize();
        return analyze(List.of(new SourceFile(file.toString(), java.nio.file.Files.readString(file))), List.of());
    }

    /** Parses, links and validates {@code files}; {@code roots} are extra folders for absolute imports. */
    public Result analyze(List<SourceFile> files, List<Path> roots) {
        return analyze(files, roots, CancelIndicator.NullImpl);
    }

    /**
     * As above; {@code cancel} is asked between files and while validating (a language server
     * drops a request its client cancelled): once cancelled, this throws
     * {@link java.util.concurrent.CancellationException}.
     */
    public Result analyze(List<SourceFile> files, List<Path> roots, CancelIndicator cancel) {
        XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
        List<URI> rootUris = roots.stream().map(p -> URI.createFileURI(p.toAbsolutePath().toString()).appendSegment("")
                .trimSegments(1)).toList();
        Modules.setRoots(set, rootUris);
        Map<String, XtextResource> resources = new LinkedHashMap<>();
        for (SourceFile file : files) {
            resources.put(file.path(), (XtextResource) set.createResource(URI.createFileURI(file.path())));
        }
        for (SourceFile file : files) {
            stopIf(cancel);
            try {
                resources.get(file.path()).load(new ByteArrayInputStream(file.text().getBytes(StandardCharsets.UTF_8)), Map.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        IResourceValidator validator = injector.getInstance(IResourceValidator.class);
        Map<String, Unit> units = new LinkedHashMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (var entry : resources.entrySet()) {
            Resource resource = entry.getValue();
            units.put(entry.getKey(), (Unit) resource.getContents().get(0));
            stopIf(cancel);
            for (Issue issue : validate(validator, resource, cancel)) {
                diagnostics.add(convert(entry.getKey(), issue));
            }
        }
        // files the given ones import, read from disk while linking: checked too (they may import more)
        for (int i = 0; i < set.getResources().size(); i++) {
            Resource resource = set.getResources().get(i);
            if (resources.containsValue(resource) || Modules.isLibrary(resource) || resource.getContents().isEmpty()) continue;
            String path = resource.getURI().isFile() ? resource.getURI().toFileString() : resource.getURI().toString();
            units.put(path, (Unit) resource.getContents().get(0));
            stopIf(cancel);
            for (Issue issue : validate(validator, resource, cancel)) {
                diagnostics.add(convert(path, issue));
            }
        }
        stopIf(cancel);
        diagnostics.sort(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::offset));
        return new Result(set, units, withoutConsequences(diagnostics));
    }

    /** Xtext's validator stops with an error of its own when cancelled: the same exception as between files. */
    private static List<Issue> validate(IResourceValidator validator, Resource resource, CancelIndicator cancel) {
        try {
            return validator.validate(resource, CheckMode.ALL, cancel);
        } catch (org.eclipse.xtext.service.OperationCanceledError | org.eclipse.emf.common.util.WrappedException e) {
            if (cancel.isCanceled()) throw new java.util.concurrent.CancellationException("analysis cancelled");
            throw e;
        }
    }

    private static void stopIf(CancelIndicator cancel) {
        if (cancel.isCanceled()) throw new java.util.concurrent.CancellationException("analysis cancelled");
    }

    /**
     * Links and validates one resource already in an analysis's resource set, as
     * {@link #analyze} does each file: a stretch of declarations parsed apart (see
     * {@code scoping.Fragment}). Offsets and lines count in the resource's own text. Once
     * {@code cancel} says so, this throws {@link java.util.concurrent.CancellationException}.
     */
    public List<Diagnostic> check(Resource resource, String path, CancelIndicator cancel) {
        IResourceValidator validator = injector.getInstance(IResourceValidator.class);
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Issue issue : validate(validator, resource, cancel)) diagnostics.add(convert(path, issue));
        stopIf(cancel);
        diagnostics.sort(Comparator.comparingInt(Diagnostic::offset));
        return withoutConsequences(diagnostics);
    }

    /** Name and call errors on a line with a syntax error are its consequences, not news. */
    private static final java.util.Set<String> CONSEQUENCES = java.util.Set.of(ToitIssueCodes.UNRESOLVED_NAME,
            ToitIssueCodes.WRONG_ARGUMENT_COUNT, ToitIssueCodes.UNKNOWN_NAMED_ARGUMENT, ToitIssueCodes.MISSING_NAMED_ARGUMENT,
            ToitIssueCodes.MISSING_BODY, ToitIssueCodes.MISPLACED_ASSIGNMENT);

    private static List<Diagnostic> withoutConsequences(List<Diagnostic> diagnostics) {
        java.util.Set<String> broken = new java.util.HashSet<>();
        for (Diagnostic d : diagnostics) {
            if (d.code().equals(ToitIssueCodes.SYNTAX_ERROR)) broken.add(d.file() + ":" + d.line());
        }
        return diagnostics.stream().filter(d -> !(CONSEQUENCES.contains(d.code()) && broken.contains(d.file() + ":" + d.line())))
                .toList();
    }

    private static Diagnostic convert(String file, Issue issue) {
        String code = issue.getCode();
        if (code == null || code.equals(org.eclipse.xtext.diagnostics.Diagnostic.SYNTAX_DIAGNOSTIC) || code.startsWith("org.eclipse.xtext.diagnostics.Diagnostic.Syntax")) {
            code = code != null && code.startsWith("io.eave.toit.") ? code : ToitIssueCodes.SYNTAX_ERROR;
        } else if (code.equals(org.eclipse.xtext.diagnostics.Diagnostic.LINKING_DIAGNOSTIC)) {
            code = ToitIssueCodes.UNRESOLVED_NAME;
        }
        Severity severity = switch (issue.getSeverity()) {
            case ERROR -> Severity.ERROR;
            case WARNING -> Severity.WARNING;
            default -> Severity.INFO;
        };
        return new Diagnostic(severity, code, file, value(issue.getLineNumber()), value(issue.getColumn()),
                value(issue.getOffset()) , value(issue.getLength()), issue.getMessage());
    }

    private static int value(Integer i) {
        return i == null ? 0 : i;
    }
}
