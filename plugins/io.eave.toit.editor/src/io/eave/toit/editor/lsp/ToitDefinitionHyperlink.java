package io.eave.toit.editor.lsp;

import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * Open Declaration: asks the server for the definition without waiting, then (back on the UI
 * thread) opens the file and selects the declaration's name. Library declarations have no
 * file; then the status line says so.
 */
public final class ToitDefinitionHyperlink implements IHyperlink {
    private final ITextViewer viewer;
    private final IRegion region;

    ToitDefinitionHyperlink(ITextViewer viewer, IRegion region) {
        this.viewer = viewer;
        this.region = region;
    }

    @Override
    public IRegion getHyperlinkRegion() {
        return region;
    }

    @Override
    public String getTypeLabel() {
        return "Open Declaration";
    }

    @Override
    public String getHyperlinkText() {
        return "Open Declaration";
    }

    @Override
    public void open() {
        IDocument document = viewer.getDocument();
        String uri = ToitDocumentSync.uriOf(document);
        if (uri == null) return;
        Position position;
        try {
            int line = document.getLineOfOffset(region.getOffset());
            position = new Position(line, region.getOffset() - document.getLineOffset(line));
        } catch (BadLocationException e) {
            return;
        }
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        Display display = viewer.getTextWidget().getDisplay();
        ToitLanguageServers.get().request(s -> s.getTextDocumentService().definition(
                new DefinitionParams(new TextDocumentIdentifier(uri), position)))
                .thenAccept(answer -> display.asyncExec(() -> show(window, first(answer))));
    }

    private static Location first(Either<List<? extends Location>, List<? extends LocationLink>> answer) {
        if (answer == null) return null;
        if (answer.isLeft()) return answer.getLeft().isEmpty() ? null : answer.getLeft().get(0);
        if (answer.getRight().isEmpty()) return null;
        LocationLink link = answer.getRight().get(0);
        return new Location(link.getTargetUri(), link.getTargetSelectionRange());
    }

    private void show(IWorkbenchWindow window, Location location) {
        if (window == null || window.getActivePage() == null) return;
        IWorkbenchPage page = window.getActivePage();
        IFile file = location == null ? null : ToitProblemMarkers.file(location.getUri());
        if (file == null) {
            IEditorPart active = page.getActiveEditor();
            if (active != null) active.getEditorSite().getActionBars().getStatusLineManager()
                    .setMessage(location == null ? "No declaration found" : "The declaration is outside the workspace: " + location.getUri());
            return;
        }
        try {
            IEditorPart editor = IDE.openEditor(page, file, true);
            if (editor instanceof ITextEditor text) {
                IDocument target = text.getDocumentProvider().getDocument(text.getEditorInput());
                Range range = location.getRange();
                int start = ToitProblemMarkers.offset(target, range.getStart());
                int end = ToitProblemMarkers.offset(target, range.getEnd());
                if (start >= 0) text.selectAndReveal(start, Math.max(0, end - start));
            }
        } catch (PartInitException e) {
            org.eclipse.core.runtime.ILog.of(ToitDefinitionHyperlink.class).error("Cannot open " + file, e);
        }
    }
}
