package io.eave.toit.parser;

import static io.eave.toit.ParseSupport.expression;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Every literal form. */
class LiteralsTest {

    @Test
    void numbers() {
        assertEquals("42", expression("42"));
        assertEquals("1000", expression("1_000"));
        assertEquals("255", expression("0xFF"));
        assertEquals("10", expression("0b1010"));
        assertEquals("0.5", expression(".5"));
        assertEquals("0.0015", expression("1.5e-3"));
        assertEquals("12.0", expression("0x1.8p3"));
        assertEquals("-1", expression("0xFFFF_FFFF_FFFF_FFFF"));
        assertEquals("10", expression("010"));
        assertEquals("(. 1 foo)", expression("1.foo"));
        assertEquals("(call 123 abc)", expression("123abc"));
    }

    @Test
    void characters() {
        assertEquals("'a'", expression("'a'"));
        assertEquals("'\n'", expression("'\\n'"));
        assertEquals("'A'", expression("'\\x41'"));
        assertEquals("'é'", expression("'\\u00e9'"));
        assertEquals("'😀'", expression("'\\u{1F600}'"));
        assertEquals("'''", expression("'\\''"));
    }

    @Test
    void strings() {
        assertEquals("\"hi\"", expression("\"hi\""));
        assertEquals("\"\"", expression("\"\""));
        assertEquals("\"a\\tb\"", expression("\"a\\\\tb\"").replace("\t", "\\t"));
        assertEquals("\"say \"hi\"\"", expression("\"\"\"say \"hi\"\"\"\""));
        assertEquals("\"$\"", expression("\"\\$\""));
    }

    @Test
    void tripleQuotedStringsDropIndentation() {
        String source = "x := \"\"\"\n    Hi\n      there\n    \"\"\"";
        assertEquals("(:= x \"Hi\\n  there\\n\")", expression(source));
    }

    @Test
    void tripleQuotedInterpolationDropsIndentationToo() {
        String source = "x := \"\"\"\n    a $y\n      b $(z)\n    \"\"\"";
        assertEquals("(:= x (template \"a \" y \"\\n  b \" z \"\\n\"))", expression(source));
    }

    @Test
    void interpolation() {
        assertEquals("(template \"\" name \"\")", expression("\"$name\""));
        assertEquals("(template \"p=\" (. obj field) \"\")", expression("\"p=$obj.field\""));
        assertEquals("(template \"\" (index items 0) \"\")", expression("\"$items[0]\""));
        assertEquals("(template \"\" (+ a b) \"!\")", expression("\"$(a + b)!\""));
        assertEquals("(template \"\" (%5d n) \" \" (%.2f x) \"\")", expression("\"$(%5d n) $(%.2f x)\""));
        assertEquals("(template \"\" x \".5\")", expression("\"$x.5\""));
        assertEquals("(template \"\" n-1 \"\")", expression("\"$n-1\""));
        assertEquals("(template \"\" (call max a b) \"\")", expression("\"$(max a b)\""));
        assertEquals("(template \"a \" x \" b \" y \" c\")", expression("\"a $x b $y c\""));
    }

    @Test
    void collections() {
        assertEquals("(list 1 2)", expression("[1, 2]"));
        assertEquals("(list 1 2)", expression("[1, 2,]"));
        assertEquals("(list)", expression("[]"));
        assertEquals("(bytes 1 255 'a')", expression("#[1, 0xff, 'a']"));
        assertEquals("(set 1 2)", expression("{1, 2}"));
        assertEquals("(map \"k\":1 \"j\":2)", expression("{\"k\": 1, \"j\": 2,}"));
        assertEquals("(set)", expression("{}"));
        assertEquals("(map)", expression("{:}"));
        assertEquals("(map \"f\":(call g (block it)))", expression("{\"f\": g: it}"));
    }

    @Test
    void constants() {
        assertEquals("(list true false null)", expression("[true, false, null]"));
    }
}
