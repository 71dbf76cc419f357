package io.eave.toit.scoping;

import static io.eave.toit.FrontEndSupport.analyze;
import static io.eave.toit.FrontEndSupport.assertClean;
import static io.eave.toit.FrontEndSupport.project;
import static io.eave.toit.FrontEndSupport.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.eave.toit.ToitFrontEnd.Result;
import io.eave.toit.ast.Block;
import io.eave.toit.ast.Call;
import io.eave.toit.ast.Class;
import io.eave.toit.ast.Field;
import io.eave.toit.ast.Identifier;
import io.eave.toit.ast.LocalVariable;
import io.eave.toit.ast.MemberAccess;
import io.eave.toit.ast.Method;
import io.eave.toit.ast.Parameter;
import io.eave.toit.ast.Unit;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.junit.jupiter.api.Test;

/** Names resolve to the declarations the reference would pick. */
class ScopingTest {

    /** The declaration the n-th identifier spelled {@code name} refers to. */
    private static EObject target(Unit unit, String name, int n) {
        return EcoreUtil2.eAllOfType(unit, Identifier.class).stream()
                .filter(i -> name.equals(org.eclipse.xtext.nodemodel.util.NodeModelUtils.getTokenText(
                        org.eclipse.xtext.nodemodel.util.NodeModelUtils.getNode(i))))
                .skip(n).findFirst().orElseThrow().getDeclaration();
    }

    @Test
    void localsParametersAndBlockParameters() {
        Result result = analyze("""
                f a/int [block]:
                  x := a + 1
                  block.call x
                  [1, 2].do: | e | print e
                  [3].do: print it
                """);
        assertEquals("", summary(result));
        Unit unit = result.unit("main.toit");
        assertInstanceOf(Parameter.class, target(unit, "a", 0));
        assertInstanceOf(LocalVariable.class, target(unit, "x", 0));
        assertInstanceOf(Parameter.class, target(unit, "block", 0));
        assertInstanceOf(Parameter.class, target(unit, "e", 0));
        assertInstanceOf(Block.class, target(unit, "it", 0));
        assertInstanceOf(Method.class, target(unit, "print", 0));
    }

    @Test
    void localsAreVisibleOnlyAfterTheirDefinition() {
        Result result = analyze("""
                main:
                  print y
                  y := 1
                """);
        assertEquals("2:9 unresolved-name", summary(result));
    }

    @Test
    void fieldsAndMethodsThroughTheHierarchy() {
        Result result = analyze("""
                mixin Named:
                  name -> string: return "n"
                abstract class Base:
                  size := 0
                  abstract area -> float
                class Square extends Base with Named:
                  side/float := 1.0
                  area -> float: return side * side
                  describe: return "$name $size $area $(stringify)"
                """);
        assertEquals("", summary(result));
        Unit unit = result.unit("main.toit");
        assertInstanceOf(Field.class, target(unit, "side", 0));
        assertEquals("size", ((Field) target(unit, "size", 0)).getName());
        assertEquals("Named", ((Class) target(unit, "name", 0).eContainer()).getName());
    }

    @Test
    void membersOfTypedValuesAndStatics() {
        Result result = analyze("""
                class Point:
                  x/int
                  y/int := 0
                  constructor .x:
                  constructor.origin: x = 0
                  static ZERO ::= Point 0
                  plus other/Point -> Point: return Point (x + other.x)
                main:
                  p := Point 1
                  q := p.plus Point.origin
                  print q.x
                  print Point.ZERO.y
                  print "abc".size
                  print [1, 2].size
                  print (p.plus p).x
                """);
        assertEquals("", summary(result));
    }

    /** Eave's library declares a subset of the Toit SDK: what it lacks may exist, so it is a warning. */
    @Test
    void unknownMembersOfKnownTypesAreErrorsOrForLibraryTypesWarnings() {
        Result result = analyze("""
                class Point:
                  x := 0
                main:
                  p := Point
                  print p.z
                  print "abc".no-such-thing
                  untyped := foo
                  print untyped.anything
                foo: return 1
                """);
        assertEquals("5:11 unresolved-name\n6:15 not-in-library", summary(result));
        assertEquals(1, result.errors().size());
    }

    @Test
    void valuesOfTypeAnyHaveAnyMember() {
        assertClean("""
                f x/any: return x.whatever
                g l/List: return l[0].whatever
                """);
    }

