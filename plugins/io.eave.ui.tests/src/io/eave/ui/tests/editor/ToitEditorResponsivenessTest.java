package io.eave.ui.tests.editor;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.TextViewer;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eave.toit.editor.lsp.ToitDocumentSync;
import io.eave.toit.editor.lsp.ToitLanguageServers;

/**
 * With a deliberately slow language server (every answer and diagnostic delayed by
 * {@value #LATENCY_MS} ms, {@link ToitLanguageServers#setLatency}), everything a user does in the
 * Toit editor that asks the server — typing, completion, hover, Ctrl+click detection, caret moves
 * (occurrences), the Outline, semantic colours and folding, Format, References, signature help —
 * never stalls the UI thread longer than {@value #STALL_LIMIT_MS} ms. A watchdog thread pings the UI
 * thread every 10 ms and records the longest wait for an answer, per step; for a wait of
 * {@value Watchdog#SAMPLE_AFTER_MS} ms or more it prints where the UI thread was, sampled every
 * 10 ms, to find what a stall is made of. Waiting for the server on the UI thread would stall it
 * for the whole latency, in every run. What the limit leaves room for is the workbench's own work
 * (JFace creating the completion popup, repainting): the worst stalls measured are in
 * docs/figures.md. On a machine shared with other builds the UI thread or the X server is now and
 * then not scheduled for 100 ms or more; so the scenario runs up to {@value #ATTEMPTS} times, every
 * run must stay under {@value #BLOCKED_MS} ms (no wait for the server) and one run under the limit.
 */
public class ToitEditorResponsivenessTest {
    static final long LATENCY_MS = 1_500;
    static final long STALL_LIMIT_MS = 100;
    /**
     * Runs of the whole scenario until one stays under {@value #STALL_LIMIT_MS} ms: a wait for the
     * server on the UI thread stalls every run for the server's latency (each run must stay under
     * {@value #BLOCKED_MS} ms), while a machine shared with other work starves the UI thread or the
     * X server now and then, in one run and not the next.
     */
    static final int ATTEMPTS = 3;
    static final long BLOCKED_MS = 1_000;
    private static final long SERVER_MS = 90_000;

    @AfterEach
    void normalSpeed() {
        ToitLanguageServers.setLatency(0);
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        flushEvents();
    }

