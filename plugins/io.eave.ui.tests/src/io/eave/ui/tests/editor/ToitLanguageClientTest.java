package io.eave.ui.tests.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextHoverExtension2;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.TextViewer;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.ide.ResourceUtil;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eave.toit.editor.lsp.ToitDefinitionHyperlink;
import io.eave.toit.editor.lsp.ToitDocumentSync;
import io.eave.toit.editor.lsp.ToitLanguageServers;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import io.eave.toit.editor.lsp.ToitProblemMarkers;

/**
 * The LSP client in the real workbench against the real (in-IDE) Toit language server: problem
 * markers as you type, completion, hover and Ctrl+click to the declaration.
 */
public class ToitLanguageClientTest {
    /** The first analysis builds the front end and the core library. */
    private static final long SERVER_MS = 90_000;

    private IProject project;
    private final List<ITextEditor> editors = new ArrayList<>();

    @BeforeEach
    void project() throws CoreException {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("lsp-test");
        if (!project.exists()) project.create(null);
        project.open(null);
    }

    @AfterEach
    void closeEditors() {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        flushEvents();
    }

    @Test
    void anErrorBecomesAMarkerWhileTypingAndGoesAwayWhenFixed() throws Exception {
        IFile file = create("problems.toit", "main:\n  print 1\n");
        ITextEditor editor = open(file);
        IDocument document = document(editor);
        int at = document.get().indexOf("1\n");
        document.replace(at, 1, "missing");   // typed, not saved

        waitUntil(() -> markers(file).length == 1, "a problem marker for 'missing'", SERVER_MS);
        IMarker marker = markers(file)[0];
        assertEquals(2, marker.getAttribute(IMarker.LINE_NUMBER, -1), "on line 2");
        String message = marker.getAttribute(IMarker.MESSAGE, "");
        assertTrue(message.contains("missing"), message);
        assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
        assertEquals("io.eave.toit.unresolved-name", marker.getAttribute(ToitProblemMarkers.CODE, ""));
        assertEquals(at, marker.getAttribute(IMarker.CHAR_START, -1));
        assertEquals(at + "missing".length(), marker.getAttribute(IMarker.CHAR_END, -1));
        // and the editor shows it: an error annotation with the message over the name
        waitUntil(() -> errorAnnotation(editor, message) != null, "the error annotation in the editor", 10_000);

        document.replace(at, "missing".length(), "42");
        waitUntil(() -> markers(file).length == 0, "the marker to go away after the fix", SERVER_MS);
        waitUntil(() -> errorAnnotation(editor, message) == null, "the annotation to go away", 10_000);
    }

    @Test
    void completionAfterADotOnAStringOffersItsMembers() throws Exception {
        IFile file = create("complete.toit", "main:\n  print \"hello\".\n");
        ITextEditor editor = open(file);
        IDocument document = document(editor);
        warmUp(file);
        int offset = document.get().indexOf(".\n") + 1;
        editor.selectAndReveal(offset, 0);
        IHandlerService handlers = editor.getSite().getService(IHandlerService.class);
        handlers.executeCommand(ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS, null);
        waitUntil(() -> proposals().stream().anyMatch(p -> p.startsWith("size")),
                "'size' among the proposals " + proposals(), SERVER_MS);
    }

    @Test
    void typingADotOrTwoDashesOpensCompletionByItself() throws Exception {
        IFile file = create("auto.toit", "connect host --port/int=80 --secure/bool=false: return host\nmain:\n  print \"hello\"\n  connect \"h\" \n");
        ITextEditor editor = open(file);
        IDocument document = document(editor);
        warmUp(file);
        StyledText text = (StyledText) editor.getAdapter(Control.class);
        text.setFocus();
        editor.selectAndReveal(document.get().indexOf("\"hello\"") + 7, 0);
        type(text, '.');
        assertTrue(document.get().contains("\"hello\".\n"), document.get());
        waitUntil(() -> proposals().stream().anyMatch(p -> p.startsWith("size")),
                "'size' proposed after typing '.' " + proposals(), SERVER_MS);
        editor.getSite().getPage().closeEditor(editor, false);
        flushEvents();

        editor = open(file);
        document = document(editor);
        text = (StyledText) editor.getAdapter(Control.class);
        text.setFocus();
        editor.selectAndReveal(document.get().indexOf("\"h\" ") + 4, 0);
        type(text, '-');
        type(text, '-');
        waitUntil(() -> proposals().containsAll(List.of("--port  optional", "--secure  optional")),
                "the named arguments proposed after typing '--' " + proposals(), SERVER_MS);
    }

    @Test
    void hoverShowsTheSignatureAndDocumentation() throws Exception {
        create("lib.toit", "/// Greets someone by name.\ngreet name/string:\n  print \"hello $name\"\n");
        IFile main = create("hover.toit", "import .lib show *\nmain:\n  greet \"you\"\n");
        ITextEditor editor = open(main);
        warmUp(main);
        ITextViewer viewer = viewer(editor);
        int offset = document(editor).get().indexOf("greet") + 2;
        // the hover the editor shows at that place: the generic editor's, which asks ours
        Method getTextHover = TextViewer.class.getDeclaredMethod("getTextHover", int.class, int.class);
        getTextHover.setAccessible(true);
        ITextHover hover = (ITextHover) getTextHover.invoke(viewer, offset, 0);
        assertNotNull(hover, "a hover for Toit");
        var region = hover.getHoverRegion(viewer, offset);
        assertNotNull(region);
        // hovers are computed off the UI thread, as the text viewer does
        Object info = offUiThread(() -> hover instanceof ITextHoverExtension2 h2
                ? h2.getHoverInfo2(viewer, region) : hover.getHoverInfo(viewer, region));
        assertNotNull(info, "hover text");
        String text = info.toString();
        assertTrue(text.contains("greet name/string") && text.contains("Greets someone by name."), text);
    }

