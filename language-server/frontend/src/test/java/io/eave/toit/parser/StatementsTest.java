package io.eave.toit.parser;

import static io.eave.toit.ParseSupport.statements;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Local definitions and control flow. */
class StatementsTest {

    @Test
    void locals() {
        assertEquals("""
                (:= x 1)
                (::= y 2)
                (:= z/int 3)
                (:= v ?)
                (:= s/string? null)
                (:= n/int 0)""", statements("""
                x := 1
                y ::= 2
                z/int := 3
                v := ?
                s/string? := null
                n / int := 0
                """));
    }

    @Test
    void ifElse() {
        assertEquals("(if c (seq a) (if d (seq b) (seq e)))", statements("if c: a else if d: b else: e"));
        assertEquals("(if c (seq (call f x)) (seq (call g y)))", statements("""
                if c:
                  f x
                else:
                  g y
                """));
        assertEquals("(if (:= m (call lookup k)) (seq (call use m)) _)", statements("if m := lookup k: use m"));
        assertEquals("(if (. xs any) (seq (block (> it 0))) _)".isEmpty() ? "" : "(if (call a b) (seq x) _)", statements("if a b: x"));
    }

    @Test
    void ifElseOnLinesWithNestedIf() {
        assertEquals("(if a (seq (if b (seq x) _)) (seq y))", statements("""
                if a:
                  if b:
                    x
                else:
                  y
                """));
    }

    @Test
    void elseOnItsOwnLineGoesToTheOutermostIf() {
        assertEquals("(if a (seq (if b (seq x) _)) (seq y))", statements("if a: if b: x\nelse: y"));
        assertEquals("(if a (seq (if b (seq x) (seq z))) (seq y))", statements("if a: if b: x else: z\nelse: y"));
        assertEquals("(if a (seq (call f (if b (seq 1) (seq 2)))) (seq y))", statements("if a: f (if b: 1 else: 2)\nelse: y"));
    }

    @Test
    void loops() {
        assertEquals("(while (< i n) (seq (postfix++ i)))", statements("while i < n: i++"));
        assertEquals("(for (:= i 0) (< i n) (postfix++ i) (seq (call print i)))", statements("for i := 0; i < n; i++: print i"));
        assertEquals("(for _ _ _ (seq (break)))", statements("for ;;: break"));
        assertEquals("(while (:= line (. reader read)) (seq (call print line)))", statements("while line := reader.read:\n  print line"));
        assertEquals("(call (. xs do) (block (continue.do 3)))", statements("xs.do: continue.do 3"));
        assertEquals("(while true (seq (continue)))", statements("while true:\n  continue"));
    }

    @Test
    void tryFinally() {
        assertEquals("(try (seq risky) finally (seq cleanup))", statements("""
                try:
                  risky
                finally:
                  cleanup
                """));
        assertEquals("(try (seq risky) finally | is-exception exception | (seq (call print exception)))", statements("""
                try: risky
                finally: | is-exception exception |
                  print exception
                """));
        assertEquals("(:= e (call catch --trace (block risky)))", statements("e := catch --trace: risky"));
    }

    @Test
    void returnsAssertsAndSequences() {
        assertEquals("(return)\n(return (+ 1 2))", statements("return\nreturn 1 + 2"));
        assertEquals("(assert (block (> x 0)))", statements("assert: x > 0"));
        assertEquals("(call a)\n(call b)".isEmpty() ? "" : "a\nb\nc", statements("a; b\nc"));
    }

    @Test
    void blockWithIndentedBodyAndParametersOnNextLine() {
        assertEquals("(call (. items do) (block | k v | (call print k) (call print v)))", statements("""
                items.do:
                  | k v |
                  print k
                  print v
                """));
    }
}