    @Test
    void aSlowServerNeverStallsTheUiThread() throws Exception {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("lsp-slow");
        if (!project.exists()) project.create(null);
        project.open(null);
        create(project, "slowlib.toit", "/// Connects.\nconnect host/string port/int -> int:\n  return port\n");
        IFile file = create(project, "slow.toit", "import .slowlib show *\nclass Counter:\n  count := 0\n  up:\n    count++\n\n"
                + "main:\n  total := 1\n  print total   \n  connect \"h\" 80\n  print \"x\"\n");
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        ITextEditor editor = (ITextEditor) IDE.openEditor(page, file, true);
        flushEvents();
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        String uri = ToitDocumentSync.uriOf(document);
        assertNotNull(uri);
        var first = ToitLanguageServers.get().request(s -> s.getTextDocumentService().hover(
                new HoverParams(new TextDocumentIdentifier(uri), new org.eclipse.lsp4j.Position(0, 0))));
        waitUntil(first::isDone, SERVER_MS);   // started, at normal speed

        // the views, popups and problem icons created once, as in a workbench in use (creating them is not the server's doing)
        IFile broken = create(project, "slowbroken.toit", "main:\n  print (\n");
        IDE.openEditor(page, broken, false);
        waitUntil(() -> {
            try {
                return broken.findMarkers(io.eave.toit.editor.lsp.ToitProblemMarkers.TYPE, false, 0).length > 0;
            } catch (CoreException e) {
                return false;
            }
        }, SERVER_MS);
        pump(500);   // the Project Explorer decorates the file with the problem's icon
        page.activate(editor);
        page.showView(IPageLayout.ID_OUTLINE);
        org.eclipse.search.ui.NewSearchUI.activateSearchResultView();
        page.activate(editor);
        IHandlerService warm = editor.getSite().getService(IHandlerService.class);
        editor.selectAndReveal(document.get().indexOf("print total") + 11, 0);
        warm.executeCommand(ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS, null);
        pump(1_000);
        editor.selectAndReveal(document.get().indexOf("\"h\" 80"), 0);
        warm.executeCommand(ITextEditorActionDefinitionIds.CONTENT_ASSIST_CONTEXT_INFORMATION, null);
        pump(1_000);
        editor.selectAndReveal(document.get().indexOf("total"), 0);
        warm.executeCommand("io.eave.toit.editor.references", null);   // the Search view's page for Toit references
        pump(2_000);
        page.activate(editor);

        // the text viewer's hover thread, started before measuring: starting a thread is no editor's work
        java.util.concurrent.ExecutorService hoverThread = java.util.concurrent.Executors.newSingleThreadExecutor();
        hoverThread.submit(() -> { }).get();

        String original = document.get();
        List<String> runs = new java.util.ArrayList<>();
        long best = Long.MAX_VALUE;
        try {
            for (int attempt = 1; attempt <= ATTEMPTS && best >= STALL_LIMIT_MS; attempt++) {
                if (attempt > 1) {   // the same scenario again from the same text, the server at normal speed meanwhile
                    ToitLanguageServers.setLatency(0);
                    document.set(original);
                    editor.getSite().getPage().activate(editor);   // References left the Search view active
                    pump(3_000);
                }
                Watchdog watchdog = measure(editor, document, hoverThread);
                System.out.println("UI thread with a " + LATENCY_MS + " ms server, run " + attempt + ": worst stall " + watchdog.worst()
                        + " ms; stalls of 100 ms or more: " + watchdog.stalls() + "; worst per step: " + watchdog.worstByStep());
                assertTrue(watchdog.pings() > 100, "the watchdog measured (" + watchdog.pings() + " pings)");
                // waiting for the server on the UI thread stalls it for the server's whole latency, in every run
                assertTrue(watchdog.worst() < BLOCKED_MS, "the UI thread was blocked for " + watchdog.worst() + " ms (a "
                        + LATENCY_MS + " ms server); stalls: " + watchdog.stalls());
                runs.add(watchdog.worst() + " ms " + watchdog.stalls());
                best = Math.min(best, watchdog.worst());
            }
        } finally {
            hoverThread.shutdown();
            hoverThread.awaitTermination(10, TimeUnit.SECONDS);
        }
        assertTrue(best < STALL_LIMIT_MS, "the UI thread stalled for more than " + STALL_LIMIT_MS + " ms in each of " + ATTEMPTS + " runs: " + runs);
    }

