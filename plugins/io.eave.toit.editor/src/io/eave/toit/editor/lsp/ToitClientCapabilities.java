package io.eave.toit.editor.lsp;

import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionCapabilities;
import org.eclipse.lsp4j.CodeActionKindCapabilities;
import org.eclipse.lsp4j.CodeActionLiteralSupportCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.FoldingRangeCapabilities;
import org.eclipse.lsp4j.RenameCapabilities;
import org.eclipse.lsp4j.SemanticTokensCapabilities;
import org.eclipse.lsp4j.SemanticTokensClientCapabilitiesRequests;
import org.eclipse.lsp4j.SignatureHelpCapabilities;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TokenFormat;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;

/** What the Eave client understands, told to the server in {@code initialize}. */
final class ToitClientCapabilities {
    private ToitClientCapabilities() {
    }

    static ClientCapabilities of() {
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
        symbols.setHierarchicalDocumentSymbolSupport(true);
        text.setDocumentSymbol(symbols);
        RenameCapabilities rename = new RenameCapabilities();
        rename.setPrepareSupport(true);
        text.setRename(rename);
        FoldingRangeCapabilities folding = new FoldingRangeCapabilities();
        folding.setLineFoldingOnly(true);   // Eclipse folds whole lines
        text.setFoldingRange(folding);
        SemanticTokensCapabilities tokens = new SemanticTokensCapabilities(
                new SemanticTokensClientCapabilitiesRequests(true), List.of(), List.of(), List.of(TokenFormat.Relative));
        text.setSemanticTokens(tokens);
        text.setSignatureHelp(new SignatureHelpCapabilities());
        CodeActionCapabilities actions = new CodeActionCapabilities();
        actions.setCodeActionLiteralSupport(new CodeActionLiteralSupportCapabilities(
                new CodeActionKindCapabilities(List.of(CodeActionKind.QuickFix))));
        text.setCodeAction(actions);
        WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
        WorkspaceEditCapabilities edits = new WorkspaceEditCapabilities();
        edits.setDocumentChanges(true);
        workspace.setWorkspaceEdit(edits);
        workspace.setApplyEdit(false);
        // the server registers its file watchers; ToitFileWatcher reports the workspace's changes
        workspace.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
        return new ClientCapabilities(workspace, text, null);
    }
}
