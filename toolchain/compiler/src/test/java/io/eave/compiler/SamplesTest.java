package io.eave.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** The samples the New Toit Project wizard offers compile and run on the VM as their comments promise. */
class SamplesTest {
    static final Path SAMPLES = LanguageTest.ROOT.resolve("plugins/io.eave.toit.wizards/samples");

    @TempDir
    Path out;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hello | status is on | Hello, Eave!",
        "blink | LED on       | LED off",
        "empty | Hello, Toit! | Hello, Toit!",
        "messages | '' | ''",
    })
    void sampleCompilesAndRuns(String sample, String first, String last) throws Exception {
        Compiler.Output compiled = Build.compile(SAMPLES.resolve(sample).resolve("main.toit"));
        if (sample.equals("messages")) {
            // Two containers: both compile; running them together is RunCommandTest's business.
            assertTrue(compiled.ok(), compiled.errors().toString());
            Compiler.Output receiver = Build.compile(SAMPLES.resolve(sample).resolve("receiver.toit"));
            assertTrue(receiver.ok(), receiver.errors().toString());
            return;
        }
        assertTrue(compiled.ok(), compiled.errors().toString());
        Path image = out.resolve(sample + ".img");
        Files.write(image, compiled.image());
        Process run = new ProcessBuilder(VmRunner.binary(LanguageTest.ROOT).toString(), image.toString()).start();
        assertTrue(run.waitFor(30, TimeUnit.SECONDS));
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, run.exitValue(), new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        String[] lines = output.split("\n");
        assertTrue(lines[0].startsWith(first), output);
        assertTrue(lines[lines.length - 1].startsWith(last), output);
    }
}
