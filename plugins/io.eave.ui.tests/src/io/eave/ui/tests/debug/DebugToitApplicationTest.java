package io.eave.ui.tests.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.IDebugView;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IVerticalRulerInfo;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.TextConsole;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eave.debug.ui.breakpoints.ToitBreakpoints;
import io.eave.debug.ui.breakpoints.ToitLineBreakpoint;
import io.eave.debug.ui.model.ToitDebugProcess;
import io.eave.debug.ui.model.ToitDebugTarget;
import io.eave.devices.DeviceRegistry;
import io.eave.devices.DevicesPlugin;
import io.eave.devices.KnownDevice;
import io.eave.launch.ToitLaunch;
import io.eave.launch.ui.ToitLaunchShortcut;
import io.eave.toit.wizards.ToitNature;
import io.eave.ui.tests.devices.Waiting;

/**
 * Debug As > Toit Application against the simulated device the IDE starts, with the program
 * compiled by the IDE's compiler: a breakpoint set by double-clicking the Toit editor's ruler,
 * the stop there with the line highlighted, a local in the Variables view, Step Over, Resume to
 * the end with the output in the launch's console.
 */
public class DebugToitApplicationTest {
    /** The lines matter: the breakpoint is on line 4, Step Over goes to line 5. */
    static final String PROGRAM = """
            main:
              x := 5
              print "start"
              y := x * 2
              print "y = $y"
            """;

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    @BeforeEach
    void noPerspectiveQuestions() {
        // the Debug perspective opens without asking, as after "Remember my decision"
        DebugUITools.getPreferenceStore().setValue("org.eclipse.debug.ui.switch_perspective_on_suspend", "always");
        DebugUITools.getPreferenceStore().setValue("org.eclipse.debug.ui.switch_to_perspective", "always");
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (ILaunch launch : DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
            if (!launch.isTerminated()) {
                launch.terminate();
            }
        }
        for (ToitLineBreakpoint b : ToitBreakpoints.lineBreakpoints()) {
            b.delete();
        }
        page().closeAllEditors(false);
    }

