package io.eave.toit.ide;

import static io.eave.toit.ide.ServerSession.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eave.toit.ToitFrontEnd;
import io.eave.toit.parser.ToitLexer;
import io.eave.toit.services.AstPrinter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Formatting through a real client: what it changes, that it changes nothing a second time, and
 * that on every Toit file of the repository (the compiler's language suite and the core
 * library), clean or made untidy, the tokens and the tree stay the same.
 */
class FormattingTest {
    private static final String URI = "file:///project/src/format.toit";
    private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

    private ServerSession session;
    private int version = 1;

    @BeforeEach
    void start() throws Exception {
        session = new ServerSession();
        session.open(URI, "");
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
    }

    @Test
    void trailingSpacesAndBlankRunsGoButStringsKeepTheirs() throws Exception {
        String text = "\n\nimport math   \n\n\n\n\nmain:  \n  x := \"\"\"\n    two spaces:  \n\n\n\n  \"\"\"   \n"
                + "  print x  // note  \n  y := 1 + \\  \n    2\n\n\n";
        String formatted = format(text);
        assertEquals("import math\n\n\nmain:\n  x := \"\"\"\n    two spaces:  \n\n\n\n  \"\"\"\n"
                + "  print x  // note\n  y := 1 + \\  \n    2\n", formatted);
        assertEquals(formatted, format(formatted));
        assertEquals("main:\n  print 1\n", format("main:\n  print 1   "));   // the last line gets its break
    }

    @Test
    void rangeFormattingStaysInItsRange() throws Exception {
        String text = "main:  \n  print 1  \n\n\n\n\n  print 2  \n";
        session.documents().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, ++version),
                List.of(new TextDocumentContentChangeEvent(text))));
        List<? extends TextEdit> edits = await(session.documents().rangeFormatting(new org.eclipse.lsp4j.DocumentRangeFormattingParams(
                new TextDocumentIdentifier(URI), new FormattingOptions(2, true),
                new org.eclipse.lsp4j.Range(new org.eclipse.lsp4j.Position(1, 0), new org.eclipse.lsp4j.Position(2, 0)))));
        assertEquals("main:  \n  print 1\n\n\n\n\n  print 2  \n", ServerSession.apply(text, List.copyOf(edits)));
    }

    @Test
    void theRepositorysToitFilesKeepTheirMeaning() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Stream.concat(Files.walk(REPOSITORY.resolve("toolchain/compiler/src/test/toit")),
                Files.walk(REPOSITORY.resolve("language-server/core-library/src/main/resources/toit/core")))) {
            files = walk.filter(p -> p.toString().endsWith(".toit")).sorted().toList();
        }
        assertTrue(files.size() >= 15, files.toString());
        ToitFrontEnd frontEnd = ToitFrontEnd.create();
        for (Path file : files) {
            String clean = Files.readString(file);
            assertEquals(clean, format(clean), file + " is already tidy");
            String untidy = untidy(clean);
            String formatted = format(untidy);
            assertEquals(lexemes(untidy), lexemes(formatted), file + ": tokens");
            assertEquals(tree(frontEnd, untidy), tree(frontEnd, formatted), file + ": tree");
            assertEquals(formatted, format(formatted), file + ": a second formatting changes nothing");
        }
    }

    /** Spaces at the end of every line, and blank lines after every fifth, strings included. */
    private static String untidy(String text) {
        StringBuilder s = new StringBuilder("\n \n");
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            s.append(lines[i]).append(lines[i].endsWith("\\") ? "" : "  ");
            if (i < lines.length - 1) s.append('\n');
            if (i % 5 == 4 && i < lines.length - 1) s.append("\n   \n\n\n");
        }
        return s.append("\n\n").toString();
    }

    private static List<String> lexemes(String text) {
        return ToitLexer.scan(text).lexemes().stream().filter(l -> !l.hidden()).map(l -> l.kind() + " " + l.text()).toList();
    }

    private static String tree(ToitFrontEnd frontEnd, String text) {
        return AstPrinter.print(frontEnd.analyze(List.of(new ToitFrontEnd.SourceFile("/corpus/x.toit", text))).unit("/corpus/x.toit"));
    }

    private String format(String text) throws Exception {
        session.documents().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, ++version),
                List.of(new TextDocumentContentChangeEvent(text))));
        List<? extends TextEdit> edits = await(session.documents().formatting(
                new DocumentFormattingParams(new TextDocumentIdentifier(URI), new FormattingOptions(2, true))));
        return ServerSession.apply(text, List.copyOf(edits));
    }
}
