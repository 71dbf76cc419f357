package io.eave.toit.editor.lsp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.ltk.core.refactoring.CompositeChange;
import org.eclipse.ltk.core.refactoring.TextFileChange;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;

/**
 * A server's workspace edit as an LTK change: one {@link TextFileChange} per file, so the
 * refactoring preview shows it file by file, open editors see the edit in their buffer, and
 * files that were saved before are saved after. Only text edits of workspace files (file
 * creation, renaming and deletion are not asked for).
 */
public final class WorkspaceEdits {
    private WorkspaceEdits() {
    }

    /** The change; throws when an edited file is not in the workspace or an edit lies outside its text. */
    public static CompositeChange toChange(String name, WorkspaceEdit edit) throws CoreException {
        Map<String, List<TextEdit>> byUri = new LinkedHashMap<>();
        if (edit.getDocumentChanges() != null) {
            for (Either<TextDocumentEdit, ?> change : edit.getDocumentChanges()) {
                if (!change.isLeft()) throw failure("The edit creates, renames or deletes files, which Eave cannot do yet");
                byUri.computeIfAbsent(change.getLeft().getTextDocument().getUri(), u -> new ArrayList<>())
                        .addAll(change.getLeft().getEdits().stream().map(e -> e.isLeft() ? e.getLeft() : null)
                                .filter(e -> e != null).toList());
            }
        } else if (edit.getChanges() != null) {
            edit.getChanges().forEach((uri, edits) -> byUri.computeIfAbsent(uri, u -> new ArrayList<>()).addAll(edits));
        }
        CompositeChange all = new CompositeChange(name);
        for (Map.Entry<String, List<TextEdit>> e : byUri.entrySet()) {
            IFile file = ToitProblemMarkers.file(e.getKey());
            if (file == null) throw failure(e.getKey() + " is not in the workspace");
            IDocument document = document(file);
            MultiTextEdit root = new MultiTextEdit();
            for (TextEdit t : e.getValue()) {
                IRegion r = LspDocuments.region(document, t.getRange());
                if (r == null) throw failure("An edit lies outside " + file.getName());
                root.addChild(new ReplaceEdit(r.getOffset(), r.getLength(), t.getNewText()));
            }
            TextFileChange change = new TextFileChange(file.getName(), file);
            change.setEdit(root);
            change.setTextType("toit");
            all.add(change);
        }
        return all;
    }

    /** The file's current text: its open buffer, or the file read now. */
    private static IDocument document(IFile file) throws CoreException {
        ITextFileBufferManager buffers = FileBuffers.getTextFileBufferManager();
        buffers.connect(file.getFullPath(), LocationKind.IFILE, null);
        try {
            return new org.eclipse.jface.text.Document(buffers.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE).getDocument().get());
        } finally {
            buffers.disconnect(file.getFullPath(), LocationKind.IFILE, null);
        }
    }

    private static CoreException failure(String message) {
        return new CoreException(org.eclipse.core.runtime.Status.error(message));
    }
}
