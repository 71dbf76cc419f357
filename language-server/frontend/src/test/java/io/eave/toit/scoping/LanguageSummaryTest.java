package io.eave.toit.scoping;

import static io.eave.toit.FrontEndSupport.project;
import static io.eave.toit.FrontEndSupport.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The declarations example of the language summary (toit-language.md), complete, is clean. */
class LanguageSummaryTest {
    @Test
    void summaryExampleParsesLinksAndValidates() {
        var result = project(
                "src/main.toit", """
                        import net.tcp
                        import .util as u
                        import encoding.json show encode decode
                        export Point helper

                        LIMIT ::= 10                 // constant global
                        counter := 0                 // mutable global
                        name/string? := null         // typed, nullable

                        add a/int b/int -> int: return a + b
                        connect host/string --port/int=80 --secure/bool=false -> none:
                          print "$host:$port"
                        with-default [--if-absent]:  // a block parameter, named
                          return if-absent.call
                        helper: return u.twice LIMIT

                        interface Shape:
                          area -> float

                        mixin Logging:
                          log msg: print msg

                        monitor Counter:             // methods run under mutual exclusion
                          n_ := 0
                          inc -> none: n_++

                        abstract class Base:
                          abstract area -> float

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
                          static zero ::= Point 0

                        main:
                          p := (Point 1 --y=2) + Point.origin
                          p.log "$(p.x) $p[3]"
                          connect "localhost" --port=8080 --secure
                          socket := tcp.connect "localhost" 80
                          socket.close
                          print (encode [1, 2]).size
                          print (with-default --if-absent=: 7)
                          c := Counter
                          c.inc
                        """,
                "src/util.toit", """
                        twice x/int -> int: return x * 2
                        """);
        assertEquals("", summary(result));
    }
}