    private static IProject toitProject(String name, String main) throws Exception {
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

    /**
     * Double-clicks the editor's ruler beside {@code line} (1-based), as a person does: the mouse
     * down on the ruler's columns tells the ruler the line, then the editor runs its ruler
     * double-click action (Toggle Breakpoint).
     */
    private static void doubleClickRuler(ITextEditor editor, IAction doubleClick, int line) {
        IVerticalRulerInfo ruler = editor.getAdapter(IVerticalRulerInfo.class);
        assertNotNull(ruler, "the Toit editor has a vertical ruler");
        StyledText text = (StyledText) editor.getAdapter(org.eclipse.swt.widgets.Control.class);
        int y = text.getLinePixel(line - 1) + text.getLineHeight() / 2;
        java.util.List<org.eclipse.swt.widgets.Control> controls = new java.util.ArrayList<>();
        controls.add(ruler.getControl());
        if (ruler.getControl() instanceof org.eclipse.swt.widgets.Composite c) {
            controls.addAll(java.util.Arrays.asList(c.getChildren()));
        }
        for (org.eclipse.swt.widgets.Control control : controls) {
            Event down = new Event();
            down.x = 2;
            down.y = y;
            down.button = 1;
            down.count = 1;
            control.notifyListeners(SWT.MouseDown, down);
            control.notifyListeners(SWT.MouseUp, down);
        }
        assertEquals(line - 1, ruler.getLineOfLastMouseButtonActivity(), "the ruler took the click on line " + line);
        if (doubleClick instanceof org.eclipse.ui.texteditor.IUpdate u) {
            u.update();
        }
        doubleClick.run();
    }

    private static ToitDebugTarget debugTarget(ILaunchConfiguration configuration) {
        ToitDebugTarget[] target = { null };
        Waiting.until("the debug launch of " + configuration.getName(), Duration.ofSeconds(60), () -> {
            for (ILaunch launch : DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
                if (configuration.equals(launch.getLaunchConfiguration())) {
                    for (IDebugTarget t : launch.getDebugTargets()) {
                        target[0] = (ToitDebugTarget) t;
                    }
                }
            }
            return target[0] != null;
        }, () -> "launches: " + DebugPlugin.getDefault().getLaunchManager().getLaunches().length);
        return target[0];
    }

    private static IThread suspendedAt(ToitDebugTarget target, int line, TextConsole console) {
        IThread[] stopped = { null };
        Waiting.until("the program stopping at line " + line, Duration.ofSeconds(90), () -> {
            for (IThread t : target.getThreads()) {
                try {
                    if (t.isSuspended() && t.getTopStackFrame() != null && t.getTopStackFrame().getLineNumber() == line) {
                        stopped[0] = t;
                        return true;
                    }
                } catch (Exception e) {
                    // not yet
                }
            }
            return false;
        }, () -> "threads " + target.threadNames() + "; console: " + (console == null ? "" : console.getDocument().get()));
        return stopped[0];
    }

    /** The Variables view's rows as people read them: the cells of each row joined with " ". */
    private static String variablesViewText() {
        IDebugView view = (IDebugView) page().findView(IDebugUIConstants.ID_VARIABLE_VIEW);
        if (view == null) {
            return "(no Variables view)";
        }
        Tree tree = (Tree) view.getViewer().getControl();
        StringBuilder s = new StringBuilder();
        for (TreeItem item : tree.getItems()) {
            int columns = Math.max(1, tree.getColumnCount());
            for (int i = 0; i < columns; i++) {
                s.append(item.getText(i)).append(i + 1 < columns ? " " : "");
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** The line (1-based) of the editor's current instruction pointer annotation, or -1. */
    private static int instructionPointerLine(ITextEditor editor) {
        IAnnotationModel model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
        for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
            Annotation a = it.next();
            if (a.getType().equals(IDebugUIConstants.ANNOTATION_TYPE_INSTRUCTION_POINTER_CURRENT)) {
                Position p = model.getPosition(a);
                try {
                    return editor.getDocumentProvider().getDocument(editor.getEditorInput()).getLineOfOffset(p.getOffset()) + 1;
                } catch (Exception e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    @Test
    void stopsAtARulerBreakpointShowsALocalStepsOverAndRunsToTheEnd() throws Exception {
        Waiting.forSimulator();
        IProject project = toitProject("debug-run", PROGRAM);
        IFile main = project.getFile("main.toit");
        ITextEditor editor = (ITextEditor) IDE.openEditor(page(), main);
        IAction doubleClick = editor.getAction(ITextEditorActionConstants.RULER_DOUBLE_CLICK);
        assertNotNull(doubleClick, "the ruler's double-click action");
        doubleClickRuler(editor, doubleClick, 4);
        Waiting.until("a breakpoint on line 4", Duration.ofSeconds(10), () -> ToitBreakpoints.lineBreakpoint(main, 4) != null,
                () -> ToitBreakpoints.lineBreakpoints().toString());

        ILaunchConfiguration configuration = ToitLaunchShortcut.configurationFor(main);
        DebugUITools.launch(configuration, "debug");
        ToitDebugTarget target = debugTarget(configuration);
        ToitDebugProcess process = (ToitDebugProcess) target.getProcess();
        Waiting.until("the console of the debugged program", Duration.ofSeconds(20), () -> DebugUITools.getConsole(process) != null,
                () -> "none");
        TextConsole console = (TextConsole) DebugUITools.getConsole(process);

        IThread thread = suspendedAt(target, 4, console);
        Waiting.until("'start' in the console before the breakpoint", Duration.ofSeconds(20),
                () -> console.getDocument().get().contains("start\n"), () -> console.getDocument().get());
        assertTrue(!console.getDocument().get().contains("y = "), console.getDocument().get());
        IStackFrame top = thread.getTopStackFrame();
        assertTrue(top.getName().startsWith("main"), top.getName());

        // the editor shows the stop: main.toit open with the current line marked
        Waiting.until("the current line marked in the editor", Duration.ofSeconds(20), () -> {
            ITextEditor active = page().getActiveEditor() instanceof ITextEditor t ? t : null;
            return active != null && main.equals(active.getEditorInput().getAdapter(IFile.class)) && instructionPointerLine(active) == 4;
        }, () -> String.valueOf(page().getActiveEditor()));

        // the Variables view shows the local x = 5
        page().showView(IDebugUIConstants.ID_VARIABLE_VIEW);
        Waiting.until("x = 5 in the Variables view", Duration.ofSeconds(20),
                () -> variablesViewText().lines().anyMatch(l -> l.matches("x\\s.*\\b5\\b.*") || l.matches("x = 5.*")),
                DebugToitApplicationTest::variablesViewText);

        // Step Over: line 5, the same frame object (the Debug view keeps its selection)
        thread.stepOver();
        IThread after = suspendedAt(target, 5, console);
        assertSame(thread, after);
        assertSame(top, after.getTopStackFrame(), "frames keep their identity across stops");
        Waiting.until("y = 10 in the Variables view", Duration.ofSeconds(20),
                () -> variablesViewText().lines().anyMatch(l -> l.matches("y\\s.*\\b10\\b.*") || l.matches("y = 10.*")),
                DebugToitApplicationTest::variablesViewText);

        // Resume: runs to the end, the console shows the rest of the output and the exit
        target.resume();
        Waiting.until("'y = 10' in the console", Duration.ofSeconds(30), () -> console.getDocument().get().contains("y = 10\n"),
                () -> console.getDocument().get());
        Waiting.until("the debug session ending", Duration.ofSeconds(30), target::isTerminated, () -> console.getDocument().get());
        Waiting.until("the exit in the console", Duration.ofSeconds(10),
                () -> console.getDocument().get().contains("exited with code 0"), () -> console.getDocument().get());
        assertTrue(process.isTerminated());
        assertEquals(0, process.getExitValue());
    }

    @Test
    void debuggingASerialDeviceTheIdeHoldsTakesThePortForTheSessionAndGivesItBack() throws Exception {
        Waiting.forSimulator();
        DeviceRegistry registry = DevicesPlugin.getDefault().registry();
        String pty = registry.simulator().running().serialPath();   // the simulated device's serial line
        KnownDevice device = registry.add(pty, "");
        try {
            registry.connect(device).get(10, TimeUnit.SECONDS);
            assertEquals(1, registry.links().ports().holdersOf(pty).size(), "the IDE's link holds " + pty);
            IProject project = toitProject("debug-serial", "main:\n  print \"over serial\"\n");
            ILaunchConfigurationWorkingCopy copy = ToitLaunchShortcut.configurationFor(project.getFile("main.toit")).getWorkingCopy();
            copy.setAttribute(ToitLaunch.ATTR_DEVICE, pty);
            ILaunchConfiguration configuration = copy.doSave();
            boolean[] handedOver = { false };
            DebugUITools.launch(configuration, "debug");
            ToitDebugTarget target = debugTarget(configuration);
            Waiting.until("the port handed to the debugger", Duration.ofSeconds(30), () -> {
                handedOver[0] |= registry.links().ports().isReleased(pty) && registry.links().ports().holdersOf(pty).isEmpty();
                return handedOver[0] || target.isTerminated();
            }, () -> "held by the IDE");
            assertTrue(handedOver[0], "the IDE's link gave the port to the debugger");
            ToitDebugProcess process = (ToitDebugProcess) target.getProcess();
            Waiting.until("the console of the debugged program", Duration.ofSeconds(20), () -> DebugUITools.getConsole(process) != null,
                    () -> "none");
            TextConsole console = (TextConsole) DebugUITools.getConsole(process);
            Waiting.until("the program's output over the serial line and its exit", Duration.ofSeconds(90),
                    () -> console.getDocument().get().contains("over serial\n") && console.getDocument().get().contains("exited with code 0"),
                    () -> console.getDocument().get());
            Waiting.until("the debug session ending", Duration.ofSeconds(30), target::isTerminated, () -> console.getDocument().get());
            Waiting.until("the IDE's link to " + pty + " back", Duration.ofSeconds(15),
                    () -> !registry.links().ports().isReleased(pty) && registry.links().ports().holdersOf(pty).size() == 1,
                    () -> registry.links().ports().holdersOf(pty).toString());
            assertTrue(registry.connect(device).get(10, TimeUnit.SECONDS).isOpen(), "the device answers the IDE again");
        } finally {
            registry.remove(device);
        }
    }

    @Test
    void aCompileErrorFailsTheDebugLaunchWithFileAndLine() throws Exception {
        Waiting.forSimulator();
        IProject project = toitProject("debug-broken", "main:\n  print \"a\"\n  print no_such_name\n");
        IFile main = project.getFile("main.toit");
        ILaunchConfiguration configuration = ToitLaunchShortcut.configurationFor(main);
        org.eclipse.core.runtime.CoreException error = org.junit.jupiter.api.Assertions.assertThrows(
                org.eclipse.core.runtime.CoreException.class, () -> configuration.launch("debug", new org.eclipse.core.runtime.NullProgressMonitor()));
        String message = error.getStatus().getMessage();
        assertTrue(message.contains(main.getLocation().toOSString() + ":3:"), message);
    }

    @Test
    void exceptionBreakpointsAreListedUncaughtOnAllOff() throws Exception {
        var breakpoints = ToitBreakpoints.exceptionBreakpoints();
        assertEquals(2, breakpoints.size());
        for (var b : breakpoints) {
            assertEquals(b.filter().equals("uncaught"), b.isEnabled(), b.filter());
            assertTrue(DebugPlugin.getDefault().getBreakpointManager().isRegistered(b));
        }
    }
}
