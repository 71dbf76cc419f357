package io.eave.ui.tests.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
 * Run > Toit Application on the simulated device: the IDE's compiler compiles main.toit (the
 * OSGi ProgramBuilder service), Run installs and starts it.
 */
public class RunToitApplicationTest {

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
    void runCompilesMainShowsHelloWorldInAConsoleNamedAfterTheLaunchAndTheDevicesViewListsTheContainer() throws Exception {
        Waiting.forSimulator();
        assertTrue(io.eave.launch.ProgramBuilders.compilerAvailable(), "the compiler is registered as the ProgramBuilder service");
        IProject project = toitProject("hello-run", "main:\n  print \"hello, world\"\n");
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
        assertTrue(text.contains("Installing main.toit") && text.indexOf("Installing main.toit") < text.indexOf("hello, world"), text);

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
        String source = project.getFile("main.toit").getLocation().toOSString();
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
    void aCompileErrorFailsTheLaunchWithFileAndLine() throws Exception {
        IProject project = toitProject("broken-run", "main:\n  print \"hi\"\n  print no_such_name\n");
        ILaunchConfiguration configuration = ToitLaunchShortcut.configurationFor(project.getFile("main.toit"));
        CoreException error = assertThrows(CoreException.class, () -> configuration.launch("run", new NullProgressMonitor()));
        String message = error.getStatus().getMessage();
        String source = project.getFile("main.toit").getLocation().toOSString();
        assertTrue(message.startsWith("main.toit has ") && message.contains(source + ":3:") && message.contains("error"), message);
        assertNotNull(configuration);
    }
}
