package io.eave.toit.ide;

import static io.eave.toit.ide.ServerSession.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eave.toit.ToitFrontEnd;
import io.eave.toit.ide.formatting.Untidy;
import io.eave.toit.services.AstPrinter;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.xtext.parser.IParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Formatting through a real client: indentation to two spaces per block and four per
 * continuation, spacing where Toit reads both spellings the same, nothing that carries meaning
 * (strings, comments, attached operators, declarations being typed), a second formatting that
 * changes nothing, and on every Toit text of the repository's suites the same tree.
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
    void bodiesGetTwoSpacesAndContinuationsFour() throws Exception {
        String text = """
                import math
                class Point:
                    x/int := 0
                    y/int := 0
                    constructor .x .y:
                       if x < 0:
                             print "negative"
                    norm -> float:
                        return math.sqrt
                                x * x + y * y
                main:
                   p := Point 1 2
                   [1, 2].do: | n |
                         print n
                   add := :: | a b |
                       a + b
                   print
                     add.call 1 2
                   total := 1 +
                           2
                   if p.x > 0:
                      print "right"
                   else:
                      print "left"
                """;
        assertEquals("""
                import math
                class Point:
                  x/int := 0
                  y/int := 0
                  constructor .x .y:
                    if x < 0:
                      print "negative"
                  norm -> float:
                    return math.sqrt
                        x * x + y * y
                main:
                  p := Point 1 2
                  [1, 2].do: | n |
                    print n
                  add := :: | a b |
                    a + b
                  print
                      add.call 1 2
                  total := 1 +
                      2
                  if p.x > 0:
                    print "right"
                  else:
                    print "left"
                """, formatTwice(text));
    }

    @Test
    void nestedContinuationsKeepTheirStructureAndBracketsOpenTwoDeeper() throws Exception {
        // the trailing block goes to `foo` (its body is less indented than `bar`), and stays so
        String text = """
                main:
                      foo 1
                             bar:
                         print 2
                      list := [
                              1,
                              2,
                      ]
                      x := compute 1
                          --named=2
                              --deeper=3
                      y := 1 + \\
                   2
                """;
        assertEquals("""
                main:
                  foo 1
                      bar:
                    print 2
                  list := [
                    1,
                    2,
                  ]
                  x := compute 1
                      --named=2
                          --deeper=3
                  y := 1 + \\
                      2
                """, formatTwice(text));
    }

    @Test
    void tabsInIndentationBecomeSpaces() throws Exception {
        assertEquals("main:\n  x := 1\n  if x:\n    print x\n", formatTwice("main:\n\tx := 1\n\tif x:\n\t\tprint x\n"));
    }

    @Test
    void commentLinesGoWithTheCodeTheyAreIn() throws Exception {
        String text = """
                class A:
                    // about foo
                    foo:
                        // nothing yet
                    bar:
                        x := 1
                            // more arguments to come
                        print x
                      // the end of bar
                // top level again
                main:
                 /* a block comment
                      over two lines */
                 print 1
                """;
        assertEquals("""
                class A:
                  // about foo
                  foo:
                    // nothing yet
                  bar:
                    x := 1
                        // more arguments to come
                    print x
                    // the end of bar
                // top level again
                main:
                  /* a block comment
                       over two lines */
                  print 1
                """, formatTwice(text));
    }

    @Test
    void spacingIsMadeRegularWhereItMeansTheSame() throws Exception {
        String text = """
                main:
                  x:=1+2
                  y ::= x*3-1
                  l := [x,y ,3]
                  x+=l[0]
                  z := x/2   *  y
                  k :=  3-y
                  m := {"a":1}
                  n := l[0    ]
                  o := [ 1,  2    ]
                  print  x  // aligned   comment
                """;
        assertEquals("""
                main:
                  x := 1 + 2
                  y ::= x * 3 - 1
                  l := [x, y, 3]
                  x += l[0]
                  z := x / 2 * y
                  k := 3 - y
                  m := {"a":1}
                  n := l[0]
                  o := [ 1, 2 ]
                  print x  // aligned   comment
                """, formatTwice(text));
    }

    @Test
    void spacingThatCarriesMeaningStays() throws Exception {
        String text = """
                foo a b=0 --flag/bool=false --name/string?=null -> int:
                  return a
                class C:
                  value_/int := 0
                  value= v/int:
                    value_ = v
                  operator + other -> C:
                    return this
                main:
                  a := 1
                  b := foo a -1
                  c := foo a - 1
                  d := a-b
                  e := [1]
                  f := e[0] + e [0].size
                  g := foo (a)
                  h := foo --flag --name="x" a
                  i := -a
                  j := foo a --no-flag
                  e.do: |x| print x
                  n/int := i--
                  s := e.size
                """;
        assertEquals(text, formatTwice(text));
    }

    @Test
    void stringsAndCommentsAreNotTouched() throws Exception {
        String text = """
                main:
                    s := \"""
                  first   line
                        x:=1+2
                      \"""
                    t := "a  b $(x+1) $(%5d  n)  c"
                    // a   comment   x:=1+2
                    v := /* x:=1 */ 'a'
                    w := s+t
                """;
        assertEquals("""
                main:
                  s := \"""
                  first   line
                        x:=1+2
                      \"""
                  t := "a  b $(x+1) $(%5d  n)  c"
                  // a   comment   x:=1+2
                  v := /* x:=1 */ 'a'
                  w := s + t
                """, formatTwice(text));
    }

    @Test
    void aDeclarationWithASyntaxErrorKeepsItsShape() throws Exception {
        String text = "good:\n    return 1+1\nbroken:\n    if x\n        print 1\n    y:=2   \nafter:\n      z:=3\n";
        session.logged.clear();
        assertEquals("good:\n  return 1 + 1\nbroken:\n    if x\n        print 1\n    y:=2\nafter:\n  z := 3\n", formatTwice(text));
        String log = session.logged.poll(20, TimeUnit.SECONDS).getMessage();
        assertTrue(log.contains("line 3 ('broken:')") && log.contains("syntax error at line"), log);
    }

    @Test
    void anIndentedFirstLineKeepsWhatItMeans() throws Exception {
        // the first line's indentation does not count: `bar` continues `foo` (a parameter)
        assertEquals("foo\n    bar\n", formatTwice("  foo\n  bar\n"));
        // after a blank line it counts: both lines are deeper than the top level, so `bar` continues `foo` here too;
        // the blank line stays, as `foo` stays indented (the first line's indentation would not count)
        assertEquals("\n    foo\n    bar\n", formatTwice("\n  foo\n  bar\n"));
    }

    @Test
    void trailingSpacesAndBlankRunsGoButStringsKeepTheirs() throws Exception {
        String text = "\n\nimport math   \n\n\n\n\nmain:  \n  x := \"\"\"\n    two spaces:  \n\n\n\n  \"\"\"   \n"
                + "  print x  // note  \n  y := 1 + \\  \n      2\n\n\n";
        assertEquals("import math\n\n\nmain:\n  x := \"\"\"\n    two spaces:  \n\n\n\n  \"\"\"\n"
                + "  print x  // note\n  y := 1 + \\  \n      2\n", formatTwice(text));
        assertEquals("main:\n  print 1\n", format("main:\n  print 1   "));   // the last line gets its break
    }

    @Test
    void rangeFormattingTakesWholeLinesAndKeepsMeaning() throws Exception {
        String text = "one:\n    a  \ntwo:\n    b  \n    c\n";
        // from the middle of `b`'s line to the middle of `c`'s: both lines, and nothing of `one`
        assertEquals("one:\n    a  \ntwo:\n  b\n  c\n", formatRange(text, new Range(new Position(3, 5), new Position(4, 2))));
        // only `b`: re-indenting it alone would make `c` an argument of `b`, so only its spaces go
        assertEquals("one:\n    a  \ntwo:\n    b\n    c\n", formatRange(text, new Range(new Position(3, 0), new Position(4, 0))));
    }

    /**
     * The repository's Toit files are formatted already, and come back from any untidiness that
     * keeps their meaning: indentation doubled or remapped by a random increasing map (the layout
     * only compares indentations), gaps between tokens widened, spaces at line ends; with blank
     * lines added they keep their trees.
     */
    @Test
    void theRepositorysToitFilesAreTidyAndComeBackFromAMess() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("toolchain/compiler/src/test/toit", "language-server/core-library/src/main/resources/toit",
                "language-server/frontend/src/main/resources/toit", "firmware/vm/bench", "plugins/io.eave.toit.wizards/samples")) {
            try (Stream<Path> walk = Files.walk(REPOSITORY.resolve(folder))) {
                walk.filter(p -> p.toString().endsWith(".toit")).sorted().forEach(files::add);
            }
        }
        assertTrue(files.size() >= 30, files.toString());
        ToitFrontEnd frontEnd = ToitFrontEnd.create();
        for (Path file : files) {
            String clean = Files.readString(file);
            assertEquals(clean, format(clean), file + " is already tidy");
            assertEquals(clean, format(Untidy.of(clean, false)), file + ": indentation doubled, spaces added, formatted back");
            Random random = new Random(file.getFileName().toString().hashCode());
            assertEquals(clean, format(Untidy.reindented(clean, random)), file + ": indentation remapped at random, formatted back");
            assertEquals(clean, format(Untidy.widened(clean, random)), file + ": spaces widened at random, formatted back");
            String untidy = Untidy.of(clean, true);
            String formatted = format(untidy);
            assertEquals(tree(frontEnd, untidy), tree(frontEnd, formatted), file + ": tree");
            assertEquals(formatted, format(formatted), file + ": a second formatting changes nothing");
        }
    }

    /**
     * Every Toit text of the front end's syntax suite (the string literals of its tests: parser,
     * scoping, validation, many of them broken on purpose), on its own and as the body of a method,
     * as it is, with its indentation doubled and blank lines and spaces added, and with its
     * indentation remapped at random: formatted, it parses to the same tree, and formatting it
     * again changes nothing.
     */
    @Test
    void theSyntaxSuitesTextsKeepTheirTrees() throws Exception {
        IParser parser = ToitFrontEnd.create().injector().getInstance(IParser.class);
        List<String> texts = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(REPOSITORY.resolve("language-server/frontend/src/test/java"))) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                for (String literal : javaStringLiterals(Files.readString(file))) {
                    if (literal.isBlank()) continue;
                    texts.add(literal);
                    texts.add("main:\n" + literal.lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n"));
                }
            }
        }
        assertTrue(texts.size() > 500, "texts: " + texts.size());
        int changed = 0;
        Random random = new Random(3);
        for (String text : texts) {
            for (String input : List.of(text, Untidy.of(text, true), Untidy.reindented(text, random))) {
                String formatted = format(input);
                assertEquals(parsed(parser, input), parsed(parser, formatted), "tree of:\n" + input);
                assertEquals(formatted, format(formatted), "a second formatting of:\n" + input);
                if (!formatted.equals(input)) changed++;
            }
        }
        assertTrue(changed > texts.size() / 2, "most texts were formatted: " + changed);
    }

    /** The text blocks and string literals of a Java source, as the compiler reads them. */
    private static List<String> javaStringLiterals(String java) {
        List<String> literals = new ArrayList<>();
        Matcher block = Pattern.compile("\"\"\"[ \\t]*\\n(.*?)\"\"\"", Pattern.DOTALL).matcher(java);
        StringBuilder rest = new StringBuilder();
        while (block.find()) {
            literals.add(block.group(1).stripIndent().translateEscapes());
            block.appendReplacement(rest, "\"\"");
        }
        block.appendTail(rest);
        Matcher plain = Pattern.compile("\"((?:\\\\.|[^\"\\\\\\n])*)\"").matcher(rest);
        while (plain.find()) {
            if (plain.group(1).contains("\\n")) literals.add(plain.group(1).translateEscapes());
        }
        return literals;
    }

    private static String parsed(IParser parser, String text) {
        EObject root = parser.parse(new StringReader(text)).getRootASTElement();
        return root == null ? "" : AstPrinter.print(root);
    }

    private static String tree(ToitFrontEnd frontEnd, String text) {
        return AstPrinter.print(frontEnd.analyze(List.of(new ToitFrontEnd.SourceFile("/corpus/x.toit", text))).unit("/corpus/x.toit"));
    }

    /** Formats {@code text}, then checks that formatting the result changes nothing. */
    private String formatTwice(String text) throws Exception {
        String formatted = format(text);
        assertEquals(formatted, format(formatted), "a second formatting changes nothing");
        return formatted;
    }

    private String format(String text) throws Exception {
        change(text);
        List<? extends TextEdit> edits = await(session.documents().formatting(
                new DocumentFormattingParams(new TextDocumentIdentifier(URI), new FormattingOptions(2, true))));
        return ServerSession.apply(text, List.copyOf(edits));
    }

    private String formatRange(String text, Range range) throws Exception {
        change(text);
        List<? extends TextEdit> edits = await(session.documents().rangeFormatting(new DocumentRangeFormattingParams(
                new TextDocumentIdentifier(URI), new FormattingOptions(2, true), range)));
        return ServerSession.apply(text, List.copyOf(edits));
    }

    private void change(String text) {
        session.documents().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, ++version),
                List.of(new TextDocumentContentChangeEvent(text))));
    }
}
