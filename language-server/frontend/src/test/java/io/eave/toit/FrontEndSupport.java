package io.eave.toit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eave.toit.ToitFrontEnd.Diagnostic;
import io.eave.toit.ToitFrontEnd.Result;
import io.eave.toit.ToitFrontEnd.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Runs the whole front end on sources written as text blocks. */
public final class FrontEndSupport {
    private FrontEndSupport() {
    }

    public static final ToitFrontEnd FRONT_END = ToitFrontEnd.create();

    /** One file, "main.toit". */
    public static Result analyze(String text) {
        return FRONT_END.analyze(List.of(new SourceFile("main.toit", text)));
    }

    /** Files as path, text, path, text, ... */
    public static Result project(String... pathsAndTexts) {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) files.add(new SourceFile(pathsAndTexts[i], pathsAndTexts[i + 1]));
        return FRONT_END.analyze(files);
    }

    /** "line:column code-suffix" per diagnostic, for compact assertions. */
    public static String summary(Result result) {
        return result.diagnostics().stream().map(FrontEndSupport::brief).collect(Collectors.joining("\n"));
    }

    public static String brief(Diagnostic d) {
        return d.line() + ":" + d.column() + " " + d.code().substring("io.eave.toit.".length());
    }

    public static void assertClean(String text) {
        Result result = analyze(text);
        assertEquals("", result.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
    }
}
