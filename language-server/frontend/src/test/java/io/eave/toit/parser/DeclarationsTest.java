package io.eave.toit.parser;

import static io.eave.toit.ParseSupport.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Imports, exports, globals, functions, classes and their members. */
class DeclarationsTest {

    @Test
    void imports() {
        assertEquals("""
                (Import path=net,tcp)
                (Import relative=. path=util prefix=u)
                (Import relative=.. path=lib,x)
                (Import relative=... path=top)
                (Import path=encoding,json show=encode,decode)
                (Import path=math showAll=true)""", tree("""
                import net.tcp
                import .util as u
                import ..lib.x
                import ...top
                import encoding.json show encode decode
                import math show *
                """));
    }

    @Test
    void importShowListOnDeeperLines() {
        assertEquals("(Import path=a show=b,c,d)", tree("import a\n    show b c\n      d\n"));
    }

    @Test
    void exports() {
        assertEquals("(Export names=Point,helper)\n(Export all=true)", tree("export Point helper\nexport *\n"));
    }

    @Test
    void globals() {
        assertEquals("""
                (field LIMIT ::= 10)
                (field counter := 0)
                (field name/string? := null)
                (field ratio/float := 0.5)
                (field later := ?)""", tree("""
                LIMIT ::= 10                 // constant global
                counter := 0                 // mutable global
                name/string? := null         // typed, nullable
                ratio / float := 0.5
                later := ?
                """));
    }

    @Test
    void functions() {
        assertEquals("""
                (method add a/int b/int -> int (return (+ a b)))
                (method connect host/string --port/int=80 --secure/bool=false -> none (call print (template "" host ":" port "")))
                (method with-default [--if-absent] (return (. if-absent call)))""", tree("""
                add a/int b/int -> int: return a + b
                connect host/string --port/int=80 --secure/bool=false -> none:
                  print "$host:$port"
                with-default [--if-absent]:  // a block parameter, named
                  return if-absent.call
                """));
    }

    @Test
    void returnTypeMayComeAnywhereAndSignaturesSpanLines() {
        assertEquals("(method f x y -> int (return x))", tree("f -> int x y: return x\n"));
        assertEquals("(method f x y -> int (return x))", tree("""
                f x
                    y
                    -> int
                :
                  return x
                """));
        assertEquals("(method g a/int? [b] --c=(- 1) (return a))", tree("g a/int?\n    [b] --c=-1:\n  return a\n"));
    }

    @Test
    void classLikes() {
        assertEquals("""
                (interface Shape
                  (method area -> float <no body>))
                (mixin Logging
                  (method log msg (call print msg)))
                (monitor Counter
                  (field n_ := 0)
                  (method inc -> none (postfix++ n_)))
                (abstract class Base
                  (abstract method area -> float <no body>))""", tree("""
                interface Shape:
                  area -> float

                mixin Logging:
                  log msg: print msg

                monitor Counter:             // methods run under mutual exclusion
                  n_ := 0
                  inc -> none: n_++

                abstract class Base:
                  abstract area -> float
                """));
    }

    @Test
    void classMembers() {
        assertEquals("""
                (class Point extends Base with Logging implements Shape
                  (field x/int)
                  (field y/int := 0)
                  (constructor .x --.y=0)
                  (constructor.origin (= x 0))
                  (method area -> float (return 0.0))
                  (method x= value/int (= x value))
                  (operator + other/Point -> Point (return (call Point (+ x (. other x)) --y=(+ y (. other y)))))
                  (operator [] i (return i))
                  (operator []= i v (return v))
                  (operator [..] --from --to (return this))
                  (operator == other (return true))
                  (operator - (return this))
                  (static field zero ::= (call Point 0))
                  (static method make (return (call Point 1))))""", tree("""
                class Point extends Base with Logging implements Shape:
                  x/int
                  y/int := 0
                  constructor .x --.y=0:     // `.x` assigns the field directly
                  constructor.origin: x = 0  // a named constructor
                  area -> float: return 0.0
                  x= value/int: x = value    // a setter
                  operator + other/Point -> Point: return Point (x + other.x) --y=(y + other.y)
                  operator [] i: return i
                  operator []= i v: return v
                  operator [..] --from --to: return this
                  operator == other: return true
                  operator -: return this
                  static zero ::= Point 0
                  static make: return Point 1
                """));
    }

    @Test
    void classHeaderOverSeveralLinesAndWithoutExtends() {
        assertEquals("(class B extends A with M implements I J)", tree("class B extends A\n    with M\n    implements I J:\n"));
        assertEquals("(class B extends A)", tree("class B A:\n"));
    }

    @Test
    void contextualKeywordsAreNamesElsewhere() {
        assertEquals("(method f interface mixin (call show (call monitor with)))",
                tree("f interface mixin:\n  show (monitor with)\n"));
    }

    @Test
    void oldFieldStoringParameter() {
        assertEquals("(class A\n  (field w := 0)\n  (constructor .w))", tree("class A:\n  w := 0\n  constructor this.w:\n"));
    }
}
