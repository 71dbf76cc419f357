package io.eave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line tool as a user runs it: exit codes, output and error messages. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void unknownCommandIsAUsageErrorThatNamesTheCommand() {
        assertEquals(2, run("flashh"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command 'flashh'"));
    }

    @Test
    void tokensPrintsPositionsKindsAndTexts(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a.toit");
        Files.writeString(file, "main:\n  print \"$x\"\n");
        assertEquals(0, run("tokens", file.toString()));
        assertEquals("""
                1:1 IDENTIFIER main
                1:5 PUNCTUATION :
                2:3 IDENTIFIER print
                2:9 STRING "
                2:10 INTERPOLATION $x
                2:12 STRING "
                """, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void tokensReportsIllegalTextWithFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.toit");
        Files.writeString(file, "x := a && b\n");
        assertEquals(1, run("tokens", file.toString()));
        assertEquals(file + ":1:8: error: illegal token &&\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void tokensOnAMissingFileSaysSo() {
        assertEquals(2, run("tokens", "/no/such/file.toit"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such file: /no/such/file.toit"));
    }
}
