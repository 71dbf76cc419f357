package io.eave.toit.ide;

import static io.eave.toit.ide.ServerSession.await;
import static io.eave.toit.ide.ServerSession.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Find references, highlight and rename through a real LSP4J client. */
class ReferencesAndRenameTest {
    private static final String MAIN = "file:///project/src/main.toit";
    private static final String UTIL = "file:///project/src/util.toit";
    private static final String ANIMALS = """
            class Animal:
              speak -> string: return "..."
            class Dog extends Animal:
              name := "rex"
              constructor --.name:
              speak -> string: return "woof"
              stringify -> string: return name
            main:
              dog := Dog --name="fido"
              print dog.speak
              animal/Animal := dog
              print animal.speak
              dog.name = "max"
              print dog.name
            """;

    private ServerSession session;

    @BeforeEach
    void start() throws Exception {
        session = new ServerSession();
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
    }

    @Test
    void referencesOfAnOverriddenMethodIncludeTheOverridesAndTheirCalls() throws Exception {
        session.open(MAIN, ANIMALS);
        // from Dog.speak: Animal.speak is the same message, so `animal.speak` reaches it too
        List<Range> all = ranges(references(MAIN, 5, 3, true));
        assertEquals(List.of(range(1, 2, 7), range(5, 2, 7), range(9, 12, 17), range(11, 15, 20)), all);
        List<Range> uses = ranges(references(MAIN, 1, 3, false));
        assertEquals(List.of(range(9, 12, 17), range(11, 15, 20)), uses);
    }

    @Test
    void referencesOfAMethodListCallsThroughUnknownReceiversAfterTheCertainOnesButRenameLeavesThem() throws Exception {
        String text = """
                class Runner:
                  run x: return x
                class Walker:
                  walk x: return x
                use thing:
                  print (thing.run 1)
                  print (thing.walk 1)
                main:
                  print ((Runner).run 2)
                """;
        session.open(MAIN, text);
        // `thing` has no type: `thing.run` may reach Runner.run; `thing.walk` is not named alike
        assertEquals(List.of(range(1, 2, 5), range(8, 18, 21), range(5, 15, 18)), ranges(references(MAIN, 1, 3, true)));
        var edit = await(session.documents().rename(new RenameParams(new TextDocumentIdentifier(MAIN), new Position(1, 3), "go")));
        assertEquals(text.replace("  run x", "  go x").replace("(Runner).run", "(Runner).go"), ServerSession.apply(text, edit.getChanges().get(MAIN)));
    }

    @Test
    void referencesOfAFieldIncludeItsFieldParameterAndNamedArguments() throws Exception {
        session.open(MAIN, ANIMALS);
        List<Range> found = ranges(references(MAIN, 13, 13, true));   // on `name` of `dog.name`
        assertEquals(List.of(range(3, 2, 6), range(4, 17, 21), range(6, 30, 34), range(8, 15, 19), range(12, 6, 10),
                range(13, 12, 16)), found);
    }

    @Test
    void implementationsAreTheSubclassesAndOverridesBelow() throws Exception {
        session.open(MAIN, ANIMALS);
        assertEquals(List.of(range(5, 2, 7)), ranges(implementations(1, 3)));   // Animal.speak: Dog's
        assertEquals(List.of(range(2, 6, 9)), ranges(implementations(0, 7)));   // Animal: Dog
        assertEquals(List.of(), ranges(implementations(5, 3)));                 // nothing below Dog.speak
    }

    private List<? extends Location> implementations(int line, int character) throws Exception {
        return await(session.documents().implementation(new org.eclipse.lsp4j.ImplementationParams(new TextDocumentIdentifier(MAIN),
                new Position(line, character)))).getLeft();
    }

    @Test
    void highlightMarksWritesAndReads() throws Exception {
        session.open(MAIN, """
                main:
                  total := 0
                  3.repeat: total += it
                  print total
                """);
        List<? extends DocumentHighlight> marks = await(session.documents().documentHighlight(
                new DocumentHighlightParams(new TextDocumentIdentifier(MAIN), new Position(3, 9))));
        assertEquals(List.of(range(1, 2, 7), range(2, 12, 17), range(3, 8, 13)), marks.stream().map(DocumentHighlight::getRange).toList());
        assertEquals(List.of(DocumentHighlightKind.Write, DocumentHighlightKind.Write, DocumentHighlightKind.Read),
                marks.stream().map(DocumentHighlight::getKind).toList());
    }

