package io.eave.ui.tests.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.IHyperlink;
import org.eclipse.ui.console.TextConsole;
import org.eclipse.ui.ide.ResourceUtil;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eave.devices.IdeSimulator;
import io.eave.devices.ui.DevicesView;
import io.eave.launch.ContainerProcess;
import io.eave.launch.ToitLaunch;
import io.eave.launch.ui.ToitLaunchShortcut;
import io.eave.toit.wizards.ToitNature;
import io.eave.ui.tests.devices.Waiting;

/**
 * Run > Toit Application on the simulated device, with golden program images
 * (docs/vectors/image) standing in for the compiler's output beside main.toit.
 */
public class RunToitApplicationTest {

    private static final Path VECTORS = Path.of(System.getProperty("eave.vectors", "../../docs/vectors"));

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    @AfterEach
    void closeEditors() {
        page().closeAllEditors(false);
    }

    private static IProject toitProject(String name, String main) throws CoreException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (project.exists()) {
            project.delete(true, true, null);
        }
        project.create(null);
        project.open(null);
        IProjectDescription description = project.getDescription();
        description.setNatureIds(new String[] { ToitNature.ID });
        project.setDescription(description, null);
        project.getFile("main.toit").create(new ByteArrayInputStream(main.getBytes(StandardCharsets.UTF_8)), true, null);
        return project;
    }

    private static void copyVector(String vector, IFile to) throws Exception {
        byte[] bytes = Files.readAllBytes(VECTORS.resolve("image").resolve(vector));
        to.create(new ByteArrayInputStream(bytes), true, null);
    }

    /** Runs as the Run menu does (in a job) and waits for the program's process. */
    private static ContainerProcess run(ILaunchConfiguration configuration) {
        DebugUITools.launch(configuration, "run");
        ContainerProcess[] process = { null };
        Waiting.until("the launch of " + configuration.getName() + " starting its program", Duration.ofSeconds(60), () -> {
            for (ILaunch launch : DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
                if (configuration.equals(launch.getLaunchConfiguration())) {
                    for (IProcess p : launch.getProcesses()) {
                        process[0] = (ContainerProcess) p;
                    }
                }
            }
            return process[0] != null;
        }, () -> "launches: " + DebugPlugin.getDefault().getLaunchManager().getLaunches().length);
        return process[0];
    }

    private static TextConsole consoleOf(IProcess process) {
        Waiting.until("the console of " + process.getLabel(), Duration.ofSeconds(20),
                () -> DebugUITools.getConsole(process) != null, () -> "no console");
        IConsole console = DebugUITools.getConsole(process);
        return (TextConsole) console;
    }

    private static void waitForText(TextConsole console, String text) {
        Waiting.until("'" + text.strip() + "' in the console " + console.getName(), Duration.ofSeconds(30),
                () -> console.getDocument().get().contains(text), () -> console.getDocument().get());
    }

    @Test
    void runShowsHelloWorldInAConsoleNamedAfterTheLaunchAndTheDevicesViewListsTheContainer() throws Exception {
        Waiting.forSimulator();
        IProject project = toitProject("hello-run", "main:\n  print \"hello, world\"\n");
        copyVector("hello.bin", project.getFile("main.img"));
        ILaunchConfiguration configuration = ToitLaunchShortcut.configurationFor(project.getFile("main.toit"));
        assertEquals("hello-run", configuration.getName());
        assertEquals("", configuration.getAttribute(ToitLaunch.ATTR_DEVICE, "?"), "the default device");

        ContainerProcess process = run(configuration);
        assertEquals("hello-run", process.container());
        TextConsole console = consoleOf(process);
        waitForText(console, "hello, world\n");
        waitForText(console, "hello-run exited with code 0");
        Waiting.until("the process ending", Duration.ofSeconds(10), process::isTerminated, () -> "still running");
        assertEquals(0, process.getExitValue());
        // the workbench names a process console once it is shown
        org.eclipse.ui.console.ConsolePlugin.getDefault().getConsoleManager().showConsoleView(console);
        Waiting.until("the console named after the launch", Duration.ofSeconds(20),
                () -> console.getName().contains("hello-run [Toit Application] main.toit on " + IdeSimulator.NAME), console::getName);
        String text = console.getDocument().get();
        assertTrue(text.indexOf("Installing main.img") < text.indexOf("hello, world"), text);

        DevicesView view = (DevicesView) page().showView(DevicesView.ID);
        view.select(IdeSimulator.NAME);
        view.refresh();
        Waiting.until("the Devices view listing the container hello-run", Duration.ofSeconds(20),
                () -> Waiting.row(view.containersTable(), "hello-run") != null, () -> Waiting.rows(view.containersTable()));
        TableItem row = Waiting.row(view.containersTable(), "hello-run");
        assertEquals("hello-run", row.getText(0));
        assertEquals("exited (code 0)", row.getText(1));
        assertEquals("no", row.getText(4));
        page().hideView(view);
    }

    @Test
    void anUncaughtExceptionShowsItsTraceWithALinkToTheSourceLine() throws Exception {
        Waiting.forSimulator();
        IProject project = toitProject("trace-run", "main:\n  print \"before\"\n  x := 1 / 0\n  print \"after\"\n");
        copyVector("uncaught.bin", project.getFile("main.img"));
        String source = project.getFile("main.toit").getLocation().toOSString();
        // the debug info the compiler will write beside the image: method 0 is main, the division on line 3
        String debugInfo = """
                {"format": 1, "imageId": "", "files": [{"path": "%s", "sha256": ""}], "classes": [], "globals": [],
                 "selectors": ["/"], "methods": [{"name": "main", "holder": null, "kind": "main", "file": 0,
                 "start": [1, 1], "end": [4, 17], "outer": -1, "lines": [[0, 2], [8, 3], [16, 4]], "locals": []}]}
                """.formatted(source);
        project.getFile("main.img.debug.json").create(new ByteArrayInputStream(debugInfo.getBytes(StandardCharsets.UTF_8)), true, null);

        ContainerProcess process = run(ToitLaunchShortcut.configurationFor(project.getFile("main.toit")));
        TextConsole console = consoleOf(process);
        waitForText(console, "before\n");
        waitForText(console, "ended on an uncaught exception");
        String text = console.getDocument().get();
        assertTrue(text.contains("DIVISION_BY_ZERO"), text);
        assertTrue(text.contains("  at main (" + source + ":3)"), text);
        assertTrue(!text.contains("after\n"), text);

        Waiting.until("a link on the trace's file:line", Duration.ofSeconds(20), () -> console.getHyperlinks().length > 0,
                () -> Arrays.toString(console.getHyperlinks()));
        IHyperlink link = console.getHyperlinks()[0];
        link.linkActivated();
        Waiting.until("main.toit open in an editor", Duration.ofSeconds(10),
                () -> page().getActiveEditor() != null && project.getFile("main.toit").equals(ResourceUtil.getFile(page().getActiveEditor().getEditorInput())),
                () -> String.valueOf(page().getActiveEditor()));
        ITextEditor editor = (ITextEditor) page().getActiveEditor();
        ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
        assertEquals(2, selection.getStartLine(), "line 3 (0-based 2) is selected");
        assertEquals("  x := 1 / 0", selection.getText());
    }

    @Test
    void withoutACompilerOrAnImageRunSaysWhatIsMissing() throws Exception {
        IProject project = toitProject("no-image", "main:\n  print \"hi\"\n");
        ILaunchConfiguration configuration = ToitLaunchShortcut.configurationFor(project.getFile("main.toit"));
        CoreException error = assertThrows(CoreException.class, () -> configuration.launch("run", new NullProgressMonitor()));
        String message = error.getStatus().getMessage();
        assertTrue(message.contains("No compiled program for main.toit") && message.contains("./eave compile main.toit")
                && message.contains("main.img"), message);
        assertNotNull(configuration);
    }
}
