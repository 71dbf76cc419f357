package io.eave.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;


/**
 * The language test suite, in the style of Wren's: every Toit program in src/test/toit says in
 * comments what it must print ({@code // expect: TEXT}), how it ends
 * ({@code // expect runtime error: MESSAGE} or {@code // expect uncaught: MESSAGE} for an uncaught
 * exception, {@code // expect exit: N}) or which errors the compiler
 * reports on which lines ({@code // expect error: CODE}). Each is compiled by the real front end
 * and compiler and run by the real VM (eave-vm-run, built from firmware/ with CMake).
 */
class LanguageTest {
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Path PROGRAMS = Path.of("src/test/toit");
    static final Pattern EXPECT = Pattern.compile("// expect( uncaught| runtime error| exit| error)?: ?(.*)$");

    @TempDir
    static Path out;
    static Path vm;

    @BeforeAll
    static void findVm() throws Exception {
        vm = VmRunner.binary(ROOT);
    }

    @TestFactory
    Stream<DynamicTest> everyProgramDoesWhatItsCommentsSay() throws IOException {
        List<Path> programs;
        try (Stream<Path> files = Files.list(PROGRAMS)) {
            programs = files.filter(p -> p.toString().endsWith(".toit")).sorted().toList();
        }
        assertTrue(programs.size() >= 5, "the suite has programs");
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path program) throws Exception {
        List<String> output = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String uncaught = null;
        int exit = 0;
        List<String> lines = Files.readAllLines(program);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EXPECT.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            String kind = m.group(1) == null ? "" : m.group(1).strip();
            switch (kind) {
                case "" -> output.add(m.group(2));
                case "uncaught", "runtime error" -> uncaught = m.group(2);
                case "exit" -> exit = Integer.parseInt(m.group(2).strip());
                case "error" -> errors.add((i + 1) + ":" + m.group(2).strip());
                default -> throw new IllegalStateException(kind);
            }
        }
        Compiler.Output compiled = Build.compile(program);
        List<CompileError> reported = compiled.errors();
        if (!errors.isEmpty()) {
            List<String> got = reported.stream().filter(e -> e.file().equals(program.toAbsolutePath().toString()))
                    .map(e -> e.line() + ":" + e.code()).toList();
            assertEquals(errors, got, "errors of " + program + ": " + reported);
            assertNull(compiled.image(), "no image for a program with errors");
            return;
        }
        assertTrue(reported.isEmpty(), "unexpected errors: " + reported);
        assertNotNull(compiled.image());
        Path image = out.resolve(program.getFileName() + ".img");
        Files.write(image, compiled.image());
        Process run = new ProcessBuilder(vm.toString(), image.toString()).start();
        if (!run.waitFor(30, TimeUnit.SECONDS)) {
            run.destroyForcibly();
            throw new AssertionError(program + " did not finish within 30 s");
        }
        String stdout = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(String.join("\n", output) + (output.isEmpty() ? "" : "\n"), stdout, program + " printed; stderr: " + stderr);
        if (uncaught != null) {
            assertEquals(1, run.exitValue(), stderr);
            assertTrue(stderr.contains("uncaught exception: " + uncaught), stderr);
        } else {
            assertEquals(exit, run.exitValue(), stderr);
            assertNull(stderr.isEmpty() ? null : stderr, "nothing on stderr");
        }
    }
}
