package io.eave.launch.ui;

import java.net.URI;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.IHyperlink;
import org.eclipse.ui.console.IPatternMatchListenerDelegate;
import org.eclipse.ui.console.PatternMatchEvent;
import org.eclipse.ui.console.TextConsole;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

import io.eave.launch.ToitLaunch;

/**
 * Turns {@code (FILE.toit:LINE)} in a Toit Application's console (the frames of an uncaught
 * exception's trace) into links that open the source at that line. Paths in the debug info are
 * absolute; a relative one is taken in the launch's project.
 */
public final class TraceLinks implements IPatternMatchListenerDelegate {
    private TextConsole console;

    @Override
    public void connect(TextConsole console) {
        this.console = console;
    }

    @Override
    public void disconnect() {
        console = null;
    }

    @Override
    public void matchFound(PatternMatchEvent event) {
        TextConsole c = console;
        if (c == null) {
            return;
        }
        try {
            String match = c.getDocument().get(event.getOffset(), event.getLength());
            Location location = parse(match);
            if (location == null) {
                return;
            }
            IFile file = resolve(location.path(), project(c));
            if (file != null) {
                c.addHyperlink(new SourceLink(file, location.line()), event.getOffset() + 1, event.getLength() - 2);
            }
        } catch (BadLocationException e) {
            // the console was cleared meanwhile
        }
    }

    /** A trace frame's place: {@code (PATH:LINE)} → PATH, LINE; null when it is not one. */
    public record Location(String path, int line) {}

    public static Location parse(String match) {
        String inner = match.startsWith("(") && match.endsWith(")") ? match.substring(1, match.length() - 1) : match;
        int colon = inner.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        try {
            return new Location(inner.substring(0, colon), Integer.parseInt(inner.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The workspace file a trace names: by its location when absolute, else in {@code project}. */
    public static IFile resolve(String path, IProject project) {
        if (path.startsWith("/")) {
            URI uri = Path.of(path).toUri();
            for (IFile f : ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(uri)) {
                if (f.exists()) {
                    return f;
                }
            }
            return null;
        }
        if (project != null) {
            IFile f = project.getFile(path);
            return f.exists() ? f : null;
        }
        return null;
    }

    private static IProject project(TextConsole console) {
        Object process = console.getAttribute(IDebugUIConstants.ATTR_CONSOLE_PROCESS);
        if (process instanceof IProcess p && p.getLaunch() != null) {
            ILaunchConfiguration configuration = p.getLaunch().getLaunchConfiguration();
            try {
                String name = configuration == null ? "" : configuration.getAttribute(ToitLaunch.ATTR_PROJECT, "");
                return name.isEmpty() ? null : ResourcesPlugin.getWorkspace().getRoot().getProject(name);
            } catch (CoreException e) {
                return null;
            }
        }
        return null;
    }

    /** Opens the file in its editor with the line selected. */
    public record SourceLink(IFile file, int line) implements IHyperlink {
        @Override
        public void linkEntered() {
        }

        @Override
        public void linkExited() {
        }

        @Override
        public void linkActivated() {
            IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
            try {
                IEditorPart editor = IDE.openEditor(page, file);
                if (editor instanceof ITextEditor text && line > 0) {
                    IDocument document = text.getDocumentProvider().getDocument(text.getEditorInput());
                    IRegion region = document.getLineInformation(line - 1);
                    text.selectAndReveal(region.getOffset(), region.getLength());
                }
            } catch (PartInitException | BadLocationException e) {
                // the file changed since the program was built: the editor is open at least
            }
        }
    }
}
