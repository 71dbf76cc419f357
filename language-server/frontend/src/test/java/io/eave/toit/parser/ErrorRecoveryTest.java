package io.eave.toit.parser;

import static io.eave.toit.ParseSupport.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eave.toit.FrontEndSupport;
import io.eave.toit.ToitFrontEnd;
import io.eave.toit.ast.Method;
import io.eave.toit.ast.Unit;
import java.util.List;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.Test;

/** One broken line gives one error on that line, and the rest of the file still parses. */
class ErrorRecoveryTest {

    private static List<Resource.Diagnostic> errors(String source) {
        return load(source).getErrors();
    }

    /** Syntax, lexical, layout and name errors together: exactly one, on {@code line}. */
    private static void assertOneErrorOnLine(String source, int line) {
        List<ToitFrontEnd.Diagnostic> errors = FrontEndSupport.analyze(source).errors();
        assertEquals(1, errors.size(), () -> "errors: " + errors);
        assertEquals(line, errors.get(0).line(), errors.get(0).message());
    }

    @Test
    void brokenStatementInABody() {
        assertOneErrorOnLine("""
                main:
                  x := 1
                  y := ) 2
                  print x
                other:
                  print 3
                """, 3);
    }

    @Test
    void restOfTheFileIsStillThere() {
        XtextResource resource = load("""
                main:
                  x := (1 +
                  print x
                other:
                  print 3
                later: 4
                """);
        Unit unit = (Unit) resource.getContents().get(0);
        List<String> names = unit.getDeclarations().stream().map(d -> ((Method) d).getName()).toList();
        assertTrue(names.contains("later"), names.toString());
    }

    @Test
    void brokenDeclarationHeader() {
        assertOneErrorOnLine("""
                foo a b:
                  return a
                bar ) x:
                  return x
                baz: return 1
                """, 3);
    }

    @Test
    void missingOperand() {
        assertOneErrorOnLine("""
                main:
                  a := 1
                  b := a +
                  c := 3
                """, 3);
    }

    @Test
    void brokenClassMember() {
        assertOneErrorOnLine("""
                class A:
                  x := 0
                  foo: return ]
                  bar: return 1
                """, 3);
    }

    @Test
    void memberNameMissingAfterDot() {
        assertOneErrorOnLine("""
                main:
                  p := 3
                  print p.
                  print 4
                """, 3);
    }

    @Test
    void unterminatedString() {
        assertOneErrorOnLine("""
                main:
                  s := "abc
                  print s
                """, 2);
    }

    @Test
    void missingSemicolonInForHeader() {
        assertOneErrorOnLine("""
                main:
                  for i := 0; i < 3 i++:
                    print i
                  print 5
                """, 2);
    }

    @Test
    void unclosedBracketDoesNotSwallowTheFile() {
        List<Resource.Diagnostic> errors = errors("""
                main:
                  print [1, 2
                other:
                  print 3
                """);
        assertTrue(errors.size() <= 2, errors.toString());
        assertTrue(errors.get(0).getLine() <= 3, errors.get(0).getMessage());
    }
}
