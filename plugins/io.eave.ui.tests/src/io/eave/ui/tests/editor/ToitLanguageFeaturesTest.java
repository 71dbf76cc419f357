package io.eave.ui.tests.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.ITextViewerExtension5;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.projection.ProjectionAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.search.ui.ISearchResultViewPart;
import org.eclipse.search.ui.NewSearchUI;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eave.toit.editor.lsp.ToitDocumentSync;
import io.eave.toit.editor.lsp.ToitLanguageServers;
import io.eave.toit.editor.lsp.ToitProblemMarkers;
import io.eave.toit.editor.lsp.occurrences.ToitOccurrences;

/**
 * The Toit editor's language features beyond completion, in the real workbench against the real
 * (in-IDE) language server: references in the Search view, rename with its preview across two
 * files, the Outline, semantic colours, folding, Format, marked occurrences, quick fixes and
 * signature help. Each drives what a user does (a command, a key, a view) and checks what the
 * user sees.
 */
public class ToitLanguageFeaturesTest {
    /** The first analysis builds the front end and the core library. */
    private static final long SERVER_MS = 90_000;
    private static final long UI_MS = 20_000;

    private IProject project;

    @BeforeEach
    void project() throws CoreException {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("lsp-features");
        if (!project.exists()) project.create(null);
        project.open(null);
    }

    @AfterEach
    void closeEditors() {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        flushEvents();
    }

    @Test
    void findReferencesListsTheUsesInTheSearchView() throws Exception {
        create("refslib.toit", "greet name/string:\n  print \"hello $name\"\n\ngreet-all names/List:\n  names.do: greet it\n");
        IFile main = create("refsmain.toit", "import .refslib show *\nmain:\n  greet \"you\"\n  greet \"me\"\n");
        ITextEditor editor = open(main);
        warmUp(editor);
        editor.selectAndReveal(document(editor).get().indexOf("greet \"you\"") + 2, 0);
        execute(editor, "io.eave.toit.editor.references");

        waitUntil(() -> searchRows().size() >= 6, () -> "project, two files, three lines in the Search view: " + searchRows(), SERVER_MS);
        assertEquals(List.of("lsp-features (3 matches)",
                "  refslib.toit (1 match)",
                "    5: names.do: greet it",
                "  refsmain.toit (2 matches)",
                "    3: greet \"you\"",
                "    4: greet \"me\""), searchRows(), "grouped by project and file; the declaration is not a reference");
        ISearchResultViewPart view = NewSearchUI.getSearchResultView();
        assertEquals("'greet' \u2013 3 references in 2 files", ((org.eclipse.search.ui.text.AbstractTextSearchViewPage) view.getActivePage()).getInput()
                .getLabel());
        Tree tree = searchTree();
        TreeItem you = tree.getItem(0).getItem(1).getItem(0);
        StyleRange[] highlights = you.getParent() == null ? null : styles(you);
        assertTrue(highlights != null && java.util.Arrays.stream(highlights).anyMatch(r -> r.start == 3 && r.length == 5),
                "'greet' highlighted in '3: greet \"you\"': " + java.util.Arrays.toString(highlights));

        // opening a line (a double-click) shows the reference selected in its file
        tree.setSelection(you);
        Event open = new Event();
        open.item = you;
        tree.notifyListeners(org.eclipse.swt.SWT.DefaultSelection, open);
        flushEvents();
        String mainText = document(editor).get();
        ITextEditor active = (ITextEditor) editor.getSite().getPage().getActiveEditor();
        assertEquals("refsmain.toit", active.getEditorInput().getName());
        assertSelection(active, mainText.indexOf("greet \"you\""), 5);

        // Show Next Match: the other line of the file, then the first file's line
        var results = (org.eclipse.search.ui.text.AbstractTextSearchViewPage) view.getActivePage();
        results.gotoNextMatch();
        flushEvents();
        assertSelection((ITextEditor) editor.getSite().getPage().getActiveEditor(), mainText.indexOf("greet \"me\""), 5);
        results.gotoPreviousMatch();
        flushEvents();
        assertSelection((ITextEditor) editor.getSite().getPage().getActiveEditor(), mainText.indexOf("greet \"you\""), 5);
        results.gotoPreviousMatch();
        flushEvents();
        ITextEditor lib = (ITextEditor) editor.getSite().getPage().getActiveEditor();
        assertEquals("refslib.toit", lib.getEditorInput().getName(), "Previous Match goes back to the other file");
        assertSelection(lib, document(lib).get().indexOf("greet it"), 5);
    }