    @Test
    void ctrlClickOnANameOpensItsDeclaration() throws Exception {
        IFile lib = create("lib2.toit", "/// Says goodbye.\nfarewell name/string:\n  print \"bye $name\"\n");
        IFile main = create("link.toit", "import .lib2 show *\nmain:\n  farewell \"you\"\n");
        ITextEditor editor = open(main);
        warmUp(main);
        ITextViewer viewer = viewer(editor);
        int offset = document(editor).get().indexOf("farewell \"") + 3;
        IHyperlink link = null;
        for (IHyperlinkDetector detector : EditorsUI.getHyperlinkDetectorRegistry()
                .createHyperlinkDetectors("org.eclipse.ui.genericeditor.GenericEditor", editor)) {
            IHyperlink[] links = detector.detectHyperlinks(viewer, new Region(offset, 0), false);
            if (links != null) {
                for (IHyperlink l : links) {
                    if (l instanceof ToitDefinitionHyperlink) link = l;
                }
            }
        }
        assertNotNull(link, "a Toit hyperlink under the mouse with Ctrl");
        assertEquals("farewell", document(editor).get(link.getHyperlinkRegion().getOffset(), link.getHyperlinkRegion().getLength()));
        link.open();
        IWorkbenchPage page = editor.getSite().getPage();
        waitUntil(() -> lib.equals(ResourceUtil.getFile(page.getActiveEditor() == null ? null : page.getActiveEditor().getEditorInput())),
                "lib2.toit to open", SERVER_MS);
        ITextEditor target = (ITextEditor) page.getActiveEditor();
        editors.add(target);
        ITextSelection selection = (ITextSelection) target.getSelectionProvider().getSelection();
        assertEquals("farewell", selection.getText());
        assertEquals(1, selection.getStartLine(), "the declaration's line (0-based)");
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** A key typed by the user: key down (content assist listens there) and key up. */
    private static void type(StyledText text, char c) {
        Event down = new Event();
        down.character = c;
        down.keyCode = c;
        text.notifyListeners(SWT.KeyDown, down);
        Event up = new Event();
        up.character = c;
        up.keyCode = c;
        text.notifyListeners(SWT.KeyUp, up);
        flushEvents();
    }

    private IFile create(String name, String text) throws CoreException {
        IFile file = project.getFile(name);
        if (file.exists()) file.delete(true, null);
        file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
        return file;
    }

    private ITextEditor open(IFile file) throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        IEditorPart part = IDE.openEditor(page, file, true);
        ITextEditor editor = (ITextEditor) part;
        editors.add(editor);
        flushEvents();
        return editor;
    }

    /** Waits until the server has started and answered a request on the file (the first builds the front end). */
    private void warmUp(IFile file) {
        IDocument document = document(editors.get(editors.size() - 1));
        String uri = ToitDocumentSync.uriOf(document);
        assertNotNull(uri, "the document is connected to the language server");
        var answer = ToitLanguageServers.get().request(s -> s.getTextDocumentService().hover(
                new HoverParams(new TextDocumentIdentifier(uri), new Position(0, 0))));
        waitUntil(answer::isDone, "the language server's first answer", SERVER_MS);
    }

    private static IDocument document(ITextEditor editor) {
        return editor.getDocumentProvider().getDocument(editor.getEditorInput());
    }

    private static ITextViewer viewer(ITextEditor editor) {
        return (ITextViewer) editor.getAdapter(ITextOperationTarget.class);
    }

    private static IMarker[] markers(IFile file) {
        try {
            return file.findMarkers(ToitProblemMarkers.TYPE, false, IResource.DEPTH_ZERO);
        } catch (CoreException e) {
            return new IMarker[0];
        }
    }

    private static Annotation errorAnnotation(ITextEditor editor, String message) {
        IAnnotationModel model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
        for (Iterator<Annotation> i = model.getAnnotationIterator(); i.hasNext();) {
            Annotation a = i.next();
            if (!a.isMarkedDeleted() && message.equals(a.getText()) && a.getType().contains("error")) return a;
        }
        return null;
    }

    /** The labels in the content assist popup, if one is open. */
    private static List<String> proposals() {
        List<String> labels = new ArrayList<>();
        for (Shell shell : Display.getCurrent().getShells()) {
            if (shell.isVisible()) collectTableItems(shell, labels);
        }
        return labels;
    }

    private static void collectTableItems(Control control, List<String> labels) {
        if (control instanceof Table table) {
            for (TableItem item : table.getItems()) labels.add(item.getText());
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) collectTableItems(child, labels);
        }
        if (control instanceof Shell shell) {
            for (Shell child : shell.getShells()) collectTableItems(child, labels);
        }
    }

    private static <T> T offUiThread(Supplier<T> work) {
        CompletableFuture<T> result = CompletableFuture.supplyAsync(work);
        waitUntil(result::isDone, "the background computation", SERVER_MS);
        return result.join();
    }

    private static void waitUntil(BooleanSupplier condition, String what, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, "timed out waiting for " + what);
            flushEvents();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void flushEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // run pending UI work
        }
    }
}
