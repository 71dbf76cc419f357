package io.eave.toit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eave.toit.ToitFrontEnd;
import io.eave.toit.ToitFrontEnd.SourceFile;
import io.eave.toit.validation.ToitIssueCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry point the compiler uses: files in, linked trees and diagnostics out. */
class FrontEndApiTest {
    private final ToitFrontEnd frontEnd = ToitFrontEnd.create();

    @Test
    void importsAreReadFromDiskAndChecked(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/util.toit"), "twice x: return x * 2\nbroken: return nothing-here\n");
        Path main = dir.resolve("main.toit");
        var result = frontEnd.analyze(List.of(new SourceFile(main.toString(), "import .lib.util\nmain:\n  print (util.twice 2)\n")));
        String util = dir.resolve("lib/util.toit").toString();
        assertTrue(result.units().containsKey(util), result.units().keySet().toString());
        assertEquals(1, result.diagnostics().size(), result.diagnostics().toString());
        var d = result.diagnostics().get(0);
        assertEquals(util, d.file());
        assertEquals(ToitIssueCodes.UNRESOLVED_NAME, d.code());
        assertEquals("2:16", d.line() + ":" + d.column());
    }

    @Test
    void programOnDisk(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("helper.toit"), "help: return 1\n");
        Path main = dir.resolve("main.toit");
        Files.writeString(main, "import .helper\nmain:\n  print helper.help\n");
        var result = frontEnd.analyze(main);
        assertEquals(List.of(), result.diagnostics());
        assertEquals(2, result.units().size());
    }

    @Test
    void rootsServeAbsoluteImports(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("src/net"));
        Files.writeString(dir.resolve("src/net/mqtt.toit"), "publish topic payload: return null\n");
        var result = frontEnd.analyze(List.of(new SourceFile("app/main.toit", "import net.mqtt\nmain:\n  mqtt.publish \"t\" 1\n")),
                List.of(dir.resolve("src")));
        assertEquals(List.of(), result.diagnostics());
        assertFalse(result.hasErrors());
    }

    @Test
    void diagnosticsCarryEverything() {
        var result = frontEnd.analyze(List.of(new SourceFile("a.toit", "main:\n\tprint(1)\n")));
        assertEquals("a.toit:2:1: error: Tabs are not allowed in indentation; indent with spaces [io.eave.toit.tab-indentation]\n"
                + "a.toit:2:7: warning: Parentheses only group: write 'f (x)' with a space; 'f(x)' is read the same way"
                + " [io.eave.toit.attached-parenthesis]",
                String.join("\n", result.diagnostics().stream().map(Object::toString).toList()));
        var tab = result.diagnostics().get(0);
        assertEquals(6, tab.offset());
        assertEquals(1, tab.length());
    }
}