    private static void assertSelection(ITextEditor editor, int offset, int length) {
        var selection = (org.eclipse.jface.text.ITextSelection) editor.getSelectionProvider().getSelection();
        assertEquals(offset + ":" + length, selection.getOffset() + ":" + selection.getLength(), "the reference selected in " + editor.getTitle());
    }

    /** The styles a styled label provider gave a tree row (the Search view paints them itself). */
    private static StyleRange[] styles(TreeItem item) {
        Object ranges = item.getData("org.eclipse.jfacestyled_label_key_0");
        return ranges instanceof StyleRange[] r ? r : null;
    }

    @Test
    void renameChangesEveryUseAcrossTwoFilesAfterAPreview() throws Exception {
        IFile lib = create("renamelib.toit", "farewell name/string:\n  print \"bye $name\"\n");
        IFile main = create("renamemain.toit", "import .renamelib show *\nmain:\n  farewell \"you\"\n  farewell \"me\"\n");
        ITextEditor editor = open(main);
        warmUp(editor);
        editor.selectAndReveal(document(editor).get().indexOf("farewell \"you\"") + 3, 0);

        // the wizard is modal: a person at the keyboard, acting from outside the UI thread
        List<String> preview = new ArrayList<>();
        CompletableFuture<Void> person = CompletableFuture.runAsync(() -> {
            Shell dialog = awaitShell("Rename 'farewell'");
            try {
                onUi(() -> {
                    Text name = find(dialog, Text.class, t -> true);
                    assertNotNull(name, "the wizard, not a message: " + labels(dialog));
                    assertEquals("farewell", name.getText(), "the old name offered");
                    name.setText("goodbye");
                    press(dialog, "Preview >");
                });
                awaitUi(() -> !treeLabels(dialog).isEmpty(), "the preview");
                onUi(() -> {
                    preview.addAll(treeLabels(dialog));
                    press(dialog, "OK");
                });
            } finally {
                onUi(() -> {
                    if (!dialog.isDisposed()) dialog.close();   // never leave the test stuck in a modal loop
                });
            }
        });
        execute(editor, "io.eave.toit.editor.rename");
        waitUntil(person::isDone, () -> "the rename wizard to be used and closed", SERVER_MS);
        person.join();

        assertTrue(preview.stream().anyMatch(l -> l.contains("renamelib.toit")) && preview.stream().anyMatch(l -> l.contains("renamemain.toit")),
                "the preview lists both files: " + preview);
        assertEquals("import .renamelib show *\nmain:\n  goodbye \"you\"\n  goodbye \"me\"\n", document(editor).get());
        waitUntil(() -> read(lib).startsWith("goodbye name/string:"), () -> "renamelib.toit renamed: " + read(lib), UI_MS);
    }

    @Test
    void outlineShowsAClassWithItsMethods() throws Exception {
        IFile file = create("outline.toit", "class Greeter:\n  name/string\n  constructor .name:\n  hello:\n    print \"hello $name\"\n"
                + "  bye:\n    print \"bye\"\n\nmain:\n  (Greeter \"x\").hello\n");
        ITextEditor editor = open(file);
        warmUp(editor);
        IWorkbenchPage page = editor.getSite().getPage();
        ContentOutline outline = (ContentOutline) page.showView(IPageLayout.ID_OUTLINE);
        page.activate(editor);
        waitUntil(() -> outlineRows(outline).stream().anyMatch(r -> r.startsWith("Greeter")),
                () -> "the class in the Outline: " + outlineRows(outline), SERVER_MS);
        Tree tree = find((Composite) outline.getCurrentPage().getControl().getParent(), Tree.class, t -> true);
        TreeItem greeter = null;
        for (TreeItem item : tree.getItems()) {
            if (item.getText().startsWith("Greeter")) greeter = item;
        }
        assertNotNull(greeter);
        greeter.setExpanded(true);
        List<String> members = new ArrayList<>();
        for (TreeItem child : greeter.getItems()) members.add(child.getText());
        assertTrue(members.stream().anyMatch(m -> m.startsWith("hello")) && members.stream().anyMatch(m -> m.startsWith("bye")),
                "Greeter's methods under it: " + members);
        assertTrue(outlineRows(outline).stream().anyMatch(r -> r.startsWith("main")), outlineRows(outline).toString());
    }

