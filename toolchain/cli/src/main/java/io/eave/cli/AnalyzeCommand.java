package io.eave.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.eave.toit.ToitFrontEnd;
import io.eave.toit.validation.ToitIssueCodes;

/**
 * {@code eave analyze [--syntax-only] [--format text|json] PATH...}: checks Toit files, or every
 * {@code *.toit} under folders (recursively, skipping hidden folders such as {@code .packages}),
 * with the front end the editor and the compiler use. Text output is one line per problem,
 * {@code path:line:column: error|warning: message [code]}, then a summary on stderr; the exit
 * code is 1 when there is an error, 0 otherwise, 2 for a bad command line.
 */
final class AnalyzeCommand {
    /** What {@code --syntax-only} keeps: lexical, layout and syntax problems. */
    private static final Set<String> SYNTAX_CODES = Set.of(ToitIssueCodes.ILLEGAL_CHARACTER, ToitIssueCodes.OLD_OPERATOR,
            ToitIssueCodes.TAB_INDENTATION, ToitIssueCodes.MALFORMED_NUMBER, ToitIssueCodes.UNTERMINATED_STRING,
            ToitIssueCodes.UNTERMINATED_CHARACTER, ToitIssueCodes.UNTERMINATED_COMMENT, ToitIssueCodes.BAD_ESCAPE,
            ToitIssueCodes.MALFORMED_CHARACTER, ToitIssueCodes.BAD_INTERPOLATION, ToitIssueCodes.MALFORMED_FORMAT,
            ToitIssueCodes.ATTACHED_PARENTHESIS, ToitIssueCodes.BINARY_MINUS_SPACING, ToitIssueCodes.NEGATED_HEX_LITERAL,
            ToitIssueCodes.NUMBER_OUT_OF_RANGE, ToitIssueCodes.SYNTAX_ERROR, ToitIssueCodes.UNBALANCED_BRACKET,
            ToitIssueCodes.INCONSISTENT_INDENTATION, ToitIssueCodes.IMPORT_AFTER_DECLARATION,
            ToitIssueCodes.PREFIX_DECREMENT, ToitIssueCodes.TWO_RETURN_TYPES);

    private static final String USAGE = "usage: eave analyze [--syntax-only] [--format text|json] PATH...\n"
            + "  checks Toit files, or every *.toit under the folders given";

    private final PrintStream out;
    private final PrintStream err;

    AnalyzeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        boolean syntaxOnly = false;
        String format = "text";
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--syntax-only")) {
                syntaxOnly = true;
            } else if (arg.equals("--format") || arg.startsWith("--format=")) {
                format = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : (i + 1 < args.size() ? args.get(++i) : "");
                if (!format.equals("text") && !format.equals("json")) {
                    err.println("eave analyze: unknown format '" + format + "': use text or json\n" + USAGE);
                    return 2;
                }
            } else if (arg.startsWith("--")) {
                err.println("eave analyze: unknown option " + arg + "\n" + USAGE);
                return 2;
            } else {
                paths.add(Path.of(arg));
            }
        }
        if (paths.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        Map<String, Path> files = new LinkedHashMap<>();   // absolute path -> the path as the user wrote it
        for (Path path : paths) {
            if (!Files.exists(path)) {
                err.println("eave analyze: no such file or folder: " + path);
                return 2;
            }
            try {
                for (Path file : toitFiles(path)) {
                    files.putIfAbsent(file.toAbsolutePath().normalize().toString(), file);
                }
            } catch (IOException e) {
                err.println("eave analyze: cannot read " + path + ": " + e.getMessage());
                return 2;
            }
        }
        List<ToitFrontEnd.SourceFile> sources = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (var entry : files.entrySet()) {
            try {
                sources.add(new ToitFrontEnd.SourceFile(entry.getKey(), Files.readString(Path.of(entry.getKey()))));
            } catch (MalformedInputException e) {
                unreadable.add(entry.getValue() + ": error: the file is not UTF-8 text [encoding]");
            } catch (IOException e) {
                unreadable.add(entry.getValue() + ": error: cannot read it: " + e.getMessage() + " [io]");
            }
        }
        List<ToitFrontEnd.Diagnostic> problems = new ArrayList<>();
        if (!sources.isEmpty()) {
            for (ToitFrontEnd.Diagnostic d : FrontEnd.instance().analyze(sources, List.of()).diagnostics()) {
                if (d.severity() == ToitFrontEnd.Severity.INFO || !files.containsKey(d.file())) {
                    continue;   // files outside the ones asked for (imported from elsewhere) are not reported
                }
                if (syntaxOnly && !SYNTAX_CODES.contains(d.code())) {
                    continue;
                }
                problems.add(d);
            }
        }
        long errors = problems.stream().filter(d -> d.severity() == ToitFrontEnd.Severity.ERROR).count() + unreadable.size();
        long warnings = problems.size() - (errors - unreadable.size());
        if (format.equals("json")) {
            printJson(files, problems, unreadable);
        } else {
            unreadable.forEach(out::println);
            for (ToitFrontEnd.Diagnostic d : problems) {
                out.println(files.get(d.file()) + ":" + d.line() + ":" + d.column() + ": "
                        + d.severity().name().toLowerCase() + ": " + d.message() + " [" + shortCode(d.code()) + "]");
            }
            err.println(files.size() == 0 ? "no Toit files found" : files.size() + (files.size() == 1 ? " file" : " files")
                    + " checked: " + count(errors, "error") + ", " + count(warnings, "warning"));
        }
        return errors > 0 ? 1 : 0;
    }

    private static List<Path> toitFiles(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".toit") && Files.isRegularFile(p))
                    .filter(p -> !hidden(path.relativize(p)))
                    .sorted()
                    .toList();
        }
    }

    /** Inside a folder whose name starts with a dot (.packages, .git): not the project's own code. */
    private static boolean hidden(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (relative.getName(i).toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static String shortCode(String code) {
        return code == null ? "error" : code.substring(code.lastIndexOf('.') + 1);
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** One problem in {@code --format json}. */
    private record JsonProblem(String file, int line, int column, int length, String severity, String code, String message) {}

    private record JsonReport(int files, List<JsonProblem> diagnostics, List<String> unreadable) {}

    private void printJson(Map<String, Path> files, List<ToitFrontEnd.Diagnostic> problems, List<String> unreadable) {
        List<JsonProblem> diagnostics = problems.stream().map(d -> new JsonProblem(files.get(d.file()).toString(), d.line(),
                d.column(), d.length(), d.severity().name().toLowerCase(), shortCode(d.code()), d.message())).toList();
        out.println(new com.google.gson.GsonBuilder().disableHtmlEscaping().create()
                .toJson(new JsonReport(files.size(), diagnostics, unreadable)));
    }

    /** One front end per process: creating it (Guice, the grammar) takes a while. */
    private static final class FrontEnd {
        private static final ToitFrontEnd INSTANCE = ToitFrontEnd.create();

        static ToitFrontEnd instance() {
            return INSTANCE;
        }
    }
}
