package io.eave.toit.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics after an edit inside one declaration (checked alone, the others' kept and moved)
 * are the ones a whole analysis finds; an edit of what other declarations see (a signature, a
 * name, a field's initializer) checks those others again.
 */
class EditedDiagnosticsTest {
    private static final String URI = "file:///project/src/edited.toit";
    private static final String UNRESOLVED = "io.eave.toit.unresolved-name";

    private ServerSession session;
    private int version = 1;

    @BeforeEach
    void start() throws Exception {
        session = new ServerSession();
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
    }

    @Test
    void anEditInOneDeclarationKeepsTheOthersDiagnosticsWhereTheirTextMoved() throws Exception {
        String text = """
                class Shape:
                  area -> int:
                    return undefined-one

                helper:
                  x := 1
                  print x

                /// Uses the shape.
                other:
                  print undefined-two
                """;
        session.open(URI, text);
        List<Diagnostic> first = next();
        assertEquals(List.of(range(2, 11, 24), range(10, 8, 21)), ranges(first));

        // a line with a wrong name added in `helper`: its error appears, the error in `other` moves down a line
        change(new Range(new Position(6, 9), new Position(6, 9)), "\n  print undefined-three");
        List<Diagnostic> edited = next();
        assertEquals(List.of(range(2, 11, 24), range(7, 8, 23), range(11, 8, 21)), ranges(edited));
        assertTrue(edited.stream().allMatch(d -> UNRESOLVED.equals(d.getCode().getLeft())), edited.toString());
        assertTrue(edited.get(1).getMessage().getLeft().contains("undefined-three"), edited.get(1).toString());
        assertTrue(edited.get(2).getMessage().getLeft().contains("undefined-two"), edited.get(2).toString());

        // the whole analysis after the pause finds the same
        List<Diagnostic> whole = nextWithin(ToitTextDocuments.WHOLE_ANALYSIS_PAUSE_MS + 20_000);
        assertEquals(ranges(edited), ranges(whole));

        // fixed again: its error goes, the others stay where they are
        change(new Range(new Position(7, 8), new Position(7, 23)), "x");
        assertEquals(List.of(range(2, 11, 24), range(11, 8, 21)), ranges(next()));
        // removing the doc comment's line moves the error below it up
        change(new Range(new Position(9, 0), new Position(10, 0)), "");
        assertEquals(List.of(range(2, 11, 24), range(10, 8, 21)), ranges(next()));
    }

    @Test
    void editsInTwoDeclarationsApartLeaveTheOneBetweenAsItWas() throws Exception {
        String text = """
                first:
                  print 1

                middle:
                  print undefined-middle

                last:
                  print 3
                """;
        session.open(URI, text);
        assertEquals(List.of(range(4, 8, 24)), ranges(next()));
        // one wrong name typed in `first`, then one in `last`, before the whole analysis after the pause
        change(new Range(new Position(1, 8), new Position(1, 9)), "undefined-first");
        assertEquals(List.of(range(1, 8, 23), range(4, 8, 24)), ranges(next()));
        change(new Range(new Position(7, 8), new Position(7, 9)), "undefined-last\n  print 4");
        List<Diagnostic> both = next();
        assertEquals(List.of(range(1, 8, 23), range(4, 8, 24), range(7, 8, 22)), ranges(both));
        assertTrue(both.get(1).getMessage().getLeft().contains("undefined-middle"), both.get(1).toString());
        // and the same once the pause has passed
        assertEquals(ranges(both), ranges(nextWithin(ToitTextDocuments.WHOLE_ANALYSIS_PAUSE_MS + 20_000)));
    }

    @Test
    void aChangedSignatureChecksTheCallersInOtherDeclarations() throws Exception {
        String text = """
                twice x:
                  return x * 2

                main:
                  print (twice 1)
                """;
        session.open(URI, text);
        assertEquals(List.of(), next());
        // a second parameter: the call in main lacks an argument
        change(new Range(new Position(0, 7), new Position(0, 7)), " y");
        List<Diagnostic> wrongCount = next();
        assertEquals(1, wrongCount.size(), wrongCount.toString());
        assertEquals("io.eave.toit.wrong-argument-count", wrongCount.get(0).getCode().getLeft());
        assertEquals(4, wrongCount.get(0).getRange().getStart().getLine());
        // back to one: fine again
        change(new Range(new Position(0, 7), new Position(0, 9)), "");
        assertEquals(List.of(), next());
        // renamed: the call no longer resolves
        change(new Range(new Position(0, 0), new Position(0, 5)), "thrice");
        List<Diagnostic> renamed = next();
        assertEquals(List.of(range(4, 9, 14)), ranges(renamed));
        assertEquals(UNRESOLVED, renamed.get(0).getCode().getLeft());
    }

    @Test
    void aFieldsInitializerGivesItsTypeToOtherDeclarations() throws Exception {
        String text = """
                label := "shape"

                main:
                  print label.size
                """;
        session.open(URI, text);
        assertEquals(List.of(), next());
        // an int has no `size`: the member access in main is now an error
        change(new Range(new Position(0, 9), new Position(0, 16)), "5");
        List<Diagnostic> noMember = next();
        assertEquals(List.of(range(3, 14, 18)), ranges(noMember), noMember.toString());
    }

    private void change(Range range, String text) {
        session.documents().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, ++version),
                List.of(new TextDocumentContentChangeEvent(range, text))));
    }

    /** The next diagnostics published: those of the edit, sooner than the whole analysis's pause on any machine this runs on. */
    private List<Diagnostic> next() throws InterruptedException {
        return nextWithin(20_000);
    }

    private List<Diagnostic> nextWithin(long ms) throws InterruptedException {
        PublishDiagnosticsParams p = session.published.poll(ms, TimeUnit.MILLISECONDS);
        assertTrue(p != null, "no diagnostics published");
        assertEquals(URI, p.getUri());
        return p.getDiagnostics().stream().sorted(Comparator.comparingInt((Diagnostic d) -> d.getRange().getStart().getLine())
                .thenComparingInt(d -> d.getRange().getStart().getCharacter())).toList();
    }

    private static List<Range> ranges(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::getRange).toList();
    }

    private static Range range(int line, int from, int to) {
        return new Range(new Position(line, from), new Position(line, to));
    }
}
