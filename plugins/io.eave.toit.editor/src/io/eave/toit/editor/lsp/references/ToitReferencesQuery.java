package io.eave.toit.editor.lsp.references;

import io.eave.toit.editor.lsp.LspDocuments;
import io.eave.toit.editor.lsp.ToitLanguageServers;
import io.eave.toit.editor.lsp.ToitProblemMarkers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.search.ui.ISearchQuery;
import org.eclipse.search.ui.ISearchResult;
import org.eclipse.search.ui.text.Match;

/**
 * {@code textDocument/references} as a search: run by the Search view in a background job, it
 * waits there for the server (up to {@value #TIMEOUT_S} s, checking Cancel) and turns each
 * location into a match on its workspace file. Locations outside the workspace (the core
 * library) are left out.
 */
public final class ToitReferencesQuery implements ISearchQuery {
    static final int TIMEOUT_S = 60;
    private final String uri;
    private final Position position;
    private final String name;
    private final ToitReferencesResult result;

    public ToitReferencesQuery(String uri, Position position, String name) {
        this.uri = uri;
        this.position = position;
        this.name = name;
        this.result = new ToitReferencesResult(this);
    }

    @Override
    public IStatus run(IProgressMonitor monitor) throws OperationCanceledException {
        result.removeAll();
        ReferenceParams params = new ReferenceParams(new TextDocumentIdentifier(uri), position, new ReferenceContext(false));
        CompletableFuture<List<? extends Location>> answer = ToitLanguageServers.get().request(
                s -> s.getTextDocumentService().references(params));
        List<? extends Location> locations;
        try {
            locations = waitFor(answer, monitor);
        } catch (TimeoutException e) {
            return Status.error("The Toit language server did not answer within " + TIMEOUT_S + " s");
        } catch (Exception e) {
            return Status.error("Finding references failed: " + e.getMessage(), e);
        }
        ITextFileBufferManager buffers = FileBuffers.getTextFileBufferManager();
        Map<IFile, IDocument> documents = new HashMap<>();
        Map<String, ReferenceLine> lines = new HashMap<>();
        try {
            for (Location location : locations == null ? List.<Location>of() : locations) {
                IFile file = ToitProblemMarkers.file(location.getUri());
                if (file == null) continue;
                IDocument document = documents.get(file);
                if (document == null) {
                    buffers.connect(file.getFullPath(), LocationKind.IFILE, monitor);
                    document = buffers.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE).getDocument();
                    documents.put(file, document);
                }
                IRegion region = LspDocuments.region(document, location.getRange());
                if (region == null) continue;
                int line = document.getLineOfOffset(region.getOffset());
                IRegion lineRegion = document.getLineInformation(line);
                ReferenceLine element = lines.computeIfAbsent(file.getFullPath() + ":" + line,
                        k -> new ReferenceLine(file, line, lineRegion.getOffset(), text(lineRegion, documents.get(file))));
                result.addMatch(new Match(element, region.getOffset(), region.getLength()));
            }
        } catch (CoreException | BadLocationException e) {
            return Status.error("Finding references failed: " + e.getMessage(), e);
        } finally {
            for (IFile file : documents.keySet()) {
                try {
                    buffers.disconnect(file.getFullPath(), LocationKind.IFILE, null);
                } catch (CoreException e) {
                    // nothing to release then
                }
            }
        }
        return Status.OK_STATUS;
    }

    private static String text(IRegion line, IDocument document) {
        try {
            return document.get(line.getOffset(), line.getLength());
        } catch (BadLocationException e) {
            return "";
        }
    }

    private static <T> T waitFor(CompletableFuture<T> answer, IProgressMonitor monitor) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (true) {
            if (monitor.isCanceled()) {
                answer.cancel(true);
                throw new OperationCanceledException();
            }
            try {
                return answer.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    answer.cancel(true);
                    throw e;
                }
            }
        }
    }

    public String name() {
        return name;
    }

    @Override
    public String getLabel() {
        return "References to '" + name + "'";
    }

    @Override
    public boolean canRerun() {
        return true;
    }

    @Override
    public boolean canRunInBackground() {
        return true;
    }

    @Override
    public ISearchResult getSearchResult() {
        return result;
    }
}
