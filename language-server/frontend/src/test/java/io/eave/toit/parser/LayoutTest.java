package io.eave.toit.parser;

import static io.eave.toit.ParseSupport.statements;
import static io.eave.toit.ParseSupport.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which construct a line belongs to: continuation arguments, operators, blocks, brackets. */
class LayoutTest {

    @Test
    void argumentsOnContinuationLinesAreFullExpressions() {
        assertEquals("(call f a (call g b) (call h c))", statements("""
                f a
                    g b
                    h c
                """));
        assertEquals("(call foo a (call b c) d)", statements("""
                foo a
                    b
                        c
                    d
                """));
    }

    @Test
    void namedArgumentsOnTheirOwnLines() {
        assertEquals("(:= result (call compute x --named=(call value 1) --other))", statements("""
                result := compute x
                    --named=value 1
                    --other
                """));
    }

    @Test
    void operatorsContinueAnExpression() {
        assertEquals("(:= x (+ a b))", statements("x := a\n    + b"));
        assertEquals("(:= x (- a b))", statements("x := a\n    - b"));
        assertEquals("(:= x (+ a (call f b)))", statements("x := a +\n  f b"));
        assertEquals("(:= x (* (+ a (call f b c)) 2))".isEmpty() ? "" : "(:= x (+ a (call f b c)))\n(call print x)",
                statements("x := a +\n    f b\n      c\nprint x"));
        assertEquals("(:= x (+ 1 2))\n(:= y 3)", statements("x := 1 +\n  2; y := 3"));
        assertEquals("(if (+ a (> b 3)) (seq (call print 1)) _)", statements("if a +\n    b > 3:\n  print 1"));
        assertEquals("(call a (- b))", statements("a\n    -b"));
        assertEquals("(if (and a b) (seq x) _)", statements("if a\n    and b:\n  x"));
        assertEquals("(:= x (+ 1 2))", statements("x := 1 + \\\n2"));
    }

    @Test
    void trailingBlockGoesToTheCallWhoseLineIsLessIndented() {
        assertEquals("(call f x (call g (block a)))", statements("f x\n    g:\n      a"));
        assertEquals("(call f x g (block a))", statements("f x\n    g:\n  a"));
    }

    @Test
    void blockArgumentsOnContinuationLines() {
        assertEquals("(call f (block a) (block b))", statements("f\n  : a\n  : b"));
    }

    @Test
    void sameLineBodyIsContinuedByDeeperLines() {
        assertEquals("(if c (seq (call f x)) _)", statements("if c: f\n    x"));
    }

    @Test
    void bracketsSuspendLayoutButNotBlockBodies() {
        assertEquals("(:= x (map \"a\":1 \"b\":(list 1 2)))", statements("""
                x := {
                  "a": 1,
                  "b": [
                    1, 2,
                  ],
                }
                """));
        assertEquals("(call foo (call bar (block | x | (+ x 1))))", statements("""
                foo (bar: | x |
                      x + 1
                    )
                """));
    }

    @Test
    void aCommaEndsTheBodyOfABlockOpenedInsideTheBrackets() {
        // the comma after the lambda's last line separates the list's elements
        assertEquals("(:= ops (list (call op --run=(lambda | a | (:= b (+ a 1)) (call f b))) (call op --run=(lambda | a | a))))",
                statements("""
                        ops := [
                          op
                              --run=:: | a |
                                  b := a + 1
                                  f b,
                          op
                              --run=:: | a |
                                  a,
                        ]
                        """));
        assertEquals("(:= m (map \"k\":(lambda (call g it)) \"l\":2))", statements("m := {\n  \"k\": ::\n    g it,\n  \"l\": 2,\n}\n"));
    }

    @Test
    void aBodyOnItsOpenersLineEndsAtTheNextLineThatIsNotDeeperInsideBrackets() {
        // the reference parser's layout holds inside brackets: `--required` is an argument of
        // `option`, not of `pick`, which only a deeper line would continue
        assertEquals("(:= options (list (call option \"d\" --complete=(lambda (call pick it)) --required) (call flag \"f\")))",
                statements("""
                        options := [
                          option "d"
                              --complete=:: pick it
                              --required,
                          flag "f",
                        ]
                        """));
        assertEquals("(call f (list (call g --each=(block | x | (call use x 1)) --last)))", statements("""
                f [
                  g
                    --each=: | x | use x
                        1
                    --last
                ]
                """));
    }

    @Test
    void lambdaOnItsOwnLines() {
        assertEquals("(:= t (call task (lambda (call print 1) (call print 2))))", statements("""
                t := task::
                  print 1
                  print 2
                """));
    }

    @Test
    void firstLineMayBeIndentedAndCommentsDoNotCount() {
        assertEquals("(field x := 1)\n(field y := 2)", tree("  x := 1\n/* c */y := 2\n"));
    }

    @Test
    void blankLinesAndCommentLinesInBodies() {
        assertEquals("(method main a b)", tree("""
                main:
                  a

                  // comment
                      /* nested /* comment */ */
                  b
                """));
    }

    @Test
    void shebangLineIsSkipped() {
        assertEquals("(method main (call print 1))", tree("#!/usr/bin/env toit\nmain: print 1\n"));
    }

    @Test
    void crlfLineBreaks() {
        assertEquals("(method main a b)", tree("main:\r\n  a\r\n  b\r\n"));
    }
}
