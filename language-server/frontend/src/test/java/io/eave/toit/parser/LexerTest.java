package io.eave.toit.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eave.toit.validation.ToitIssueCodes;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The lexer alone: how text is cut, and what it reports. */
class LexerTest {

    /** The non-hidden lexemes as KIND:text, space separated. */
    private static String lex(String text) {
        return ToitLexer.scan(text).lexemes().stream().filter(l -> !l.hidden())
                .map(l -> l.kind() + ":" + l.text()).collect(Collectors.joining(" "));
    }

    private static String issues(String text) {
        return ToitLexer.scan(text).issues().stream().map(i -> i.code().substring("io.eave.toit.".length()) + "@" + i.offset())
                .collect(Collectors.joining(" "));
    }

    @Test
    void identifiersWithInnerDashes() {
        assertEquals("WORD:foo-bar WORD:x-1 WORD:utf-8", lex("foo-bar x-1 utf-8"));
        assertEquals("WORD:a OPERATOR:-- WORD:b", lex("a--b"));
        assertEquals("WORD:a OPERATOR:-", lex("a-"));
        assertEquals("WORD:is-empty WORD:isx", lex("is-empty isx"));
    }

    @Test
    void numbers() {
        assertEquals("INT:123 INT:1_000 INT:0xFF_FF INT:0b101 FLOAT:1.5 FLOAT:.5 FLOAT:1e5 FLOAT:2.5e+7 FLOAT:0x1.8p3 FLOAT:0x.cp-2",
                lex("123 1_000 0xFF_FF 0b101 1.5 .5 1e5 2.5e+7 0x1.8p3 0x.cp-2"));
        assertEquals("INT:1 OPERATOR:. WORD:foo", lex("1.foo"));
        assertEquals("INT:0b10 INT:2", lex("0b102"));
        assertEquals("INT:1 OPERATOR:.. INT:3", lex("1..3"));
        assertEquals("malformed-number@0 malformed-number@5 malformed-number@8", issues("1__0 0x 0x1.8"));
    }

    @Test
    void characters() {
        assertEquals("CHAR:'a' CHAR:'\\n' CHAR:'\\x41' CHAR:'\\u{1F600}' CHAR:'\\''", lex("'a' '\\n' '\\x41' '\\u{1F600}' '\\''"));
        assertEquals("unterminated-character@0", issues("'a"));
        assertEquals("bad-escape@1", issues("'\\q'"));
    }

    @Test
    void stringsAndInterpolation() {
        assertEquals("STRING:\"a\\\"b\"", lex("\"a\\\"b\""));
        assertEquals("STRING_START:\"x=$ WORD:x OPERATOR:. WORD:y OPERATOR:[ INT:0 OPERATOR:] STRING_END:!\"",
                lex("\"x=$x.y[0]!\""));
        assertEquals("STRING_START:\"$( FORMAT:%5d WORD:n INTERPOLATION_END:) STRING_END:\"", lex("\"$(%5d n)\""));
        assertEquals("STRING_START:\"$( STRING_START:\"$ WORD:a STRING_END:\" INTERPOLATION_END:) STRING_END:\"",
                lex("\"$(\"$a\")\""));
        assertEquals("STRING:\"\"\"a\nb\"\"\"", lex("\"\"\"a\nb\"\"\""));
        assertEquals("bad-interpolation@1", issues("\"$5\""));
        assertEquals("malformed-format@3", issues("\"$(%5 x)\""));
        assertEquals("unterminated-string@0", issues("\"abc\nx"));
    }

    @Test
    void commentsNest() {
        assertEquals("WORD:a WORD:b", lex("a /* x /* y */ z */ b"));
        assertEquals("WORD:a", lex("a // c"));
        assertEquals("unterminated-comment@0", issues("/* /* */"));
        assertEquals("WORD:a", lex("/* \\*/ */ a"));
    }

    @Test
    void namedArgumentsAndOldOperators() {
        assertEquals("NAMED_NO:--no- WORD:cache OPERATOR:-- WORD:port", lex("--no-cache --port"));
        assertEquals("WORD:a WORD:and WORD:b WORD:or WORD:not WORD:c WORD:is WORD:not WORD:d",
                lex("a && b || !c is! d"));
        assertEquals("old-operator@2 old-operator@7 old-operator@10 old-operator@15", issues("a && b || !c is! d"));
    }

    @Test
    void continuationAndTabs() {
        assertEquals("WORD:a OPERATOR:+ WORD:b", lex("a + \\\nb"));
        assertEquals(ToitIssueCodes.TAB_INDENTATION, ToitLexer.scan("a\n\tb").issues().get(0).code());
        assertEquals("illegal-character@2", issues("a @"));
    }

    @Test
    void attachment() {
        var lexemes = ToitLexer.scan("a[1] b [2]").lexemes().stream().filter(l -> l.text().equals("[")).toList();
        assertEquals(true, lexemes.get(0).attached());
        assertEquals(false, lexemes.get(1).attached());
    }
}
