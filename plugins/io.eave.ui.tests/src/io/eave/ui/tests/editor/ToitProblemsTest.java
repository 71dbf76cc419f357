package io.eave.ui.tests.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eave.launch.build.CompilerPreferences;
import io.eave.toit.wizards.ToitProjects;
import io.eave.toit.wizards.ToitSample;
import io.eave.ui.tests.devices.Waiting;

/**
 * What the Problems view lists for Toit files, in the real workbench with the real language
 * server and the real Toit builder: an error of a file open in an editor is listed once (the
 * client's markers as you type and the builder's after a save share one type), goes when fixed
 * and saved, and survives neither an older diagnostic nor discarded edits; an error of a closed
 * file comes from the builder; and an open file's unresolved import follows the imported file
 * being created, renamed and deleted outside the editor (the client's file watcher).
 */
public class ToitProblemsTest {
    /** The first analysis and the first build each make a front end (Xtext, the core library). */
    private static final Duration FIRST = Duration.ofSeconds(240);
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** How long a count must hold to be the settled state (the client and builder both had their say). */
    private static final long SETTLE_MS = 3_000;

    private IProject project;

    @AfterEach
    void cleanUp() throws CoreException {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        flushEvents();
        if (project != null) project.delete(true, true, null);
    }

    private IProject toitProject(String name) throws CoreException {
        CompilerPreferences.node().remove(CompilerPreferences.BUILD_ON_SAVE);
        project = ToitProjects.create(name, null, ToitSample.EMPTY, new NullProgressMonitor());
        waitForAutoBuild(FIRST);
        return project;
    }

