package io.eave.toit.validation;

import static io.eave.toit.FrontEndSupport.analyze;
import static io.eave.toit.FrontEndSupport.assertClean;
import static io.eave.toit.FrontEndSupport.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eave.toit.ToitFrontEnd.Diagnostic;
import io.eave.toit.ToitFrontEnd.Result;
import io.eave.toit.ToitFrontEnd.Severity;
import org.junit.jupiter.api.Test;

/** Each check: its code, its position and length, and that valid code stays clean. */
class ValidationTest {

    private static Diagnostic only(String source) {
        Result result = analyze(source);
        assertEquals(1, result.diagnostics().size(), () -> result.diagnostics().toString());
        return result.diagnostics().get(0);
    }

    private static void assertIssue(String source, String code, int line, int column, int length) {
        Diagnostic d = only(source);
        assertEquals(code, d.code(), d.toString());
        assertEquals(line + ":" + column + "+" + length, d.line() + ":" + d.column() + "+" + d.length(), d.toString());
        assertTrue(d.message().length() > 10, d.message());
    }

    @Test
    void syntaxError() {
        assertIssue("main:\n  x := 1 +\n", ToitIssueCodes.SYNTAX_ERROR, 2, 11, 0);
    }

    @Test
    void unresolvedName() {
        assertIssue("main:\n  print undefined-thing\n", ToitIssueCodes.UNRESOLVED_NAME, 2, 9, 15);
    }

    @Test
    void wrongArgumentCount() {
        assertIssue("f x y: return x\nmain:\n  f 1\n", ToitIssueCodes.WRONG_ARGUMENT_COUNT, 3, 3, 3);
        assertIssue("f x: return x\nmain:\n  print f\n", ToitIssueCodes.WRONG_ARGUMENT_COUNT, 3, 9, 1);
        assertIssue("f [b]: return b.call\nmain:\n  f 1\n", ToitIssueCodes.WRONG_ARGUMENT_COUNT, 3, 3, 3);
        assertIssue("class P:\n  constructor x:\nmain:\n  p := P 1 2\n", ToitIssueCodes.WRONG_ARGUMENT_COUNT, 4, 8, 5);
    }

    @Test
    void namedArguments() {
        assertIssue("f --port/int=80: return port\nmain:\n  f --host=1\n", ToitIssueCodes.UNKNOWN_NAMED_ARGUMENT, 3, 3, 10);
        assertIssue("f --port/int: return port\nmain:\n  f\n", ToitIssueCodes.MISSING_NAMED_ARGUMENT, 3, 3, 1);
        assertClean("f --port/int=80 --secure/bool=false: return port\nmain:\n  f --port=1 --no-secure\n  f\n");
    }

    @Test
    void aReturnTypeGivenTwice() {
        assertIssue("f -> int -> int: return 1\n", ToitIssueCodes.TWO_RETURN_TYPES, 1, 10, 2);
        assertIssue("class A:\n  g x -> int -> string:\n    return \"\"\n", ToitIssueCodes.TWO_RETURN_TYPES, 2, 14, 2);
        assertClean("f x/int -> int:\n  return x\n");
    }

    @Test
    void duplicateDeclarations() {
        assertIssue("f x: return 1\nf y: return 2\n", ToitIssueCodes.DUPLICATE_DECLARATION, 2, 1, 1);
        assertIssue("class A:\n  x := 0\n  x := 1\n", ToitIssueCodes.DUPLICATE_DECLARATION, 3, 3, 1);
        assertIssue("main:\n  a := 1\n  a := 2\n", ToitIssueCodes.DUPLICATE_DECLARATION, 3, 3, 1);
        assertIssue("f a a: return a\n", ToitIssueCodes.DUPLICATE_DECLARATION, 1, 5, 1);
        assertClean("f x: return 1\nf x y: return 2\nf x --z: return 3\nclass A:\n  v := 0\n  v= x: v = x\n");
    }

    @Test
    void returnValueFromNone() {
        assertIssue("f -> none:\n  return 3\n", ToitIssueCodes.RETURN_VALUE_FROM_NONE, 2, 10, 1);
        assertClean("f -> none:\n  g := :: return 3\n  return\n");
    }