    @Test
    void renameAFieldChangesItsParameterArgumentsAndUses() throws Exception {
        session.open(MAIN, ANIMALS);
        var edit = await(session.documents().rename(new RenameParams(new TextDocumentIdentifier(MAIN), new Position(3, 3), "title")));
        assertEquals(List.of(MAIN), List.copyOf(edit.getChanges().keySet()));
        String renamed = ServerSession.apply(ANIMALS, edit.getChanges().get(MAIN));
        assertEquals(ANIMALS.replace("name", "title"), renamed);
    }

    @Test
    void renameReachesEveryOpenFile() throws Exception {
        String util = """
                helper x: return x + 1
                """;
        String main = """
                import .util
                main:
                  print (util.helper 2)
                """;
        session.open(UTIL, util);
        session.open(MAIN, main);
        var edit = await(session.documents().rename(new RenameParams(new TextDocumentIdentifier(MAIN), new Position(2, 15), "increment")));
        Map<String, List<TextEdit>> changes = edit.getChanges();
        assertEquals(util.replace("helper", "increment"), ServerSession.apply(util, changes.get(UTIL)));
        assertEquals(main.replace("helper", "increment"), ServerSession.apply(main, changes.get(MAIN)));
    }

    @Test
    void renameOfALocalReplacesEachSpelling() throws Exception {
        String text = """
                main:
                  my_count := 1
                  print my-count + my_count
                """;
        session.open(MAIN, text);
        var prepared = await(session.documents().prepareRename(new PrepareRenameParams(new TextDocumentIdentifier(MAIN), new Position(2, 10))));
        assertEquals(range(2, 8, 16), prepared.getSecond().getRange());
        assertEquals("my-count", prepared.getSecond().getPlaceholder());
        var edit = await(session.documents().rename(new RenameParams(new TextDocumentIdentifier(MAIN), new Position(2, 10), "n")));
        assertEquals("main:\n  n := 1\n  print n + n\n", ServerSession.apply(text, edit.getChanges().get(MAIN)));
    }

    @Test
    void renameRefusesWithAReason() throws Exception {
        session.open(MAIN, ANIMALS + """
                other:
                  a := 1
                  b := 2
                  print a + b + (a + b).abs
                """);
        assertTrue(prepareFailure(9, 3).contains("'print' is declared in the library"), prepareFailure(9, 3));
        assertTrue(renameFailure(6, 4, "show").contains("'stringify' overrides a declaration in the library"),
                renameFailure(6, 4, "show"));
        assertEquals("'if' is reserved in Toit", renameFailure(8, 3, "if"));
        assertEquals("'2dog' is not a Toit identifier", renameFailure(8, 3, "2dog"));
        assertEquals("'a b' is not a Toit identifier", renameFailure(8, 3, "a b"));
        assertEquals("'b' is already declared in this method", renameFailure(15, 2, "b"));
        assertEquals("'Animal' is already declared in this file", renameFailure(2, 7, "Animal"));
        assertEquals("'speak' is already declared in class Dog", renameFailure(3, 3, "speak"));
        assertEquals("Nothing to rename here", prepareFailure(17, 10));   // on `+`
    }

    private String prepareFailure(int line, int character) throws Exception {
        return failure(session.documents().prepareRename(new PrepareRenameParams(new TextDocumentIdentifier(MAIN), new Position(line, character))));
    }

    private String renameFailure(int line, int character, String newName) throws Exception {
        return failure(session.documents().rename(new RenameParams(new TextDocumentIdentifier(MAIN), new Position(line, character), newName)));
    }

    private List<? extends Location> references(String uri, int line, int character, boolean declarations) throws Exception {
        return await(session.documents().references(new ReferenceParams(new TextDocumentIdentifier(uri), new Position(line, character),
                new ReferenceContext(declarations))));
    }

    private static List<Range> ranges(List<? extends Location> locations) {
        locations.forEach(l -> assertEquals(MAIN, l.getUri()));
        return locations.stream().map(Location::getRange).toList();
    }

    private static Range range(int line, int from, int to) {
        return new Range(new Position(line, from), new Position(line, to));
    }
}