    @Test
    void anErrorInAnOpenFileIsListedOnceAndGoesWhenFixedAndSaved() throws Exception {
        toitProject("problems-open");
        IFile main = project.getFile("main.toit");
        ITextEditor editor = open(main);
        IDocument document = document(editor);
        document.set("main:\n  print missing\n");   // typed, not saved: the client's marker, live
        Waiting.until("the error while typing", FIRST, () -> problems(main).size() == 1, () -> describe(main));
        assertTrue(describe(main).contains("missing"), describe(main));

        editor.doSave(new NullProgressMonitor());   // now the builder checks it too
        waitForAutoBuild(WAIT);
        holds(() -> problems(main).size() == 1, "the error listed once after the save", main);
        IMarker marker = problems(main).get(0);
        assertEquals(2, marker.getAttribute(IMarker.LINE_NUMBER, -1), describe(main));
        assertEquals("io.eave.toit.unresolved-name", marker.getAttribute("code", ""), describe(main));

        document.set("main:\n  print 42\n");
        editor.doSave(new NullProgressMonitor());
        waitForAutoBuild(WAIT);
        Waiting.until("the error going after the fix and save", WAIT, () -> problems(main).isEmpty(), () -> describe(main));
        holds(() -> problems(main).isEmpty(), "no error after the fix", main);

        // changed outside the editor while it is open (and clean): the builder's markers and the
        // client's of the new text agree; the client's of the text before must not undo them
        main.setContents(new ByteArrayInputStream("main:\n  print missing2\n".getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
        waitForAutoBuild(WAIT);
        Waiting.until("the error of the text set outside the editor", WAIT,
                () -> problems(main).size() == 1 && describe(main).contains("missing2"), () -> describe(main));
        holds(() -> problems(main).size() == 1 && describe(main).contains("missing2"), "that error, once", main);
    }

    @Test
    void anErrorInAClosedFileIsReportedByTheBuilderAndComesBackWhenEditsAreDiscarded() throws Exception {
        toitProject("problems-closed");
        IFile other = project.getFile("other.toit");
        other.create(new ByteArrayInputStream("helper:\n  print missing\n".getBytes(StandardCharsets.UTF_8)), true, null);
        waitForAutoBuild(WAIT);
        assertEquals(1, problems(other).size(), "the builder's marker on the closed file: " + describe(other));

        ITextEditor editor = open(other);
        document(editor).set("helper:\n  print 1\n");   // fixed in the editor, not saved: the live view has no error
        Waiting.until("the error going while the fix is typed", FIRST, () -> problems(other).isEmpty(), () -> describe(other));

        editor.close(false);   // the fix is discarded: the file on disk still has the error
        flushEvents();
        waitForAutoBuild(WAIT);
        Waiting.until("the saved file's error back after the edits were discarded", WAIT,
                () -> problems(other).size() == 1, () -> describe(other));
        holds(() -> problems(other).size() == 1, "the saved file's error, once", other);
    }

    @Test
    void anOpenFilesImportFollowsTheImportedFileCreatedRenamedAndDeletedOutsideTheEditor() throws Exception {
        // a project without the Toit builder: only the language client marks the open file
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("problems-watch");
        project.create(null);
        project.open(null);
        IFile app = project.getFile("app.toit");
        app.create(new ByteArrayInputStream("import .extra\nmain:\n  print extra.VALUE\n".getBytes(StandardCharsets.UTF_8)), true, null);
        open(app);
        Waiting.until("the unresolved import", FIRST, () -> unresolvedImport(app), () -> describe(app));

        IFile extra = project.getFile("extra.toit");
        extra.create(new ByteArrayInputStream("VALUE ::= 7\n".getBytes(StandardCharsets.UTF_8)), true, null);
        Waiting.until("the import resolved once the file exists", WAIT, () -> problems(app).isEmpty(), () -> describe(app));

        extra.move(org.eclipse.core.runtime.IPath.fromPortableString("moved.toit"), true, null);   // renamed
        Waiting.until("the import unresolved once the file is renamed", WAIT, () -> unresolvedImport(app), () -> describe(app));
        project.getFile("moved.toit").move(org.eclipse.core.runtime.IPath.fromPortableString("extra.toit"), true, null);
        Waiting.until("the import resolved once the name is back", WAIT, () -> problems(app).isEmpty(), () -> describe(app));

        extra.delete(true, null);
        Waiting.until("the import unresolved again once the file is gone", WAIT, () -> unresolvedImport(app), () -> describe(app));
    }

    private static boolean unresolvedImport(IFile file) {
        return problems(file).stream().anyMatch(m -> "io.eave.toit.unresolved-import".equals(m.getAttribute("code", "")));
    }

    /** Problem markers of every Eave type on the file: what the Problems view lists for it. */
    private static List<IMarker> problems(IFile file) {
        try {
            return Arrays.stream(file.findMarkers(IMarker.PROBLEM, true, IResource.DEPTH_ZERO))
                    .filter(m -> {
                        try {
                            return m.getType().startsWith("io.eave.");
                        } catch (CoreException e) {
                            return false;
                        }
                    }).toList();
        } catch (CoreException e) {
            return List.of();
        }
    }

    private static String describe(IFile file) {
        return problems(file).stream().map(m -> {
            try {
                return m.getType() + " " + m.getAttribute(IMarker.LINE_NUMBER, -1) + ": " + m.getAttribute(IMarker.MESSAGE, "");
            } catch (CoreException e) {
                return "?";
            }
        }).toList().toString();
    }

    /** Asserts that {@code condition} holds for {@link #SETTLE_MS} while the workbench runs. */
    private static void holds(BooleanSupplier condition, String what, IFile file) {
        long end = System.currentTimeMillis() + SETTLE_MS;
        while (System.currentTimeMillis() < end) {
            assertTrue(condition.getAsBoolean(), what + ": " + describe(file));
            flushEvents();
            sleep(20);
        }
    }

    private static void waitForAutoBuild(Duration limit) {
        Waiting.forAutoBuild(limit);
    }

    private static ITextEditor open(IFile file) throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        ITextEditor editor = (ITextEditor) IDE.openEditor(page, file, true);
        flushEvents();
        return editor;
    }

    private static IDocument document(ITextEditor editor) {
        return editor.getDocumentProvider().getDocument(editor.getEditorInput());
    }

    private static void flushEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // run pending UI work
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