    @Test
    void oldOperators() {
        assertIssue("f a b: return a && b\n", ToitIssueCodes.OLD_OPERATOR, 1, 17, 2);
        assertIssue("f a b: return a || b\n", ToitIssueCodes.OLD_OPERATOR, 1, 17, 2);
        assertIssue("f a: return !a\n", ToitIssueCodes.OLD_OPERATOR, 1, 13, 1);
        assertIssue("f a: return a is! int\n", ToitIssueCodes.OLD_OPERATOR, 1, 17, 1);
    }

    @Test
    void tabsInIndentation() {
        assertIssue("main:\n\tprint 1\n", ToitIssueCodes.TAB_INDENTATION, 2, 1, 1);
    }

    @Test
    void badEscapes() {
        assertIssue("main:\n  print \"a\\qb\"\n", ToitIssueCodes.BAD_ESCAPE, 2, 11, 2);
        assertIssue("main:\n  print \"a\\sb\"\n", ToitIssueCodes.BAD_ESCAPE, 2, 11, 2);
        assertClean("main:\n  print \"\"\"a\\sb\"\"\"\n  print \"\\x41\\u00e9\\u{1F600}\\$\\\\\\\"\\0\\n\"\n");
        assertIssue("main:\n  print 'ab'\n", ToitIssueCodes.MALFORMED_CHARACTER, 2, 9, 4);
    }

    @Test
    void attachedParenthesisIsAWarning() {
        Diagnostic d = only("main:\n  print(1)\n");
        assertEquals(ToitIssueCodes.ATTACHED_PARENTHESIS, d.code());
        assertEquals(Severity.WARNING, d.severity());
        assertEquals("2:8", d.line() + ":" + d.column());
        assertClean("main:\n  print(1)  // @no-warn\n");
    }

    @Test
    void binaryMinusSpacingIsAWarning() {
        Diagnostic d = only("main:\n  x := 3\n  print x- 1\n");
        assertEquals(ToitIssueCodes.BINARY_MINUS_SPACING, d.code());
        assertEquals(Severity.WARNING, d.severity());
    }

    @Test
    void numbers() {
        assertIssue("x := 9223372036854775808\n", ToitIssueCodes.NUMBER_OUT_OF_RANGE, 1, 6, 19);
        assertClean("x := -9223372036854775808\ny := 0xFFFF_FFFF_FFFF_FFFF\n");
        assertIssue("x := -0xFF\n", ToitIssueCodes.NEGATED_HEX_LITERAL, 1, 7, 4);
        assertIssue("x := 1__0\n", ToitIssueCodes.MALFORMED_NUMBER, 1, 6, 4);
        assertIssue("x := 0x1.8\n", ToitIssueCodes.MALFORMED_NUMBER, 1, 6, 5);
    }

    @Test
    void importsComeFirst() {
        assertIssue("f: return 1\nimport math\n", ToitIssueCodes.IMPORT_AFTER_DECLARATION, 2, 1, 11);
    }

    @Test
    void illegalCharacters() {
        assertIssue("main:\n  x := 1 @ 2\n", ToitIssueCodes.ILLEGAL_CHARACTER, 2, 10, 1);
    }

    @Test
    void inconsistentIndentation() {
        Result result = analyze("main:\n    a := 1\n  b := 2\n");
        assertTrue(summary(result).contains("3:3 inconsistent-indentation"), summary(result));
        assertEquals(1, result.errors().size(), summary(result));
    }

    @Test
    void shownNamesAndFieldParameters() {
        Result result = io.eave.toit.FrontEndSupport.project(
                "a.toit", "import .b show f g\nclass P:\n  x := 0\n  constructor .x .y:\n",
                "b.toit", "f: return 1\n");
        assertEquals("1:18 unresolved-name\n4:19 unresolved-name", summary(result));
    }

    @Test
    void declarationRules() {
        assertIssue("f x\n", ToitIssueCodes.MISSING_BODY, 1, 1, 1);
        assertIssue("abstract class A:\n  abstract f: return 1\n", ToitIssueCodes.MISSING_BODY, 2, 3, 8);
        assertIssue("class A:\n  abstract f\n", ToitIssueCodes.ABSTRACT_MEMBER_IN_CONCRETE_CLASS, 2, 3, 8);
        assertIssue("x/int\n", ToitIssueCodes.MISSING_INITIALIZER, 1, 1, 1);
        assertIssue("f a=1 b: return a\n", ToitIssueCodes.PARAMETER_ORDER, 1, 7, 1);
        assertIssue("main:\n  l := :: | a b c d e | a\n", ToitIssueCodes.TOO_MANY_PARAMETERS, 2, 21, 1);
        assertIssue("abstract interface I:\n", ToitIssueCodes.BAD_CLASS_HEADER, 1, 1, 8);
        assertIssue("mixin M:\nclass A with M:\n", ToitIssueCodes.BAD_CLASS_HEADER, 2, 14, 1);
        assertIssue("f x: return x\nmain:\n  y := 0\n  f (y = 1)\n", ToitIssueCodes.MISPLACED_ASSIGNMENT, 4, 6, 5);
        assertClean("interface I:\n  f x\nabstract class A:\n  abstract g\nmain:\n  a := 0\n  b := 0\n  a = b = 1\n  for ;; a = 2: break\n");
    }

