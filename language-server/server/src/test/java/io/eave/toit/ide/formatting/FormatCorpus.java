package io.eave.toit.ide.formatting;

import io.eave.toit.ToitFrontEnd;
import io.eave.toit.ToitStandaloneSetup;
import io.eave.toit.services.AstPrinter;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.eclipse.xtext.parser.IParser;

/**
 * Run by hand over Toit code outside the repository (public corpora stay outside it):
 * formats every {@code .toit} file under the folders given and reports, per file, the
 * declarations the formatter left alone and why, whether the tree stayed the same and whether a
 * second formatting changes nothing, and whether the file with its indentation doubled, twice
 * remapped by a random increasing map, or its spaces widened formats to the same text. {@code --diff} prints the lines that changed.
 * <pre>java -cp ... io.eave.toit.ide.formatting.FormatCorpus [--diff] [--fuzz=N] FOLDER...</pre>
 */
public final class FormatCorpus {
    private FormatCorpus() {
    }

    public static void main(String[] args) throws Exception {
        boolean diff = false;
        int fuzz = 0;
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--diff")) {
                diff = true;
                continue;
            }
            if (arg.startsWith("--fuzz=")) {
                fuzz = Integer.parseInt(arg.substring("--fuzz=".length()));
                continue;
            }
            try (Stream<Path> walk = Files.walk(Path.of(arg))) {
                walk.filter(p -> p.toString().endsWith(".toit")).sorted().forEach(files::add);
            }
        }
        ToitFormatter formatter = ToitFormatter.shared();
        ToitFrontEnd frontEnd = ToitFrontEnd.create();
        int clean = 0;
        int withNotes = 0;
        int broken = 0;
        int changedFiles = 0;
        long changedLines = 0;
        long lines = 0;
        for (Path file : files) {
            String text = Files.readString(file);
            lines += text.lines().count();
            ToitFormatter.Result result = formatter.format(text);
            String formatted = Edit.apply(text, result.edits());
            List<String> problems = new ArrayList<>();
            if (!tree(frontEnd, text).equals(tree(frontEnd, formatted))) problems.add("TREE CHANGED");
            ToitFormatter.Result second = formatter.format(formatted);
            if (!second.edits().isEmpty()) problems.add("NOT IDEMPOTENT (" + second.edits().size() + " edits)");
            // the same code with its indentation doubled, remapped at random, its spaces widened must format the same
            boolean hasErrors = result.notes().size() > failuresOf(result).size();   // such declarations keep their shape
            Random random = new Random(file.toString().hashCode());
            List<String> variants = List.of(Untidy.of(text, false), Untidy.reindented(text, random), Untidy.reindented(text, random),
                    Untidy.widened(formatted, random));
            for (int v = 0; v < variants.size() && !hasErrors; v++) {
                String variant = variants.get(v);
                ToitFormatter.Result fromVariant = formatter.format(variant);
                String again = Edit.apply(variant, fromVariant.edits());
                if (!again.equals(formatted) || !fromVariant.notes().isEmpty()) {
                    problems.add((v == 0 ? "DOUBLED INDENTATION" : v < 3 ? "REMAPPED INDENTATION" : "WIDENED SPACES") + " FORMATS DIFFERENTLY");
                    if (diff) changedLines(formatted, again, file);
                }
            }
            List<String> failures = failuresOf(result);
            if (!problems.isEmpty()) broken++;
            if (!failures.isEmpty()) withNotes++;
            if (problems.isEmpty() && failures.isEmpty()) clean++;
            int changed = changedLines(text, formatted, diff ? file : null);
            if (changed > 0) changedFiles++;
            changedLines += changed;
            if (!problems.isEmpty() || !result.notes().isEmpty()) {
                System.out.println(file + ": " + String.join(", ", problems));
                result.notes().forEach(n -> System.out.println("    " + n));
            }
        }
        if (fuzz > 0) fuzz(files, fuzz);
        System.out.printf("%d files, %d lines: %d formatted without a check failure, %d with declarations left alone by a check,"
                + " %d with a changed tree, not idempotent or formatting differently when made untidy; %d files changed, %d lines changed%n",
                files.size(), lines, clean, withNotes, broken, changedFiles, changedLines);
        System.exit(0);
    }

    /** Pieces of code that break it when dropped in anywhere: unclosed strings, comments and brackets, stray layout. */
    private static final String[] BREAKERS = {"\"", "/*", "\"\"\"", "(", "]", ":", "::", "\t", "  ", "\\\n", "if x", "--", "-",
        "$", "'", "\n  \n", "#[", "| x |", "else:"};

    /**
     * Code being typed: {@code rounds} mutations of each file (a breaker inserted, a stretch
     * deleted, or a line re-indented at random); formatted, each must parse to the same tree and
     * format to itself.
     */
    private static void fuzz(List<Path> files, int rounds) throws Exception {
        IParser parser = ToitStandaloneSetup.injector().getInstance(IParser.class);
        ToitFormatter formatter = ToitFormatter.shared();
        Random random = new Random(rounds);
        int failed = 0;
        for (Path file : files) {
            String text = Files.readString(file);
            for (int round = 0; round < rounds; round++) {
                int at = random.nextInt(Math.max(1, text.length()));
                String mutated = switch (random.nextInt(3)) {
                    case 0 -> text.substring(0, at) + BREAKERS[random.nextInt(BREAKERS.length)] + text.substring(at);
                    case 1 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + random.nextInt(40)));
                    default -> {
                        String[] lines = text.split("\n", -1);
                        int i = random.nextInt(lines.length);
                        lines[i] = " ".repeat(random.nextInt(7)) + lines[i].strip();
                        yield String.join("\n", lines);
                    }
                };
                String formatted = Edit.apply(mutated, formatter.format(mutated).edits());
                if (!parsed(parser, mutated).equals(parsed(parser, formatted)) || !formatter.format(formatted).edits().isEmpty()) {
                    failed++;
                    Path keep = Files.createTempFile("format-fuzz-", ".toit");
                    Files.writeString(keep, mutated);
                    System.out.println(file + ": a mutation (kept in " + keep + ") changed its tree or was not stable");
                }
            }
        }
        System.out.printf("fuzz: %d mutated texts, %d failed%n", files.size() * rounds, failed);
    }

    private static String parsed(IParser parser, String text) {
        var root = parser.parse(new StringReader(text)).getRootASTElement();
        return root == null ? "" : AstPrinter.print(root);
    }

    /** The notes that report a failed check, not an error in the code. */
    private static List<String> failuresOf(ToitFormatter.Result result) {
        return result.notes().stream().filter(n -> !n.contains("syntax error") && !n.contains("of an error")).toList();
    }

    private static String tree(ToitFrontEnd frontEnd, String text) {
        return AstPrinter.print(frontEnd.analyze(List.of(new ToitFrontEnd.SourceFile("/corpus/x.toit", text))).unit("/corpus/x.toit"));
    }

    /** Lines that differ, position by position (formatting keeps the lines except blank runs). */
    private static int changedLines(String before, String after, Path show) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        if (a.length != b.length) {
            if (show != null) System.out.println("--- " + show + ": " + a.length + " lines became " + b.length);
            return Math.abs(a.length - b.length);
        }
        int changed = 0;
        for (int i = 0; i < a.length; i++) {
            if (!a[i].stripTrailing().equals(b[i])) {
                changed++;
                if (show != null) System.out.println("--- " + show + ":" + (i + 1) + "\n-" + a[i] + "\n+" + b[i]);
            }
        }
        return changed;
    }
}
