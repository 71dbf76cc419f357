import io.eave.toit.ToitFrontEnd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs the front end over every *.toit file under a folder (a corpus of other people's Toit)
 * and prints each error, then a summary by issue code. Files whose path contains one of the
 * EXCLUDE patterns (deliberately invalid test inputs) are skipped. Run through check.sh.
 */
public class CompatCheck {
    /** Folders of negative tests: their files are meant to fail. */
    private static final List<String> EXCLUDE = List.of("/negative/", "/invalid/", "_fail", "-fail");

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: CompatCheck DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".toit") && Files.isRegularFile(p))
                    .filter(p -> EXCLUDE.stream().noneMatch(x -> p.toString().contains(x))).sorted().toList();
        }
        ToitFrontEnd frontEnd = ToitFrontEnd.create();
        Map<String, Integer> byCode = new TreeMap<>();
        int errors = 0;
        int warnings = 0;
        int failing = 0;
        long lines = 0;
        long start = System.nanoTime();
        // one file at a time, as an editor opens it: what it imports is read from disk
        for (Path file : files) {
            String text = Files.readString(file);
            lines += text.lines().count();
            ToitFrontEnd.Result result = frontEnd.analyze(List.of(new ToitFrontEnd.SourceFile(file.toString(), text)),
                    List.of());
            warnings += (int) result.diagnostics().stream()
                    .filter(d -> d.file().equals(file.toString()) && d.severity() == ToitFrontEnd.Severity.WARNING).count();
            List<ToitFrontEnd.Diagnostic> own = new ArrayList<>();
            for (ToitFrontEnd.Diagnostic d : result.errors()) {
                if (d.file().equals(file.toString())) own.add(d);
            }
            if (!own.isEmpty()) failing++;
            for (ToitFrontEnd.Diagnostic d : own) {
                errors++;
                byCode.merge(d.code(), 1, Integer::sum);
                System.out.println(dir.relativize(Path.of(d.file())) + ":" + d.line() + ":" + d.column() + ": " + d.message()
                        + " [" + d.code() + "]");
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("== " + files.size() + " files, " + lines + " lines, " + ms + " ms: " + errors + " errors in "
                + failing + " files, " + warnings + " warnings");
        byCode.forEach((code, n) -> System.out.println("   " + n + " " + code));
    }
}