    @Test
    void removedAndMissingSyntaxHasClearMessages() {
        assertIssue("main:\n  x := 0\n  y := --x\n", ToitIssueCodes.PREFIX_DECREMENT, 3, 8, 2);
        assertIssue("main:\n  x := 0\n  --x\n", ToitIssueCodes.PREFIX_DECREMENT, 3, 3, 2);
        Diagnostic d = analyze("f a b: return a\nmain:\n  f (1, 2)\n").errors().get(0);
        assertTrue(d.message().contains("no argument lists"), d.message());
    }

    @Test
    void reservedNames() {
        Diagnostic d = only("catch x: return x\n");
        assertEquals(ToitIssueCodes.RESERVED_NAME, d.code());
        assertEquals(Severity.WARNING, d.severity());
        assertIssue("main:\n  _ := 1\n", ToitIssueCodes.RESERVED_NAME, 2, 3, 1);
    }

    @Test
    void breakAndContinueNeedALoopAroundThem() {
        assertIssue("main:\n  break\n", ToitIssueCodes.BREAK_OUTSIDE_LOOP, 2, 3, 5);
        assertIssue("main:\n  [1].do: continue\n", ToitIssueCodes.CONTINUE_OUTSIDE_LOOP, 2, 11, 8);
        assertTrue(only("main:\n  [1].do: continue\n").message().contains("continue.do"), "points to continue.label");
        // A lambda may run after the loop is gone: it is a boundary.
        assertIssue("main:\n  while true:\n    f := :: break\n", ToitIssueCodes.BREAK_OUTSIDE_LOOP, 3, 13, 5);
        assertClean("""
                main:
                  while true:
                    [1, 2].do: if it == 2: break
                  for i := 0; i < 3; i++:
                    3.repeat:
                      if it == i: continue
                  [1].do: continue.do
                  [1].do: | x | if x > 0: continue.do
                """);
    }

    @Test
    void aVariableIsCalledWithDotCall() {
        assertIssue("main:\n  x := 5\n  x 3\n", ToitIssueCodes.CALL_OF_VARIABLE, 3, 3, 1);
        assertIssue("run f/Lambda:\n  f 1\n\nmain:\n  run:: it\n", ToitIssueCodes.CALL_OF_VARIABLE, 2, 3, 1);
        assertClean("run f/Lambda:\n  f.call 1\n\nmain:\n  run:: it\n");
    }

    @Test
    void labelledBreak() {
        assertIssue("main:\n  [1].do: break.do\n", ToitIssueCodes.LABELLED_BREAK, 2, 17, 2);
    }

    @Test
    void aRealisticProgramIsClean() {
        assertClean("""
                import math

                /// A shape with an area.
                interface Shape:
                  area -> float

                class Circle implements Shape:
                  radius/float
                  constructor .radius:
                  area -> float: return math.PI * radius * radius
                  stringify -> string: return "circle($(%.1f radius))"

                class Rect implements Shape:
                  w/float
                  h/float
                  constructor .w .h:
                  constructor.square side/float:
                    w = side
                    h = side
                  area -> float: return w * h

                total shapes/List -> float:
                  sum := 0.0
                  shapes.do: | s/Shape |
                    sum += s.area
                  return sum

                main:
                  shapes := [Circle 1.0, Rect 2.0 3.0, Rect.square 2.0]
                  print "total: $(%.2f total shapes)"
                  counts := {:}
                  shapes.do:
                    name := it.stringify
                    counts[name] = (counts.get name --if-absent=: 0) + 1
                  for i := 0; i < shapes.size; i++:
                    if i % 2 == 0: continue
                    print i
                  e := catch:
                    throw "boom"
                  if e: print "caught $e"
                  try:
                    sleep --ms=1
                  finally:
                    print "done"
                """);
    }
}
