package io.eave.toit.lexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Every lexical form of ../shared/toit-language.md and toit-grammar-facts.md, as kinds and texts. */
class ToitScannerTest {

    /** Tokens as "KIND text" lines, the form every assertion here compares. */
    private static List<String> tokens(String source) {
        return ToitScanner.scan(source).stream()
                .map(t -> t.kind() + " " + t.text(source))
                .collect(Collectors.toList());
    }

    private static void assertTokens(String source, String... expected) {
        assertEquals(List.of(expected), tokens(source), () -> "tokens of: " + source);
    }

    @Test
    void keywordsAndIdentifiersWithInnerDashes() {
        assertTokens("if foo-bar and not x-1 or is-empty",
                "KEYWORD if", "IDENTIFIER foo-bar", "KEYWORD and", "KEYWORD not", "IDENTIFIER x-1",
                "KEYWORD or", "IDENTIFIER is-empty");
        assertTokens("x - 1", "IDENTIFIER x", "OPERATOR -", "NUMBER 1");
        assertTokens("a- b", "IDENTIFIER a", "OPERATOR -", "IDENTIFIER b");
        assertTokens("x is not Foo", "IDENTIFIER x", "KEYWORD is", "KEYWORD not", "IDENTIFIER Foo");
        assertTokens("_x x_ a__b utf-8", "IDENTIFIER _x", "IDENTIFIER x_", "IDENTIFIER a__b", "IDENTIFIER utf-8");
        assertTokens("this super constructor", "KEYWORD this", "KEYWORD super", "KEYWORD constructor");
        assertTokens("throw catch", "IDENTIFIER throw", "IDENTIFIER catch");
    }

    @Test
    void contextualKeywordsOnlyInTheirContext() {
        assertTokens("abstract class B extends A with M implements I:",
                "KEYWORD abstract", "KEYWORD class", "IDENTIFIER B", "KEYWORD extends", "IDENTIFIER A",
                "KEYWORD with", "IDENTIFIER M", "KEYWORD implements", "IDENTIFIER I", "PUNCTUATION :");
        assertTokens("monitor Counter:\n  with := 3",
                "KEYWORD monitor", "IDENTIFIER Counter", "PUNCTUATION :", "IDENTIFIER with", "OPERATOR :=", "NUMBER 3");
        assertTokens("interface Shape:", "KEYWORD interface", "IDENTIFIER Shape", "PUNCTUATION :");
        assertTokens("mixin := 1", "IDENTIFIER mixin", "OPERATOR :=", "NUMBER 1");
        assertTokens("import encoding.json show encode",
                "KEYWORD import", "IDENTIFIER encoding", "PUNCTUATION .", "IDENTIFIER json", "KEYWORD show", "IDENTIFIER encode");
        assertTokens("x.show 1", "IDENTIFIER x", "PUNCTUATION .", "IDENTIFIER show", "NUMBER 1");
        assertTokens("  operator + other", "KEYWORD operator", "OPERATOR +", "IDENTIFIER other");
        assertTokens("  static operator [] i", "KEYWORD static", "KEYWORD operator", "BRACKET [", "BRACKET ]", "IDENTIFIER i");
        assertTokens("#primitive.core.print", "KEYWORD #primitive", "PUNCTUATION .", "IDENTIFIER core",
                "PUNCTUATION .", "IDENTIFIER print");
    }

    @Test
    void namedArgumentsAndParameters() {
        assertTokens("connect --port=80 --no-secure --.y=0",
                "IDENTIFIER connect", "NAMED_ARGUMENT --port", "OPERATOR =", "NUMBER 80",
                "NAMED_ARGUMENT --no-secure", "NAMED_ARGUMENT --.y", "OPERATOR =", "NUMBER 0");
        assertTokens("[--if-absent]", "BRACKET [", "NAMED_ARGUMENT --if-absent", "BRACKET ]");
        // attached to an operand, -- is the postfix decrement: a--b is (a--) b
        assertTokens("a--b", "IDENTIFIER a", "OPERATOR --", "IDENTIFIER b");
        assertTokens("x--", "IDENTIFIER x", "OPERATOR --");
    }

