package io.eave.toit.services;

import static io.eave.toit.ParseSupport.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.eave.toit.ast.Unit;
import org.junit.jupiter.api.Test;

class DocumentationTest {
    @Test
    void docCommentsBelongToTheNextDeclaration() {
        Unit unit = parse("""
                /// Adds two numbers.
                /// Both are ints.
                add a b: return a + b

                /**
                The origin.
                */
                ORIGIN ::= 0

                // an ordinary comment
                plain: return 1

                /// separated by a blank line

                other: return 2
                """);
        assertEquals("Adds two numbers.\nBoth are ints.", Documentation.of(unit.getDeclarations().get(0)));
        assertEquals("The origin.", Documentation.of(unit.getDeclarations().get(1)));
        assertNull(Documentation.of(unit.getDeclarations().get(2)));
        assertNull(Documentation.of(unit.getDeclarations().get(3)));
    }
}
