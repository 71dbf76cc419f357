package io.eave.toit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eave.toit.ast.Method;
import io.eave.toit.ast.Unit;
import io.eave.toit.services.AstPrinter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

/** Parses Toit text and prints trees for assertions. */
public final class ParseSupport {
    private ParseSupport() {
    }

    private static int counter;

    public static XtextResource load(String text) {
        XtextResourceSet set = ToitStandaloneSetup.injector().getInstance(XtextResourceSet.class);
        XtextResource resource = (XtextResource) set.createResource(URI.createURI("test" + (counter++) + ".toit"));
        try {
            resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resource;
    }

    public static Unit parse(String text) {
        return (Unit) load(text).getContents().get(0);
    }

    /** The syntax errors as "line:column message", one per line. */
    public static String syntaxErrors(XtextResource resource) {
        return resource.getErrors().stream().map(ParseSupport::describe).collect(Collectors.joining("\n"));
    }

    private static String describe(Resource.Diagnostic d) {
        return d.getLine() + ":" + d.getColumn() + " " + d.getMessage();
    }

    /** Parses {@code source}, asserts it has no syntax error and prints the whole tree. */
    public static String tree(String source) {
        XtextResource resource = load(source);
        assertEquals("", syntaxErrors(resource), "syntax errors in:\n" + source);
        return AstPrinter.print(resource.getContents().get(0));
    }

    /** The tree of the statements of {@code body}, placed in a method. */
    public static String statements(String body) {
        String indented = body.lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
        XtextResource resource = load("main:\n" + indented + "\n");
        assertEquals("", syntaxErrors(resource), "syntax errors in:\n" + body);
        Method main = (Method) ((Unit) resource.getContents().get(0)).getDeclarations().get(0);
        return main.getBody().getStatements().stream().map(AstPrinter::print).collect(Collectors.joining("\n"));
    }

    /** The tree of one expression statement. */
    public static String expression(String expression) {
        return statements(expression);
    }
}
