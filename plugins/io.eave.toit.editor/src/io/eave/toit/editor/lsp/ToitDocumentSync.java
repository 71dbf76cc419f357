package io.eave.toit.editor.lsp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.IFileBuffer;
import org.eclipse.core.filebuffers.IFileBufferListener;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.ITextInputListener;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;

/**
 * Keeps the language server's copy of every open Toit document in sync. The generic editor
 * installs one of these per Toit editor ({@code org.eclipse.ui.genericeditor.reconcilers}); it
 * connects the viewer's document: {@code didOpen} once per document however many editors show
 * it, {@code didChange} with each edit as a range and its new text, {@code didSave} when the
 * file buffer turns clean, {@code didClose} when its last editor closes. Positions are computed
 * on the thread that edits (the document's state at that moment); sending is left to
 * {@link ToitLanguageServers#send}.
 */
public final class ToitDocumentSync implements IReconciler, ITextInputListener {
    private static final Map<IDocument, Connected> BY_DOCUMENT = new ConcurrentHashMap<>();
    private static final Map<String, IDocument> BY_URI = new ConcurrentHashMap<>();
    private static volatile boolean saveListening;
    /**
     * Document versions, counted across all documents and openings: a file closed and opened
     * again never reuses a version, so late diagnostics of the earlier opening look old.
     */
    private static final java.util.concurrent.atomic.AtomicInteger VERSIONS = new java.util.concurrent.atomic.AtomicInteger();

    private ITextViewer viewer;
    private IDocument connected;

    /** The URI of a connected document, or null. */
    public static String uriOf(IDocument document) {
        Connected c = document == null ? null : BY_DOCUMENT.get(document);
        return c == null ? null : c.uri;
    }

    /** The version of the open document with this URI (as last sent to the server), or null when it is not open. */
    public static Integer versionOf(String uri) {
        IDocument d = documentOf(uri);
        Connected c = d == null ? null : BY_DOCUMENT.get(d);
        return c == null ? null : c.version;
    }

    /** Whether the open document with this URI has changes not saved to its file. */
    public static boolean hasUnsavedChanges(String uri) {
        IDocument d = documentOf(uri);
        ITextFileBuffer buffer = d == null ? null : FileBuffers.getTextFileBufferManager().getTextFileBuffer(d);
        return buffer != null && buffer.isDirty();
    }

    /** The open document with this URI, or null. */
    public static IDocument documentOf(String uri) {
        IDocument d = BY_URI.get(uri);
        if (d != null) return d;
        // the server may spell file URIs differently (file:/ or file:///)
        for (Map.Entry<String, IDocument> e : BY_URI.entrySet()) {
            if (java.net.URI.create(e.getKey()).equals(java.net.URI.create(uri))) return e.getValue();
        }
        return null;
    }

    @Override
    public void install(ITextViewer textViewer) {
        viewer = textViewer;
        viewer.addTextInputListener(this);
        connect(viewer.getDocument());
    }

    @Override
    public void uninstall() {
        if (viewer != null) viewer.removeTextInputListener(this);
        disconnect();
        viewer = null;
    }

    @Override
    public void inputDocumentAboutToBeChanged(IDocument oldInput, IDocument newInput) {
        disconnect();
    }

    @Override
    public void inputDocumentChanged(IDocument oldInput, IDocument newInput) {
        connect(newInput);
    }

    @Override
    public IReconcilingStrategy getReconcilingStrategy(String contentType) {
        return null;
    }

    private void connect(IDocument document) {
        if (document == null || document == connected) return;
        ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
        if (buffer == null || buffer.getFileStore() == null) return;
        connected = document;
        listenForSaves();
        BY_DOCUMENT.compute(document, (d, c) -> {
            if (c != null) {
                c.editors++;
                return c;
            }
            Connected fresh = new Connected(buffer.getFileStore().toURI().toString(), d);
            BY_URI.put(fresh.uri, d);
            d.addDocumentListener(fresh);
            String text = d.get();
            ToitLanguageServers.get().send(s -> s.getTextDocumentService().didOpen(
                    new DidOpenTextDocumentParams(new TextDocumentItem(fresh.uri, "toit", fresh.version, text))));
            return fresh;
        });
    }

    private void disconnect() {
        IDocument document = connected;
        connected = null;
        if (document == null) return;
        BY_DOCUMENT.computeIfPresent(document, (d, c) -> {
            if (--c.editors > 0) return c;
            d.removeDocumentListener(c);
            BY_URI.remove(c.uri);
            ToitLanguageServers.get().send(s -> s.getTextDocumentService().didClose(
                    new DidCloseTextDocumentParams(new TextDocumentIdentifier(c.uri))));
            ToitProblemMarkers.closed(c.uri);
            return null;
        });
    }

    private static void listenForSaves() {
        if (saveListening) return;
        saveListening = true;
        FileBuffers.getTextFileBufferManager().addFileBufferListener(new IFileBufferListener() {
            @Override
            public void dirtyStateChanged(IFileBuffer buffer, boolean isDirty) {
                if (isDirty || !(buffer instanceof ITextFileBuffer text)) return;
                Connected c = BY_DOCUMENT.get(text.getDocument());
                if (c != null) ToitLanguageServers.get().send(s -> s.getTextDocumentService().didSave(
                        new DidSaveTextDocumentParams(new TextDocumentIdentifier(c.uri))));
            }

            // @formatter:off
            @Override public void bufferCreated(IFileBuffer buffer) { }
            @Override public void bufferDisposed(IFileBuffer buffer) { }
            @Override public void bufferContentAboutToBeReplaced(IFileBuffer buffer) { }
            @Override public void bufferContentReplaced(IFileBuffer buffer) { }
            @Override public void stateChanging(IFileBuffer buffer) { }
            @Override public void stateValidationChanged(IFileBuffer buffer, boolean isStateValidated) { }
            @Override public void underlyingFileMoved(IFileBuffer buffer, IPath path) { }
            @Override public void underlyingFileDeleted(IFileBuffer buffer) { }
            @Override public void stateChangeFailed(IFileBuffer buffer) { }
            // @formatter:on
        });
    }

    /** One connected document: its URI, version and the range an edit is about to replace. */
    private static final class Connected implements IDocumentListener {
        final String uri;
        final IDocument document;
        int editors = 1;
        volatile int version = VERSIONS.incrementAndGet();
        private Range replaced;

        Connected(String uri, IDocument document) {
            this.uri = uri;
            this.document = document;
        }

        @Override
        public void documentAboutToBeChanged(DocumentEvent event) {
            try {
                replaced = new Range(position(event.getOffset()), position(event.getOffset() + event.getLength()));
            } catch (BadLocationException e) {
                replaced = null;
            }
        }

        @Override
        public void documentChanged(DocumentEvent event) {
            TextDocumentContentChangeEvent change = replaced == null
                    ? new TextDocumentContentChangeEvent(document.get())
                    : new TextDocumentContentChangeEvent(replaced, event.getText() == null ? "" : event.getText());
            VersionedTextDocumentIdentifier id = new VersionedTextDocumentIdentifier(uri, version = VERSIONS.incrementAndGet());
            ToitLanguageServers.get().send(s -> s.getTextDocumentService().didChange(
                    new DidChangeTextDocumentParams(id, List.of(change))));
        }

        private Position position(int offset) throws BadLocationException {
            int line = document.getLineOfOffset(offset);
            return new Position(line, offset - document.getLineOffset(line));
        }
    }
}
