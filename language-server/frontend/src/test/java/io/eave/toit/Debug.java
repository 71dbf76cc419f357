package io.eave.toit;

import com.google.inject.Injector;
import io.eave.toit.ast.Unit;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

/** Prints the tree and errors of a file: a tool for working on the grammar. */
public class Debug {
    public static void main(String[] args) throws Exception {
        Injector injector = ToitStandaloneSetup.injector();
        XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
        XtextResource resource = (XtextResource) set.createResource(URI.createURI("debug.toit"));
        String text = Files.readString(Path.of(args[0]));
        resource.load(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), null);
        System.out.println(io.eave.toit.services.AstPrinter.print(resource.getContents().get(0)));
        resource.getErrors().forEach(e -> System.out.println("ERROR " + e.getLine() + ":" + e.getColumn() + " " + e.getMessage()));
    }
}
