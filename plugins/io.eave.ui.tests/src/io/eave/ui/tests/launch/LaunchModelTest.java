package io.eave.ui.tests.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.eave.compiler.debug.DebugInfo;
import io.eave.device.Message;
import io.eave.launch.ExitReport;
import io.eave.launch.PrebuiltImages;
import io.eave.launch.ProgramBuilders;
import io.eave.launch.ToitLaunch;
import io.eave.launch.ui.TraceLinks;

/** The launch's logic without a device: names, images, exit reports, trace locations. */
public class LaunchModelTest {

    @Test
    void containersAreNamedAfterTheFileOrTheProjectForMainToit() {
        assertEquals("hello-run", ToitLaunch.containerName("hello-run", "main.toit"));
        assertEquals("blink", ToitLaunch.containerName("hello-run", "src/blink.toit"));
        assertEquals("a-project-with-a-very-long-name", ToitLaunch.containerName("a-project-with-a-very-long-name-indeed", "main.toit"));
        assertEquals(31, ToitLaunch.containerName("x".repeat(40), "main.toit").length(), "at most 31 bytes");
    }

    @Test
    void thePrebuiltImageLiesBesideTheSourceAsEaveCompileWritesIt() {
        assertEquals(Path.of("/w/p/main.img"), PrebuiltImages.imageFor(Path.of("/w/p/main.toit")));
        assertEquals(Path.of("/w/p/main.img.debug.json"), PrebuiltImages.debugInfoFor(Path.of("/w/p/main.img")));
        assertEquals(Path.of("/w/p/hello.img"), PrebuiltImages.imageFor(Path.of("/w/p/hello.img")), "an image is taken as is");
        assertTrue(ProgramBuilders.compilerAvailable(), "the compiler is registered (io.eave.launch's component), so Run compiles");
    }

    @Test
    void theExitReportSaysHowTheProgramEndedWithSourceLinesForFrames() throws Exception {
        assertEquals("hello exited with code 0\n",
                ExitReport.describe("hello", new Message.Exited("hello", 0, Message.EndKind.CODE, "", List.of()), null));
        assertEquals("hello was stopped: by the host\n",
                ExitReport.describe("hello", new Message.Exited("hello", 0, Message.EndKind.STOPPED, "by the host", List.of()), null));
        DebugInfo debug = DebugInfo.fromJson("""
                {"format": 1, "imageId": "", "files": [{"path": "/w/p/main.toit", "sha256": ""}], "classes": [], "globals": [],
                 "selectors": [], "methods": [{"name": "main", "holder": null, "kind": "main", "file": 0,
                 "start": [1, 1], "end": [4, 1], "outer": -1, "lines": [[0, 2], [8, 3]], "locals": []}]}
                """);
        String report = ExitReport.describe("p", new Message.Exited("p", 1, Message.EndKind.EXCEPTION, "DIVISION_BY_ZERO",
                List.of(new Message.TraceEntry(0, 12), new Message.TraceEntry(7, 3))), debug);
        assertEquals("""
                uncaught exception: DIVISION_BY_ZERO
                  at main (/w/p/main.toit:3)
                  at method 7 at offset 3
                p ended on an uncaught exception
                """, report);
    }

    @Test
    void traceLocationsAreFileAndLine() {
        assertEquals(new TraceLinks.Location("/w/p/main.toit", 3), TraceLinks.parse("(/w/p/main.toit:3)"));
        assertEquals(new TraceLinks.Location("src/a.toit", 12), TraceLinks.parse("(src/a.toit:12)"));
        assertNull(TraceLinks.parse("(main.toit)"));
    }
}
