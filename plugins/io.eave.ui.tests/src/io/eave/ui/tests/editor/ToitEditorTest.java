package io.eave.ui.tests.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.resource.ColorRegistry;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.TextSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eave.toit.editor.ToitEditorIds;
import io.eave.toit.editor.brackets.ToitBracketMatcher;
import io.eave.toit.editor.highlighting.ToitTokenStyles;
import io.eave.toit.lexer.TokenKind;

/** The Toit editor in the real workbench: what a user sees and what their keys do. */
public class ToitEditorTest {

    private static final String SOURCE = """
            import net.tcp show Socket
            /* outer /* inner */ still outer */
            main:
              port := 8080
              connect "localhost" --port=port
              print "host $name is up at $(port + 1)"
            """;

    private IFile file;
    private ITextEditor editor;
    private StyledText text;
    private IDocument document;

    @BeforeEach
    void openEditor() throws Exception {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("editor-test");
        if (!project.exists()) project.create(null);
        project.open(null);
        file = project.getFile("highlight.toit");
        if (file.exists()) file.delete(true, null);
        file.create(new ByteArrayInputStream(SOURCE.getBytes(StandardCharsets.UTF_8)), true, null);

        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        editor = (ITextEditor) IDE.openEditor(page, file, true);
        text = (StyledText) editor.getAdapter(Control.class);
        document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        waitUntil(() -> text.getStyleRanges().length > 0, "highlighting after opening");
    }

    @AfterEach
    void closeEditor() {
        editor.getSite().getPage().closeEditor(editor, false);
    }

    @Test
    void toitFilesOpenInTheGenericEditorWithTheToitContentType() throws Exception {
        assertEquals(ToitEditorIds.CONTENT_TYPE, file.getContentDescription().getContentType().getId());
        assertEquals("org.eclipse.ui.genericeditor.GenericEditor", editor.getSite().getId());
        assertEquals(SOURCE, document.get());
    }

    @Test
    void highlightsKeywordsStringsInterpolationCommentsAndNamedArguments() {
        assertStyle("import", TokenKind.KEYWORD, SWT.BOLD);
        assertStyle("show", TokenKind.KEYWORD, SWT.BOLD);
        assertStyle("/* outer", TokenKind.COMMENT, SWT.NORMAL);
        // the text after the inner comment's end is still comment: comments nest
        assertStyle("still outer */", TokenKind.COMMENT, SWT.NORMAL);
        assertStyle("\"localhost\"", TokenKind.STRING, SWT.NORMAL);
        assertStyle("--port", TokenKind.NAMED_ARGUMENT, SWT.NORMAL);
        assertStyle("8080", TokenKind.NUMBER, SWT.NORMAL);
        assertStyle("\"host ", TokenKind.STRING, SWT.NORMAL);
        assertStyle("$name", TokenKind.INTERPOLATION, SWT.BOLD);
        assertStyle("$(", TokenKind.INTERPOLATION, SWT.BOLD);
        assertStyle(" is up at", TokenKind.STRING, SWT.NORMAL);
        // code inside the interpolation is code again
        assertEquals(null, styleAt(SOURCE.indexOf("port + 1")).foreground,
                "an identifier inside $(...) has the editor's plain text colour");
        // and plain identifiers are not coloured at all
        assertEquals(null, styleAt(SOURCE.indexOf("connect")).foreground);
    }

    @Test
    void typingACommentOpenerRecoloursTheRestOfTheFileAndRemovingItRestoresIt() throws Exception {
        int main = SOURCE.indexOf("main:");
        document.replace(main, 0, "/*\n");
        int keyword = document.get().indexOf("--port");
        waitUntil(() -> color(TokenKind.COMMENT).equals(styleAt(keyword).foreground), "comment colour after /*");

        document.replace(main, 3, "");
        waitUntil(() -> color(TokenKind.NAMED_ARGUMENT).equals(styleAt(SOURCE.indexOf("--port")).foreground),
                "named argument colour after removing /*");
        assertStyle("\"localhost\"", TokenKind.STRING, SWT.NORMAL);
    }

