package io.eave.toit.ide;

import io.eave.toit.ToitStandaloneSetup;
import io.eave.toit.ide.formatting.ToitFormatter;
import io.eave.toit.ide.formatting.Untidy;
import java.io.StringReader;
import java.util.Arrays;
import org.eclipse.xtext.parser.IParser;

/**
 * Formatting throughput (docs/language-server.md, *Formatting*): lines per second of
 * {@link ToitFormatter} on a 5,000-line program as it is (nothing to change) and with every
 * indentation doubled and spaces at the line ends (every line changes), warm, median of 7; the
 * parse alone for comparison, since formatting parses once to find syntax errors. Run by
 * {@code ./mvnw -q -pl language-server/server -am -Pbenchmark verify}, after {@link ServerBenchmark}.
 */
public final class FormattingBenchmark {
    private FormattingBenchmark() {
    }

    public static void main(String[] args) {
        String tidy = GeneratedProgram.of(218);
        String untidy = Untidy.of(tidy, false);
        ToitFormatter formatter = ToitFormatter.shared();
        IParser parser = ToitStandaloneSetup.injector().getInstance(IParser.class);
        System.out.println("## formatting (ToitFormatter.format: parse, lay out, re-indent, space, check, check again), warm, median of 7");
        for (String[] c : new String[][] {{"tidy", tidy}, {"indentation doubled", untidy}}) {
            formatter.format(c[1]);
        }
        median(() -> formatter.format(untidy));   // the JIT compiles the formatter's paths for both cases first
        for (String[] c : new String[][] {{"tidy", tidy}, {"indentation doubled", untidy}}) {
            String text = c[1];
            long lines = text.lines().count();
            int edits = formatter.format(text).edits().size();
            double format = median(() -> formatter.format(text));
            double parse = median(() -> parser.parse(new StringReader(text)));
            System.out.printf("%s, %,d lines, %,d edits: %.0f ms (%,.0f lines/s); the parse alone %.0f ms%n",
                    c[0], lines, edits, format, lines / (format / 1e3), parse);
        }
        System.exit(0);
    }

    /** Milliseconds, the median of 7 runs after at least 20 runs and 5 s to warm up (as {@link ServerBenchmark}). */
    private static double median(Runnable run) {
        long warm = System.nanoTime() + 5_000_000_000L;
        for (int i = 0; i < 20 || System.nanoTime() < warm; i++) run.run();
        long[] ns = new long[7];
        for (int i = 0; i < ns.length; i++) {
            long start = System.nanoTime();
            run.run();
            ns[i] = System.nanoTime() - start;
        }
        Arrays.sort(ns);
        return ns[3] / 1e6;
    }
}
