package io.eave.toit.ide;

import static io.eave.toit.ide.ServerSession.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signature help for juxtaposition calls, through a real LSP4J client. */
class SignatureHelpTest {
    private static final String URI = "file:///project/src/main.toit";
    private static final String TEXT = """
            /// Connects to [host].
            connect host/string port/int --secure/bool=false -> int: return port
            connect host/string -> int: return 0
            class Point:
              constructor x/int y/int:
            main:
              connect "h" 8080
              connect\s
              connect "h" --secure
              Point 1\s
              print 3
              print (connect )
            """;

    private ServerSession session;

    @BeforeEach
    void start() throws Exception {
        session = new ServerSession();
        session.open(URI, TEXT);
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
    }

    @Test
    void theParameterUnderTheCursorIsActive() throws Exception {
        SignatureHelp help = help(6, 17);   // in `8080`
        assertEquals(List.of("connect host/string port/int --secure/bool=false -> int", "connect host/string -> int"),
                help.getSignatures().stream().map(SignatureInformation::getLabel).toList());
        assertEquals(0, help.getActiveSignature());
        assertEquals("port/int", parameter(help, 0, 1));
        assertEquals(1, help.getActiveParameter());
        assertEquals("Connects to [host].", help.getSignatures().get(0).getDocumentation().getRight().getValue());
        assertEquals(0, help(6, 12).getActiveParameter());   // in `"h"`
    }

    @Test
    void aNameFollowedByASpaceStartsTheCall() throws Exception {
        SignatureHelp help = help(7, 10);
        assertEquals(2, help.getSignatures().size());
        assertEquals(0, help.getActiveParameter());
    }

    @Test
    void aNamedArgumentMakesItsParameterActive() throws Exception {
        assertEquals(2, help(8, 22).getActiveParameter());
        assertEquals("--secure/bool=false", parameter(help(8, 22), 0, 2));
    }

    @Test
    void callingAClassShowsItsConstructors() throws Exception {
        SignatureHelp help = help(9, 10);
        assertEquals(List.of("Point x/int y/int"), help.getSignatures().stream().map(SignatureInformation::getLabel).toList());
        assertEquals(1, help.getActiveParameter());
    }

    @Test
    void aCallStartedInParenthesesIsTheOneShown() throws Exception {
        SignatureHelp help = help(11, 17);   // `print (connect |)`
        assertEquals("connect host/string port/int --secure/bool=false -> int", help.getSignatures().get(0).getLabel());
        assertEquals(0, help.getActiveParameter());
        assertEquals("print", help(10, 9).getSignatures().get(0).getLabel().split(" ")[0]);   // `print 3|`
    }

    @Test
    void nothingOutsideACall() throws Exception {
        assertNull(help(5, 5));    // after `main:`
        assertNull(help(8, 0));    // at the start of a line
    }

    private SignatureHelp help(int line, int character) throws Exception {
        return await(session.documents().signatureHelp(
                new SignatureHelpParams(new TextDocumentIdentifier(URI), new Position(line, character))));
    }

    private static String parameter(SignatureHelp help, int signature, int parameter) {
        SignatureInformation s = help.getSignatures().get(signature);
        ParameterInformation p = s.getParameters().get(parameter);
        return s.getLabel().substring(p.getLabel().getRight().getFirst(), p.getLabel().getRight().getSecond());
    }
}