    /** Everything a user does that asks the server, with the server {@value #LATENCY_MS} ms late, watched. */
    private static Watchdog measure(ITextEditor editor, IDocument document, java.util.concurrent.ExecutorService hoverThread) throws Exception {
        ToitLanguageServers.setLatency(LATENCY_MS);
        Watchdog watchdog = new Watchdog(Display.getCurrent());
        watchdog.start();
        try {
            ITextViewer viewer = (ITextViewer) editor.getAdapter(ITextOperationTarget.class);
            IHandlerService handlers = editor.getSite().getService(IHandlerService.class);
            String text = document.get();
            // typing: each change goes to the server; diagnostics come back late
            watchdog.step("typing");
            int at = text.indexOf("print \"x\"") + 6;
            for (char c : "yz".toCharArray()) {
                document.replace(at, 0, String.valueOf(c));
                at++;
                pump(30);
            }
            // completion, on the content assistant's thread
            watchdog.step("completion");
            editor.selectAndReveal(document.get().indexOf("print total") + 11, 0);
            pump(20);   // a click, then a key: two events, not one
            handlers.executeCommand(ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS, null);
            pump(200);
            // hover, as the text viewer computes it (off the UI thread)
            watchdog.step("hover");
            int name = document.get().indexOf("connect \"h\"") + 2;
            var getTextHover = TextViewer.class.getDeclaredMethod("getTextHover", int.class, int.class);
            getTextHover.setAccessible(true);
            ITextHover hover = (ITextHover) getTextHover.invoke(viewer, name, 0);
            hoverThread.submit(() -> {
                if (hover.getHoverRegion(viewer, name) != null) hover.getHoverInfo(viewer, new Region(name, 1));
            });
            pump(20);
            // Ctrl+click detection, on the UI thread as the mouse moves
            watchdog.step("hyperlink detection");
            for (IHyperlinkDetector d : EditorsUI.getHyperlinkDetectorRegistry()
                    .createHyperlinkDetectors("org.eclipse.ui.genericeditor.GenericEditor", editor)) {
                d.detectHyperlinks(viewer, new Region(name, 0), false);
            }
            pump(20);
            // the caret moves: occurrences asked
            watchdog.step("occurrences");
            editor.selectAndReveal(document.get().indexOf("total := 1"), 0);
            pump(100);
            // signature help, asked on the UI thread (never waits there)
            watchdog.step("signature help");
            editor.selectAndReveal(document.get().indexOf("\"h\" 80"), 0);
            pump(20);
            handlers.executeCommand(ITextEditorActionDefinitionIds.CONTENT_ASSIST_CONTEXT_INFORMATION, null);
            pump(100);
            // Format, References (the Outline and the colours follow the edits by themselves)
            watchdog.step("format");
            handlers.executeCommand("io.eave.toit.editor.format", null);
            pump(20);
            watchdog.step("references");
            editor.selectAndReveal(document.get().indexOf("total"), 0);
            pump(20);
            handlers.executeCommand("io.eave.toit.editor.references", null);
            // and the late answers arrive and are applied while the user waits
            watchdog.step("late answers");
            pump(2 * LATENCY_MS + 1_000);
        } finally {
            watchdog.stop();
        }
        return watchdog;
    }

    @Test
    void completionFromASlowServerShowsAPlaceholderThenTheProposals() throws Exception {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("lsp-slow");
        if (!project.exists()) project.create(null);
        project.open(null);
        IFile file = create(project, "slowcompletion.toit", "main:\n  total := 1\n  print tot\n");
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        ITextEditor editor = (ITextEditor) IDE.openEditor(page, file, true);
        flushEvents();
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        String uri = ToitDocumentSync.uriOf(document);
        var first = ToitLanguageServers.get().request(s -> s.getTextDocumentService().hover(
                new HoverParams(new TextDocumentIdentifier(uri), new org.eclipse.lsp4j.Position(0, 0))));
        waitUntil(first::isDone, SERVER_MS);

        ToitLanguageServers.setLatency(LATENCY_MS);
        editor.selectAndReveal(document.get().indexOf("print tot") + 9, 0);
        editor.getSite().getService(IHandlerService.class).executeCommand(ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS, null);
        pump(100);
        assertTrue(proposals().stream().anyMatch(p -> p.startsWith("Waiting for the Toit language server")),
                "the popup says it waits: " + proposals());
        long deadline = System.currentTimeMillis() + 3 * LATENCY_MS;
        while (proposals().stream().noneMatch(p -> p.startsWith("total")) && System.currentTimeMillis() < deadline) pump(50);
        assertTrue(proposals().stream().anyMatch(p -> p.startsWith("total")), "the local offered once the answer came: " + proposals());
        assertTrue(proposals().stream().noneMatch(p -> p.startsWith("Waiting")), "the placeholder gone: " + proposals());
    }

    /** The rows of the completion popup, if one is open. */
    private static List<String> proposals() {
        List<String> rows = new ArrayList<>();
        for (org.eclipse.swt.widgets.Shell shell : Display.getCurrent().getShells()) {
            if (!shell.isVisible() || shell == PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell()) continue;
            for (org.eclipse.swt.widgets.Control c : shell.getChildren()) {
                if (c instanceof org.eclipse.swt.widgets.Table table) {
                    for (org.eclipse.swt.widgets.TableItem item : table.getItems()) rows.add(item.getText());
                }
            }
        }
        return rows;
    }

