package io.eave.compiler.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.eave.compiler.Build;
import io.eave.compiler.Compiler;

/**
 * How long compiling takes, end to end as `eave compile` does it (front-end check, parse, link,
 * code generation, image and debug info), for a generated program of about {@link #lines} lines:
 * copies of a unit with a class, a loop, a block, a map and string interpolation, each used from
 * {@code main} so that the linker keeps it. Setup prints the image size per 1,000 source lines.
 * Run with {@code ./mvnw -q -pl toolchain/compiler -Pbenchmark clean verify}; lines per second is
 * lines / (the reported ms per compile) x 1,000 (docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompileBenchmark {

    /** Lines of Toit source in the compiled program (rounded up to whole units). */
    @Param({ "1000", "5000" })
    public int lines;

    private static final String UNIT = """
            /** A sensor that keeps its readings. */
            class Sensor@:
              name/string
              readings_ := []
              constructor .name:
              report reading/int -> none:
                readings_.add reading
              average -> int:
                if readings_.is-empty: return 0
                sum := 0
                readings_.do: sum += it
                return sum / readings_.size
              describe -> string:
                return "$name: $average after $readings_.size readings"

            scale@ x/int k/int -> int:
              result := 0
              for j := 0; j < k; j++:
                result += x * j
              if result > 1000: return result % 1000
              return result

            run@ -> int:
              s := Sensor@ "sensor-@"
              3.repeat: s.report (scale@ it + @ 4)
              m := {"count": s.readings_.size}
              return s.average + m["count"] + s.describe.size

            """;

    private Path folder;
    private Path file;
    private String text;

    @Setup
    public void writeProgram() throws IOException {
        int unitLines = (int) UNIT.lines().count();
        int units = Math.max(1, (lines + unitLines - 1) / unitLines);
        StringBuilder source = new StringBuilder();
        StringBuilder main = new StringBuilder("main:\n  total := 0\n");
        for (int i = 0; i < units; i++) {
            source.append(UNIT.replace("@", Integer.toString(i)));
            main.append("  total += run").append(i).append('\n');
        }
        source.append(main).append("  print total\n");
        text = source.toString();
        folder = Files.createTempDirectory("eave-compile-bench");
        file = folder.resolve("generated.toit");
        Files.writeString(file, text);
        Compiler.Output out = Build.compile(file, text);
        if (!out.ok()) {
            throw new IllegalStateException("the generated program does not compile:\n" + Build.describe(out.errors()));
        }
        long sourceLines = text.lines().count();
        System.out.printf("%n%d source lines, image %d bytes: %.0f bytes per 1,000 lines%n", sourceLines,
                out.image().length, out.image().length * 1000.0 / sourceLines);
    }

    @TearDown(Level.Trial)
    public void removeProgram() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(folder);
    }

    @Benchmark
    public byte[] compile() throws IOException {
        return Build.compile(file).image();
    }
}
