package io.eave.toit.lexer.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.eave.toit.lexer.Token;
import io.eave.toit.lexer.ToitScanner;

/**
 * How long a full rescan takes: the editor rescans the whole file on every keystroke, so this is
 * the cost a user pays per key in a file of that many lines. Run with
 * {@code ./mvnw -q -pl language-server/syntax -Pbenchmark verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScannerBenchmark {

    /** Lines of Toit source in the scanned file. */
    @Param({ "500", "5000" })
    public int lines;

    private String source;

    private static final String UNIT = """
            /** A sensor that reports its readings. /* nested */ */
            class Sensor extends Device implements Reporter:
              name/string
              readings_ := []
              constructor .name --period-ms/int=1_000:
                super --period-ms=period-ms
              report reading/float -> none:
                readings_.add reading
                print "$name: $(%.2f reading) after $readings_.size readings, last $readings_[readings_.size - 1]"
              average -> float:
                sum := 0.0
                readings_.do: sum += it
                return readings_.is-empty ? 0.0 : sum / readings_.size  // no readings yet
            """;

    @Setup
    public void makeSource() {
        String[] unit = UNIT.split("\n");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) text.append(unit[i % unit.length]).append('\n');
        source = text.toString();
    }

    @Benchmark
    public List<Token> scanWholeFile() {
        return ToitScanner.scan(source);
    }
}