    @Test
    void theOutlineShowsIconsPerKindSortsAndFollowsTheCaret() throws Exception {
        IFile file = create("outline2.toit", "class Zeta:\n  count := 0\n  constructor:\n  zed:\n    print 1\n  alpha:\n    print 2\n"
                + "\ninterface Shape:\n  area -> int\n\nmixin Walker:\n  walk:\n    print 0\n\nLIMIT ::= 3\n\nmain:\n  print LIMIT\n");
        ITextEditor editor = open(file);
        warmUp(editor);
        IWorkbenchPage page = editor.getSite().getPage();
        ContentOutline outline = (ContentOutline) page.showView(IPageLayout.ID_OUTLINE);
        page.activate(editor);
        waitUntil(() -> outlineRows(outline).size() == 5, () -> "five top-level symbols: " + outlineRows(outline), SERVER_MS);
        Tree tree = (Tree) outline.getCurrentPage().getControl();
        var bars = ((org.eclipse.ui.part.IPageBookViewPage) outline.getCurrentPage()).getSite().getActionBars();
        org.eclipse.jface.action.IAction sort = ((org.eclipse.jface.action.ActionContributionItem) bars.getToolBarManager().find("sort")).getAction();
        if (sort.isChecked()) {
            sort.setChecked(false);
            sort.run();
        }
        assertEquals(List.of("Zeta", "Shape", "Walker", "LIMIT", "main"), names(tree.getItems()), "as in the source");
        TreeItem zeta = tree.getItem(0);
        zeta.setExpanded(true);
        flushEvents();
        assertEquals(List.of("count", "constructor", "zed", "alpha"), names(zeta.getItems()), "the members as in the source");

        // an icon per kind: class, interface, mixin, constant, function, field, constructor, method
        TreeItem count = zeta.getItem(0);
        TreeItem constructor = zeta.getItem(1);
        TreeItem zed = zeta.getItem(2);
        for (TreeItem item : List.of(zeta, tree.getItem(1), tree.getItem(2), tree.getItem(3), tree.getItem(4), count, constructor, zed)) {
            assertNotNull(item.getImage(), "an icon for " + item.getText());
        }
        assertFalse(zeta.getImage().equals(zed.getImage()), "a class and a method look different");
        assertFalse(zeta.getImage().equals(tree.getItem(1).getImage()), "a class and an interface look different");
        assertFalse(zeta.getImage().equals(tree.getItem(2).getImage()), "a class and a mixin look different");
        assertFalse(count.getImage().equals(zed.getImage()), "a field and a method look different");
        assertFalse(constructor.getImage().equals(zed.getImage()), "a constructor and a method look different");
        assertEquals(zed.getImage(), zeta.getItem(3).getImage(), "two methods look alike");

        // Sort: by name, and back to the source's order
        sort.setChecked(true);
        sort.run();
        flushEvents();
        assertEquals(List.of("LIMIT", "main", "Shape", "Walker", "Zeta"), names(tree.getItems()), "sorted by name");
        TreeItem sortedZeta = tree.getItem(4);
        assertEquals(List.of("alpha", "constructor", "count", "zed"), names(sortedZeta.getItems()));
        sort.setChecked(false);
        sort.run();
        flushEvents();
        assertEquals(List.of("Zeta", "Shape", "Walker", "LIMIT", "main"), names(tree.getItems()), "the source's order again");

        // Link with Editor: the caret inside zed's body selects zed
        String text = document(editor).get();
        editor.selectAndReveal(text.indexOf("print 1") + 3, 0);
        waitUntil(() -> selectedRow(tree).startsWith("zed"), () -> "zed selected, not " + selectedRow(tree), UI_MS);
        editor.selectAndReveal(text.indexOf("print LIMIT"), 0);
        waitUntil(() -> selectedRow(tree).startsWith("main"), () -> "main selected, not " + selectedRow(tree), UI_MS);

        // an edit: the symbols come back with a new method; Zeta stays expanded, main selected
        editor.selectAndReveal(text.indexOf("print 2") + 3, 0);
        waitUntil(() -> selectedRow(tree).startsWith("alpha"), () -> "alpha selected, not " + selectedRow(tree), UI_MS);
        document(editor).replace(text.indexOf("\ninterface"), 0, "  beta:\n    print 3\n");
        waitUntil(() -> names(tree.getItem(0).getItems()).contains("beta"), () -> "the new method listed: " + names(tree.getItem(0).getItems()),
                SERVER_MS);
        assertTrue(tree.getItem(0).getExpanded(), "Zeta still expanded");
        assertEquals("alpha", selectedRow(tree).split(" ")[0], "alpha still selected");
    }