    @Test
    void numbersInEveryForm() {
        assertTokens("42 1_000 0xFF 0b1010 .5 1.5e-3 0x1.8p3 0x.cp-2 0x10p4 2.5e+7 1E5",
                "NUMBER 42", "NUMBER 1_000", "NUMBER 0xFF", "NUMBER 0b1010", "NUMBER .5", "NUMBER 1.5e-3",
                "NUMBER 0x1.8p3", "NUMBER 0x.cp-2", "NUMBER 0x10p4", "NUMBER 2.5e+7", "NUMBER 1E5");
        assertTokens("1.foo", "NUMBER 1", "PUNCTUATION .", "IDENTIFIER foo");
        assertTokens("123abc", "NUMBER 123", "IDENTIFIER abc");
        assertTokens("0b102", "NUMBER 0b10", "NUMBER 2");
        assertTokens("1__0 1_ 0x_1 0x 1e 1.5e+ 0x1.8",
                "ILLEGAL 1__0", "ILLEGAL 1_", "ILLEGAL 0x_1", "ILLEGAL 0x", "ILLEGAL 1e", "ILLEGAL 1.5e+", "ILLEGAL 0x1.8");
        assertTokens("a[1..3]", "IDENTIFIER a", "BRACKET [", "NUMBER 1", "PUNCTUATION ..", "NUMBER 3", "BRACKET ]");
    }

    @Test
    void characters() {
        assertTokens("'a' '\\n' '\\x41' '\\u00e9' '\\u{1F600}' '\\''",
                "CHARACTER 'a'", "CHARACTER '\\n'", "CHARACTER '\\x41'", "CHARACTER '\\u00e9'",
                "CHARACTER '\\u{1F600}'", "CHARACTER '\\''");
        assertTokens("'\\q'", "ILLEGAL '\\q'");
        assertTokens("'a\nb", "ILLEGAL 'a", "IDENTIFIER b");
    }

    @Test
    void stringsWithEscapes() {
        assertTokens("\"hi\"", "STRING \"hi\"");
        assertTokens("\"\"", "STRING \"\"");
        assertTokens("\"a\\tb\\$c\"", "STRING \"a", "STRING_ESCAPE \\t", "STRING b", "STRING_ESCAPE \\$", "STRING c\"");
        assertTokens("\"\\x41\\u00e9\\u{1F600}\"", "STRING \"", "STRING_ESCAPE \\x41", "STRING_ESCAPE \\u00e9",
                "STRING_ESCAPE \\u{1F600}", "STRING \"");
        assertTokens("\"\\q\"", "STRING \"", "ILLEGAL \\q", "STRING \"");
        assertTokens("\"\\s\"", "STRING \"", "ILLEGAL \\s", "STRING \"");   // \s only in triple-quoted strings
        assertTokens("\"\"\"a\\sb\"\"\"", "STRING \"\"\"a", "STRING_ESCAPE \\s", "STRING b\"\"\"");
        assertTokens("\"open\nx", "STRING \"open", "IDENTIFIER x");   // never closed: ends at the line end
    }

    @Test
    void tripleQuotedStringsSpanLinesAndTakeTrailingQuotes() {
        String source = "s := \"\"\"\n  one\n  two \"\"\"\nx";
        assertTokens(source, "IDENTIFIER s", "OPERATOR :=", "STRING \"\"\"\n  one\n  two \"\"\"", "IDENTIFIER x");
        assertTokens("\"\"\"say \"hi\"\"\"\"", "STRING \"\"\"say \"hi\"\"\"\"");
        assertTokens("\"\"\"\"\"\"", "STRING \"\"\"\"\"\"");
    }

    @Test
    void interpolationOfNamesMembersAndIndexes() {
        assertTokens("\"$name!\"", "STRING \"", "INTERPOLATION $name", "STRING !\"");
        assertTokens("\"$obj.field.x\"", "STRING \"", "INTERPOLATION $obj", "INTERPOLATION .field", "INTERPOLATION .x", "STRING \"");
        assertTokens("\"$items[0]\"", "STRING \"", "INTERPOLATION $items", "INTERPOLATION [", "NUMBER 0",
                "INTERPOLATION ]", "STRING \"");
        assertTokens("\"$n-1\"", "STRING \"", "INTERPOLATION $n-1", "STRING \"");
        assertTokens("\"$x.5 $x [0]\"", "STRING \"", "INTERPOLATION $x", "STRING .5 ", "INTERPOLATION $x", "STRING  [0]\"");
        assertTokens("\"$host:$port\"", "STRING \"", "INTERPOLATION $host", "STRING :", "INTERPOLATION $port", "STRING \"");
        assertTokens("\"$true\"", "STRING \"", "ILLEGAL $true", "STRING \"");
        assertTokens("\"$5\"", "STRING \"", "ILLEGAL $", "STRING 5\"");
    }