    @Test
    void blockParametersPassOnAsBlocks() {
        assertClean("""
                each [block]: [1].do block
                """);
    }

    @Test
    void membersOfOperatorResultsAreNotReported() {
        assertClean("""
                f a/int b/int: return (a - b).whatever
                """);
    }

    @Test
    void overloadsAreChosenByTheCallShape() {
        Result result = analyze("""
                f x: return 1
                f x y: return 2
                f x --named: return 3
                main:
                  f 1
                  f 1 2
                  f 1 --named=3
                """);
        assertEquals("", summary(result));
        Unit unit = result.unit("main.toit");
        Method one = (Method) target(unit, "f", 0);
        Method two = (Method) target(unit, "f", 1);
        Method named = (Method) target(unit, "f", 2);
        assertEquals(1, one.getParameters().size());
        assertEquals(2, two.getParameters().size());
        assertEquals("named", named.getParameters().get(1).getName());
    }

    @Test
    void dashAndUnderscoreSpellTheSameName() {
        assertClean("""
                foo-bar x: return x
                main:
                  print (foo_bar 1)
                """);
    }

    @Test
    void importsBetweenFiles() {
        Result result = project(
                "src/main.toit", """
                        import .util
                        import .util as u
                        import .lib.shapes show Circle
                        main:
                          print (util.twice 2)
                          print (u.twice 3)
                          c := Circle 1.0
                          print c.radius
                        """,
                "src/util.toit", """
                        twice x: return x * 2
                        """,
                "src/lib/shapes.toit", """
                        class Circle:
                          radius/float
                          constructor .radius:
                        """);
        assertEquals("", summary(result));
        MemberAccess twice = EcoreUtil2.eAllOfType(result.unit("src/main.toit"), MemberAccess.class).get(0);
        assertSame(result.unit("src/util.toit").getDeclarations().get(0), twice.getMember());
    }

    @Test
    void reExports() {
        Result result = project(
                "main.toit", "import .api show helper Shape\nimport .api as a\nmain:\n  print (helper (a.Shape))\n",
                "api.toit", "import .impl show helper Shape\nexport helper Shape\n",
                "impl.toit", "class Shape:\nhelper x: return x\n");
        assertEquals("", summary(result));
    }

    @Test
    void unresolvedImportAndLibraryModules() {
        Result result = analyze("""
                import math
                import encoding.json
                import no.such.module
                main:
                  print (math.sqrt 2.0)
                  print math.PI
                  print (json.stringify {"a": 1})
                """);
        assertEquals("3:8 unresolved-import", summary(result));
    }

    @Test
    void coreLibraryNames() {
        assertClean("""
                main:
                  list := List
                  list.add 1
                  map := {:}
                  map["k"] = 2
                  set := Set
                  set.add 3
                  bytes := ByteArray 4
                  s := "a,b".split ","
                  print "$(s.size) $(bytes.size) $("abc".index-of "b") $("42".to-int) $(3.5.to-int)"
                  sleep --ms=10
                  e := catch: throw "oops"
                  t := task:: print 1
                  d := Duration --s=1
                  print d.in-ms
                  f := 1.5
                  print (f.round)
                """);
    }

    @Test
    void monitorsCanAwait() {
        assertClean("""
                monitor Channel:
                  items_ := []
                  send x -> none: items_.add x
                  receive:
                    await: not items_.is-empty
                    return items_.remove-last
                """);
    }

    @Test
    void settersAndNamedConstructors() {
        assertClean("""
                class P:
                  x_ := 0
                  constructor:
                  constructor.at x/int: x_ = x
                  x -> int: return x_
                  x= value/int: x_ = value
                main:
                  p := P.at 3
                  p.x = 4
                  print p.x
                  l := List 3
                """);
    }

    @Test
    void typeReferences() {
        Result result = analyze("""
                import encoding.json as j
                f x/int y/string? z/List --w/Duration -> bool: return true
                g -> Unknown: return null
                """);
        assertEquals("3:6 unresolved-name", summary(result));
    }

    @Test
    void callsLinkConstructorsToTheirClass() {
        Result result = analyze("""
                class A:
                  constructor x:
                main:
                  a := A 1
                """);
        assertEquals("", summary(result));
        Call call = EcoreUtil2.eAllOfType(result.unit("main.toit"), Call.class).get(0);
        assertInstanceOf(Class.class, ((Identifier) call.getTarget()).getDeclaration());
    }
}
