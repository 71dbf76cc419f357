package io.eave.cli;

import static io.eave.cli.RunCommandTest.eave;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.eave.cli.RunCommandTest.Result;

/** {@code eave analyze} over real files and folders, as a user or a CI script calls it. */
class AnalyzeCommandTest {
    @TempDir
    Path dir;

    /** A project: a main file importing a helper next to it, a library in a subfolder, and vendored packages. */
    private Path project() throws Exception {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("src/util"));
        Files.createDirectories(project.resolve(".packages/vendor"));
        Files.writeString(project.resolve("src/main.toit"), """
                import .util.strings

                main:
                  print (strings.shout "hello")
                """);
        Files.writeString(project.resolve("src/util/strings.toit"), """
                shout text/string -> string:
                  return text.to-upper + "!"
                """);
        // Not the project's own code: a hidden folder is skipped even though this file is broken.
        Files.writeString(project.resolve(".packages/vendor/broken.toit"), "main:\n  print (\n");
        return project;
    }

    @Test
    void aCleanFolderIsCheckedRecursivelyAndExitsZero() throws Exception {
        Path project = project();
        Result r = eave("analyze", project.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("", r.out(), "no problems, nothing on stdout");
        assertTrue(r.err().contains("2 files checked: 0 errors, 0 warnings"), r.err());
    }

    @Test
    void problemsArePrintedOnePerLineWithPathLineColumnSeverityAndCode() throws Exception {
        Path project = project();
        Path broken = project.resolve("src/util/broken.toit");
        Files.writeString(broken, """
                check x/int -> bool:
                  return x > 3 && x < 10

                main:
                  print(check 5)
                  print (missing-function 2)
                """);
        Result r = eave("analyze", project.toString());
        assertEquals(1, r.code(), "an error makes the exit code 1");
        String[] lines = r.out().split("\n");
        assertTrue(lines.length >= 3, r.out());
        assertTrue(r.out().contains(broken + ":2:16: error: "), r.out());
        assertTrue(r.out().contains("[old-operator]"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith(broken + ":5:") && l.contains(": warning: ")
                && l.endsWith("[attached-parenthesis]")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith(broken + ":6:10: error: ") && l.contains("missing-function")
                && l.endsWith("[unresolved-name]")), r.out());
        for (String line : lines) {
            assertTrue(line.matches(".+\\.toit:\\d+:\\d+: (error|warning): .+ \\[[a-z-]+\\]"), "the format of: " + line);
            assertFalse(line.contains("main.toit") || line.contains("strings.toit"), "the clean files have no problems: " + line);
        }
        assertTrue(r.err().contains("3 files checked: 2 errors, 1 warning"), r.err());
    }

    @Test
    void warningsAloneExitZero() throws Exception {
        Path file = dir.resolve("warn.toit");
        Files.writeString(file, "main:\n  print(1 + 2)\n");
        Result r = eave("analyze", file.toString());
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains(": warning: "), r.out());
    }

    @Test
    void syntaxOnlyReportsLexicalAndSyntaxErrorsButNotNames() throws Exception {
        Path file = dir.resolve("mixed.toit");
        Files.writeString(file, """
                main:
                  print (unknown-name 1)
                  x := "\\q"
                  y := (1 + 2
                """);
        Result all = eave("analyze", file.toString());
        assertTrue(all.out().contains("[unresolved-name]"), all.out());
        Result syntax = eave("analyze", "--syntax-only", file.toString());
        assertEquals(1, syntax.code());
        assertFalse(syntax.out().contains("[unresolved-name]"), syntax.out());
        assertTrue(syntax.out().contains("[bad-escape]"), syntax.out());
        assertTrue(syntax.out().contains(file + ":4:"), "the unclosed parenthesis: " + syntax.out());
    }

    @Test
    void jsonFormatIsOneDocumentAToolCanRead() throws Exception {
        Path file = dir.resolve("bad.toit");
        Files.writeString(file, "main:\n  print \"tab\\q\"\n  print (nothing-here)\n");
        Result r = eave("analyze", "--format", "json", file.toString());
        assertEquals(1, r.code());
        JsonObject document = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(1, document.get("files").getAsInt());
        JsonArray diagnostics = document.getAsJsonArray("diagnostics");
        assertEquals(2, diagnostics.size(), r.out());
        JsonObject first = diagnostics.get(0).getAsJsonObject();
        assertEquals(file.toString(), first.get("file").getAsString());
        assertEquals(2, first.get("line").getAsInt());
        assertEquals("error", first.get("severity").getAsString());
        assertEquals("bad-escape", first.get("code").getAsString());
        assertEquals("unresolved-name", diagnostics.get(1).getAsJsonObject().get("code").getAsString());
    }

    @Test
    void badCommandLinesSayWhatIsWrong() throws Exception {
        Result missing = eave("analyze", dir.resolve("nope.toit").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file or folder: " + dir.resolve("nope.toit")), missing.err());
        Result format = eave("analyze", "--format", "xml", dir.toString());
        assertEquals(2, format.code());
        assertTrue(format.err().contains("unknown format 'xml'"), format.err());
        Result none = eave("analyze");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("usage: eave analyze"), none.err());
    }
}