    @Test
    void goToMatchingBracketUsesTheToitMatcherAndSkipsBracketsInStrings() throws Exception {
        String source = document.get();
        int open = source.indexOf("$(") + 1;   // the ( of the interpolation
        int close = source.indexOf(")\"");
        text.setCaretOffset(open + 1);
        execute("org.eclipse.ui.genericeditor.gotoMatchingBracket");
        assertEquals(close, text.getCaretOffset(), "caret jumps to the matching )");
        execute("org.eclipse.ui.genericeditor.gotoMatchingBracket");
        assertEquals(open + 1, text.getCaretOffset(), "and back to just after the (");

        document.set("f (g \")\" [1, 2]) x\n");
        IRegion region = new ToitBracketMatcher().match(document, 3);
        assertNotNull(region);
        assertEquals(2, region.getOffset());
        assertEquals("(g \")\" [1, 2])", document.get(region.getOffset(), region.getLength()));
    }

    @Test
    void toggleCommentCommentsAndUncommentsTheSelectedLines() throws Exception {
        int from = SOURCE.indexOf("port :=");
        int to = SOURCE.indexOf("  print");
        editor.selectAndReveal(from, to - from);
        execute(ToitEditorIds.TOGGLE_COMMENT_COMMAND);
        String commented = document.get();
        assertTrue(commented.contains("\n  // port := 8080\n  // connect \"localhost\" --port=port\n  print"), commented);

        editor.getSelectionProvider().setSelection(new TextSelection(commented.indexOf("// port"), 30));
        execute(ToitEditorIds.TOGGLE_COMMENT_COMMAND);
        assertEquals(SOURCE, document.get());
    }

    @Test
    void enterAfterATrailingColonIndentsTheNextLine() {
        int endOfMain = SOURCE.indexOf("main:") + "main:".length();
        text.setCaretOffset(endOfMain);
        text.insert("\n");
        assertEquals("main:\n  \n  port", document.get().substring(endOfMain - 5, endOfMain + 10));

        int endOfPort = document.get().indexOf("8080") + 4;
        text.setCaretOffset(endOfPort);
        text.insert("\n");
        assertEquals("8080\n  \n  connect", document.get().substring(endOfPort - 4, endOfPort + 13),
                "a line without a trailing colon keeps its indentation");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void assertStyle(String snippet, TokenKind kind, int fontStyle) {
        int offset = document.get().indexOf(snippet);
        assertTrue(offset >= 0, snippet);
        for (int i = offset; i < offset + snippet.length(); i++) {
            if (Character.isWhitespace(document.get().charAt(i))) continue;
            StyleRange range = styleAt(i);
            int at = i;
            assertEquals(color(kind), range.foreground, () -> kind + " colour at " + at + " in '" + snippet + "'");
            assertEquals(fontStyle, range.fontStyle, () -> kind + " font style in '" + snippet + "'");
        }
        assertNotEquals(color(kind), styleAt(document.get().indexOf("connect")).foreground);
    }

    private StyleRange styleAt(int offset) {
        StyleRange range = text.getStyleRangeAtOffset(offset);
        return range != null ? range : new StyleRange();
    }

    private static Color color(TokenKind kind) {
        ColorRegistry registry = PlatformUI.getWorkbench().getThemeManager().getCurrentTheme().getColorRegistry();
        Color color = registry.get(ToitTokenStyles.colorId(kind));
        assertNotNull(color, "theme colour for " + kind);
        return color;
    }

    private void execute(String commandId) throws Exception {
        IHandlerService handlers = editor.getSite().getService(IHandlerService.class);
        handlers.executeCommand(commandId, null);
        flushEvents();
    }

    private static void waitUntil(BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, "timed out waiting for " + what);
            flushEvents();
            try {
                Thread.sleep(10);
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