    private static List<String> names(TreeItem[] items) {
        List<String> names = new ArrayList<>();
        for (TreeItem item : items) names.add(item.getText().split(" ")[0]);
        return names;
    }

    private static String selectedRow(Tree tree) {
        TreeItem[] selected = tree.getSelection();
        return selected.length == 1 ? selected[0].getText() : "";
    }

    @Test
    void aClassNameGetsItsSemanticColour() throws Exception {
        IFile file = create("semantic.toit", "class Greeter:\n  hello: print \"hello\"\n\nmain:\n  g := Greeter\n  g.hello\n");
        ITextEditor editor = open(file);
        warmUp(editor);
        ITextViewer viewer = viewer(editor);
        StyledText text = viewer.getTextWidget();
        int use = document(editor).get().indexOf("Greeter\n  g.");
        Color type = PlatformUI.getWorkbench().getThemeManager().getCurrentTheme().getColorRegistry()
                .get("io.eave.toit.editor.color.semantic-type");
        assertNotNull(type);
        waitUntil(() -> {
            StyleRange style = text.getStyleRangeAtOffset(((ITextViewerExtension5) viewer).modelOffset2WidgetOffset(use));
            return style != null && type.equals(style.foreground);
        }, () -> "the class name in main coloured as a type", SERVER_MS);
        // a local is no type: it keeps the text colour
        StyleRange local = text.getStyleRangeAtOffset(document(editor).get().indexOf("g := "));
        assertTrue(local == null || !type.equals(local.foreground));
    }

    @Test
    void aMethodFolds() throws Exception {
        IFile file = create("folding.toit", "main:\n  print 1\n  long-method\n\nlong-method:\n  print 2\n  print 3\n  print 4\n");
        ITextEditor editor = open(file);
        warmUp(editor);
        ProjectionViewer viewer = (ProjectionViewer) viewer(editor);
        IDocument document = document(editor);
        int method = document.get().indexOf("long-method:");
        AtomicReference<Annotation> fold = new AtomicReference<>();
        waitUntil(() -> {
            ProjectionAnnotationModel model = viewer.getProjectionAnnotationModel();
            for (Iterator<Annotation> i = model.getAnnotationIterator(); i.hasNext();) {
                Annotation a = i.next();
                Position p = model.getPosition(a);
                if (a instanceof ProjectionAnnotation && p.getOffset() == method && p.getOffset() + p.getLength() == document.getLength()) fold.set(a);
            }
            return fold.get() != null;
        }, () -> "a folding region from long-method: to the end", SERVER_MS);
        int lines = viewer.getTextWidget().getLineCount();
        viewer.getProjectionAnnotationModel().collapse(fold.get());
        flushEvents();
        assertEquals(lines - 3, viewer.getTextWidget().getLineCount(), "the method's three body lines hidden");
        assertTrue(viewer.getTextWidget().getText().contains("long-method:\n"));
        assertFalse(viewer.getTextWidget().getText().contains("print 3"));
    }