    @Test
    void interpolationOfCodeAndFormats() {
        assertTokens("\"$(a + b)\"", "STRING \"", "INTERPOLATION $(", "IDENTIFIER a", "OPERATOR +", "IDENTIFIER b",
                "INTERPOLATION )", "STRING \"");
        assertTokens("\"$(%5d n) $(%.2f x) $(%-8s s)\"",
                "STRING \"", "INTERPOLATION $(", "FORMAT %5d", "IDENTIFIER n", "INTERPOLATION )", "STRING  ",
                "INTERPOLATION $(", "FORMAT %.2f", "IDENTIFIER x", "INTERPOLATION )", "STRING  ",
                "INTERPOLATION $(", "FORMAT %-8s", "IDENTIFIER s", "INTERPOLATION )", "STRING \"");
        assertTokens("\"$(%5 x)\"", "STRING \"", "INTERPOLATION $(", "ILLEGAL %5", "IDENTIFIER x", "INTERPOLATION )", "STRING \"");
        // strings, calls and parentheses nest inside the interpolated code
        assertTokens("\"$(f (g \"in $x\"))\"",
                "STRING \"", "INTERPOLATION $(", "IDENTIFIER f", "BRACKET (", "IDENTIFIER g", "STRING \"in ",
                "INTERPOLATION $x", "STRING \"", "BRACKET )", "INTERPOLATION )", "STRING \"");
    }

    @Test
    void nestedAndDocComments() {
        assertTokens("a /* one /* two */ still */ b", "IDENTIFIER a", "COMMENT /* one /* two */ still */", "IDENTIFIER b");
        assertTokens("/** doc */ /**/ x", "DOC_COMMENT /** doc */", "COMMENT /**/", "IDENTIFIER x");
        assertTokens("/// doc\n// plain\nx", "DOC_COMMENT /// doc", "COMMENT // plain", "IDENTIFIER x");
        assertTokens("/* a \\*/ b */c", "COMMENT /* a \\*/ b */", "IDENTIFIER c");
        assertTokens("/* never closed", "COMMENT /* never closed");
        assertTokens("#!/usr/bin/env toit\nx", "COMMENT #!/usr/bin/env toit", "IDENTIFIER x");
    }

    @Test
    void operatorsByLongestMatch() {
        assertTokens("a >>>= b >>> c >>= d >> e ::= f :: g := h",
                "IDENTIFIER a", "OPERATOR >>>=", "IDENTIFIER b", "OPERATOR >>>", "IDENTIFIER c", "OPERATOR >>=",
                "IDENTIFIER d", "OPERATOR >>", "IDENTIFIER e", "OPERATOR ::=", "IDENTIFIER f", "PUNCTUATION ::",
                "IDENTIFIER g", "OPERATOR :=", "IDENTIFIER h");
        assertTokens("x != y -> z ? 1 : 2", "IDENTIFIER x", "OPERATOR !=", "IDENTIFIER y", "OPERATOR ->",
                "IDENTIFIER z", "OPERATOR ?", "NUMBER 1", "PUNCTUATION :", "NUMBER 2");
    }

    @Test
    void oldOperatorsAndIllegalCharactersAreIllegal() {
        assertTokens("!a && b || c", "ILLEGAL !", "IDENTIFIER a", "ILLEGAL &&", "IDENTIFIER b", "ILLEGAL ||", "IDENTIFIER c");
        assertTokens("a @ b ` é", "IDENTIFIER a", "ILLEGAL @", "IDENTIFIER b", "ILLEGAL `", "ILLEGAL é");
        assertTokens("# x", "ILLEGAL #", "IDENTIFIER x");
    }

    @Test
    void literalsAndContinuation() {
        assertTokens("#[1, 0xff, 'a']", "BRACKET #[", "NUMBER 1", "PUNCTUATION ,", "NUMBER 0xff", "PUNCTUATION ,",
                "CHARACTER 'a'", "BRACKET ]");
        assertTokens("{:}", "BRACKET {", "PUNCTUATION :", "BRACKET }");
        assertTokens("x := 1 + \\\n2", "IDENTIFIER x", "OPERATOR :=", "NUMBER 1", "OPERATOR +", "NUMBER 2");
        assertTokens("a \\ b", "IDENTIFIER a", "ILLEGAL \\", "IDENTIFIER b");
    }

    @Test
    void tokensCoverTheTextInOrderForAnyInput() {
        Random random = new Random(7);
        String alphabet = "ab-_ 1.0x\"'$()[]{}/*\\\n:=%#!&|e";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            int end = 0;
            for (Token token : ToitScanner.scan(text)) {
                assertTrue(token.offset() >= end && token.length() > 0 && token.end() <= text.length(),
                        () -> "bad token " + token + " in " + text);
                end = token.end();
            }
        }
    }
}