    /**
     * Pings the UI thread every 10 ms with asyncExec and records how long each ping waited, the
     * worst wait per step, and for a long wait where the UI thread was (its stack, sampled while
     * the ping waited): what a stall is made of, to find its source.
     */
    private static final class Watchdog implements Runnable {
        private static final long SAMPLE_AFTER_MS = 40;
        private final Display display;
        private final Thread thread = new Thread(this, "ui-watchdog");
        private volatile boolean running = true;
        private final AtomicLong worst = new AtomicLong();
        private final AtomicLong pings = new AtomicLong();
        private final List<String> stalls = new ArrayList<>();
        private final java.util.Map<String, Long> worstByStep = new java.util.LinkedHashMap<>();
        private volatile String step = "start";

        void step(String name) {
            step = name;
        }

        Watchdog(Display display) {
            this.display = display;
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(5_000);
        }

        long worst() {
            return worst.get();
        }

        long pings() {
            return pings.get();
        }

        synchronized List<String> stalls() {
            return new ArrayList<>(stalls);
        }

        synchronized String worstByStep() {
            return worstByStep.toString();
        }

        @Override
        public void run() {
            while (running && !display.isDisposed()) {
                long sent = System.nanoTime();
                String during = step;
                CountDownLatch answered = new CountDownLatch(1);
                display.asyncExec(answered::countDown);
                StackTraceElement[] where = null;
                List<String> seen = new ArrayList<>();
                try {
                    while (!answered.await(10, TimeUnit.MILLISECONDS)) {
                        if (!running) return;
                        StackTraceElement[] now = display.getThread().getStackTrace();
                        seen.add(firstOwnFrame(now));
                        if ((System.nanoTime() - sent) / 1_000_000 >= SAMPLE_AFTER_MS) where = now;
                    }
                    long waited = (System.nanoTime() - sent) / 1_000_000;
                    pings.incrementAndGet();
                    worst.accumulateAndGet(waited, Math::max);
                    String steps = during + (during.equals(step) ? "" : " / " + step);
                    synchronized (this) {
                        worstByStep.merge(steps, waited, Math::max);
                        if (waited >= 100) stalls.add(waited + " ms during " + steps);
                    }
                    if (waited >= SAMPLE_AFTER_MS + 20 && where != null) {
                        System.out.println("UI thread busy " + waited + " ms during " + steps + "; every 10 ms in: " + seen
                                + "\n  last seen at:\n" + frames(where));
                    }
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** The innermost frame, and the innermost of the workbench's or the editor's code that led to it. */
        private static String firstOwnFrame(StackTraceElement[] stack) {
            if (stack.length == 0) return "?";
            String inner = name(stack[0]);
            for (StackTraceElement f : stack) {
                String c = f.getClassName();
                if (c.startsWith("io.eave.toit") || c.startsWith("org.eclipse.jface") || c.startsWith("org.eclipse.ui")
                        || c.startsWith("org.eclipse.search") || c.startsWith("org.eclipse.e4")) {
                    return inner + " < " + name(f);
                }
            }
            return inner;
        }

        private static String name(StackTraceElement f) {
            String c = f.getClassName();
            return c.substring(c.lastIndexOf('.') + 1) + "." + f.getMethodName();
        }

        /** The frames below the test, most recent first. */
        private static String frames(StackTraceElement[] stack) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < Math.min(stack.length, 45); i++) {
                if (stack[i].getClassName().startsWith("io.eave.ui.tests")) break;
                s.append("    ").append(stack[i]).append('\n');
            }
            return s.toString();
        }
    }

    private static IFile create(IProject project, String name, String text) throws CoreException {
        IFile file = project.getFile(name);
        if (file.exists()) file.delete(true, null);
        file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
        return file;
    }

    /** Runs the event loop for {@code ms}, as a user's idle workbench does. */
    private static void pump(long ms) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                display.timerExec(5, () -> { });
                display.sleep();
            }
        }
    }

    private static void waitUntil(BooleanSupplier condition, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, "timed out waiting for the server");
            pump(20);
        }
    }

    private static void flushEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // run pending UI work
        }
    }
}