    @Test
    void formatRemovesTrailingSpacesAndBlankLineRuns() throws Exception {
        // the code is already indented and spaced as the server's formatting wants: only trailing spaces and blank lines change
        IFile file = create("format.toit", "main:   \n  print 1  \n\n\n\n\nfoo:\n  print \"a  \"\t\n  print 2");
        ITextEditor editor = open(file);
        warmUp(editor);
        assertNotNull(ToitLanguageServers.get().capabilities().get(5, java.util.concurrent.TimeUnit.SECONDS).getDocumentFormattingProvider(),
                "the server formats (textDocument/formatting)");
        execute(editor, "io.eave.toit.editor.format");
        waitUntil(() -> document(editor).get().equals("main:\n  print 1\n\n\nfoo:\n  print \"a  \"\n  print 2\n"),
                () -> "the formatted text, seen: " + document(editor).get(), SERVER_MS);
        execute(editor, "org.eclipse.ui.edit.undo");
        assertEquals("main:   \n  print 1  \n\n\n\n\nfoo:\n  print \"a  \"\t\n  print 2", document(editor).get(), "one Undo reverts it");
    }

    @Test
    void formatReindentsAndWithASelectionOnlyTheSelectedLines() throws Exception {
        IFile file = create("reindent.toit", "one:\n    x:=1\ntwo:\n    y:=2\n    print y\n");
        ITextEditor editor = open(file);
        warmUp(editor);
        String text = document(editor).get();
        // `two`'s body, selected from the middle of its first line to the middle of its second: both lines, not `one`
        editor.selectAndReveal(text.indexOf("y:=2") + 1, text.indexOf("print y") + 3 - (text.indexOf("y:=2") + 1));
        execute(editor, "io.eave.toit.editor.format");
        waitUntil(() -> document(editor).get().equals("one:\n    x:=1\ntwo:\n  y := 2\n  print y\n"),
                () -> "the selection formatted, seen: " + document(editor).get(), SERVER_MS);
        editor.selectAndReveal(0, 0);
        execute(editor, "io.eave.toit.editor.format");
        waitUntil(() -> document(editor).get().equals("one:\n  x := 1\ntwo:\n  y := 2\n  print y\n"),
                () -> "the whole text formatted, seen: " + document(editor).get(), SERVER_MS);
    }

    @Test
    void theOccurrencesOfALocalAreMarked() throws Exception {
        IFile file = create("occurrences.toit", "main:\n  total := 1\n  total += 2\n  print total\n  other := total\n");
        ITextEditor editor = open(file);
        warmUp(editor);
        String text = document(editor).get();
        editor.selectAndReveal(text.indexOf("print total") + 8, 0);
        int[] expected = { text.indexOf("total :="), text.indexOf("total +="), text.indexOf("print total") + 6, text.indexOf("other := total") + 9 };
        waitUntil(() -> occurrences(editor).size() == 4, () -> "the four uses of 'total' marked: " + occurrences(editor), SERVER_MS);
        List<String> marks = occurrences(editor);
        for (int at : expected) assertTrue(marks.stream().anyMatch(m -> m.startsWith(at + ":")), at + " in " + marks);
        assertTrue(marks.contains(expected[0] + ":" + ToitOccurrences.WRITE), "the definition marked as a write: " + marks);
        assertTrue(marks.contains(expected[2] + ":" + ToitOccurrences.READ), "a read: " + marks);

        // the caret moves to a name with no other use: the marks follow
        editor.selectAndReveal(text.indexOf("other"), 0);
        waitUntil(() -> occurrences(editor).size() == 1, () -> "only 'other' marked: " + occurrences(editor), SERVER_MS);
    }

    @Test
    void aQuickFixReplacesAndAndWithAnd() throws Exception {
        IFile file = create("quickfix.toit", "main:\n  a := true\n  if a && a: print 1\n");
        ITextEditor editor = open(file);
        warmUp(editor);
        assertNotNull(ToitLanguageServers.get().capabilities().get(5, java.util.concurrent.TimeUnit.SECONDS).getCodeActionProvider(),
                "the server offers code actions (textDocument/codeAction)");
        IDocument document = document(editor);
        int at = document.get().indexOf("&&");
        AtomicReference<IMarker> problem = new AtomicReference<>();
        waitUntil(() -> {
            for (IMarker m : markers(file)) {
                if (m.getAttribute(IMarker.CHAR_START, -1) == at && IDE.getMarkerHelpRegistry().hasResolutions(m)) problem.set(m);
            }
            return problem.get() != null;
        }, () -> "a problem on '&&' with a quick fix", SERVER_MS);
        IMarkerResolution[] fixes = IDE.getMarkerHelpRegistry().getResolutions(problem.get());
        IMarkerResolution fix = null;
        for (IMarkerResolution r : fixes) {
            if (r.getLabel().contains("and")) fix = r;
        }
        assertNotNull(fix, "a fix offering 'and'");
        fix.run(problem.get());
        assertEquals("main:\n  a := true\n  if a and a: print 1\n", document.get());
        waitUntil(() -> markers(file).length == 0, () -> "the problem gone", SERVER_MS);
    }

    @Test
    void signatureHelpShowsTheParametersOfTheCall() throws Exception {
        create("siglib.toit", "/// Connects.\nconnect host/string port/int --secure/bool=false -> int:\n  return port\n");
        IFile main = create("sigmain.toit", "import .siglib show *\nmain:\n  connect \"h\" \n");
        ITextEditor editor = open(main);
        warmUp(editor);
        editor.selectAndReveal(document(editor).get().indexOf("\"h\" ") + 4, 0);
        execute(editor, ITextEditorActionDefinitionIds.CONTENT_ASSIST_CONTEXT_INFORMATION);
        waitUntil(() -> popupTexts().stream().anyMatch(t -> t.contains("connect host/string port/int --secure/bool=false")),
                () -> "the signature in a popup: " + popupTexts(), SERVER_MS);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private IFile create(String name, String text) throws CoreException {
        IFile file = project.getFile(name);
        if (file.exists()) file.delete(true, null);
        file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
        return file;
    }

    private static String read(IFile file) {
        try (var in = file.getContents(true)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static ITextEditor open(IFile file) throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        IEditorPart part = IDE.openEditor(page, file, true);
        flushEvents();
        return (ITextEditor) part;
    }

    /** Waits until the server has started and answered a request on the editor's file. */
    private static void warmUp(ITextEditor editor) {
        String uri = ToitDocumentSync.uriOf(document(editor));
        assertNotNull(uri, "the document is connected to the language server");
        var answer = ToitLanguageServers.get().request(s -> s.getTextDocumentService().hover(
                new HoverParams(new TextDocumentIdentifier(uri), new org.eclipse.lsp4j.Position(0, 0))));
        waitUntil(answer::isDone, () -> "the language server's first answer", SERVER_MS);
    }

    private static void execute(ITextEditor editor, String command) throws Exception {
        editor.getSite().getService(IHandlerService.class).executeCommand(command, null);
        flushEvents();
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

    /** The visible tree of the Search view's current page. */
    private static Tree searchTree() {
        ISearchResultViewPart view = NewSearchUI.getSearchResultView();
        if (view == null || view.getActivePage() == null || view.getActivePage().getControl() == null) return null;
        Control control = view.getActivePage().getControl();
        // the page book holds a busy table ("Searching...") beside the results: the visible one
        return control instanceof Composite c ? find(c, Tree.class, Tree::isVisible) : null;
    }

    /** The rows of the Search view's current page, indented by depth. */
    private static List<String> searchRows() {
        List<String> rows = new ArrayList<>();
        Tree tree = searchTree();
        if (tree != null) indented(tree.getItems(), "", rows);
        return rows;
    }

    private static void indented(TreeItem[] items, String indent, List<String> rows) {
        for (TreeItem item : items) {
            rows.add(indent + item.getText());
            indented(item.getItems(), indent + "  ", rows);
        }
    }

    private static List<String> outlineRows(ContentOutline outline) {
        List<String> rows = new ArrayList<>();
        if (outline.getCurrentPage() == null || !(outline.getCurrentPage().getControl() instanceof Tree tree)) return rows;
        for (TreeItem item : tree.getItems()) rows.add(item.getText());
        return rows;
    }

    /** The occurrence marks in the editor as {@code offset:type}. */
    private static List<String> occurrences(ITextEditor editor) {
        IAnnotationModel model = ((ISourceViewer) viewer(editor)).getAnnotationModel();
        List<String> marks = new ArrayList<>();
        for (Iterator<Annotation> i = model.getAnnotationIterator(); i.hasNext();) {
            Annotation a = i.next();
            if (a.getType().startsWith(ToitOccurrences.READ)) marks.add(model.getPosition(a).getOffset() + ":" + a.getType());
        }
        return marks;
    }

    /** The texts of the popups open besides the workbench window (context information, hovers). */
    private static List<String> popupTexts() {
        List<String> texts = new ArrayList<>();
        Shell workbench = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        for (Shell shell : Display.getCurrent().getShells()) {
            collectPopups(shell, workbench, texts);
        }
        return texts;
    }

    private static void collectPopups(Shell shell, Shell workbench, List<String> texts) {
        if (shell != workbench && shell.isVisible()) collectTexts(shell, texts);
        for (Shell child : shell.getShells()) collectPopups(child, workbench, texts);
    }

    private static void collectTexts(Control control, List<String> texts) {
        if (control instanceof StyledText s) texts.add(s.getText());
        if (control instanceof org.eclipse.swt.widgets.Label l) texts.add(l.getText());
        if (control instanceof Composite c) {
            for (Control child : c.getChildren()) collectTexts(child, texts);
        }
    }

    private static List<String> labels(Shell dialog) {
        List<org.eclipse.swt.widgets.Label> labels = new ArrayList<>();
        collect(dialog, org.eclipse.swt.widgets.Label.class, labels);
        return labels.stream().map(org.eclipse.swt.widgets.Label::getText).toList();
    }

    private static List<String> treeLabels(Shell dialog) {
        List<String> labels = new ArrayList<>();
        List<Tree> trees = new ArrayList<>();
        collect(dialog, Tree.class, trees);
        for (Tree tree : trees) {
            if (tree.isVisible()) collectTree(tree.getItems(), labels);
        }
        return labels;
    }

    private static void collectTree(TreeItem[] items, List<String> labels) {
        for (TreeItem item : items) {
            labels.add(item.getText());
            collectTree(item.getItems(), labels);
        }
    }

    private static <T extends Control> T find(Composite root, Class<T> type, Predicate<T> which) {
        List<T> found = new ArrayList<>();
        collect(root, type, found);
        return found.stream().filter(which).findFirst().orElse(null);
    }

    private static <T extends Control> void collect(Control control, Class<T> type, List<T> found) {
        if (type.isInstance(control)) found.add(type.cast(control));
        if (control instanceof Composite c) {
            for (Control child : c.getChildren()) collect(child, type, found);
        }
    }

    private static void press(Shell dialog, String label) {
        Button button = find(dialog, Button.class, b -> b.getText().replace("&", "").equals(label) && b.isEnabled());
        assertNotNull(button, "an enabled button '" + label + "'");
        button.notifyListeners(org.eclipse.swt.SWT.Selection, new Event());
    }

    // ---- acting from outside the UI thread while a modal dialog runs its own event loop --------

    /** The dialog with this title; if none opens, closes every dialog so the test ends. */
    private static Shell awaitShell(String title) {
        AtomicReference<Shell> shell = new AtomicReference<>();
        try {
            awaitUi(() -> {
                for (Shell s : Display.getDefault().getShells()) {
                    if (s.isVisible() && title.equals(s.getText())) shell.set(s);
                }
                return shell.get() != null;
            }, "a dialog '" + title + "'");
        } catch (AssertionError e) {
            onUi(() -> {
                List<String> seen = new ArrayList<>();
                Shell workbench = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
                for (Shell s : Display.getDefault().getShells()) {
                    if (s != workbench && s.isVisible()) {
                        seen.add(s.getText() + " " + labels(s));
                        s.close();
                    }
                }
                e.addSuppressed(new AssertionError("dialogs open: " + seen));
            });
            throw e;
        }
        return shell.get();
    }

    private static void awaitUi(BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + SERVER_MS;
        while (true) {
            boolean[] done = new boolean[1];
            Display.getDefault().syncExec(() -> done[0] = condition.getAsBoolean());
            if (done[0]) return;
            assertTrue(System.currentTimeMillis() < deadline, "timed out waiting for " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void onUi(Runnable action) {
        Display.getDefault().syncExec(action);
    }

    private static void waitUntil(BooleanSupplier condition, java.util.function.Supplier<String> what, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, () -> "timed out waiting for " + what.get());
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
