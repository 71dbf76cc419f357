package io.eave.toit.ide;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.SignatureHelpOptions;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The Toit language server: incremental text sync, diagnostics as you type, completion, hover, go
 * to definition, find references, highlight, rename, outline, folding, semantic tokens, signature
 * help, quick fixes, workspace symbols (the workspace folders are indexed in the background).
 */
public final class ToitLanguageServer implements LanguageServer, LanguageClientAware {
    private final ToitTextDocuments documents = new ToitTextDocuments();
    private final WorkspaceService workspace = new WorkspaceService() {
        @Override
        public void didChangeConfiguration(DidChangeConfigurationParams params) {
        }

        @Override
        public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
            params.getChanges().forEach(change -> documents.changedOnDisk(change.getUri()));
            // an open file's imports may have appeared, changed or gone; a save of an open file
            // changes nothing its importers see (they already read its open text)
            if (params.getChanges().stream().anyMatch(change -> !documents.isOpen(change.getUri()))) {
                documents.filesChangedOnDisk();
            }
        }

        @Override
        public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(
                WorkspaceSymbolParams params) {
            return documents.symbols(params.getQuery() == null ? "" : params.getQuery()).thenApply(Either::forRight);
        }
    };
    private volatile boolean shutDown;
    private volatile boolean watchFiles;
    private volatile LanguageClient client;

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        ServerCapabilities capabilities = new ServerCapabilities();
        capabilities.setTextDocumentSync(TextDocumentSyncKind.Incremental);
        capabilities.setCompletionProvider(new CompletionOptions(false, List.of(".")));
        capabilities.setHoverProvider(true);
        capabilities.setDefinitionProvider(true);
        capabilities.setReferencesProvider(true);
        capabilities.setImplementationProvider(true);
        capabilities.setDocumentHighlightProvider(true);
        var client = params.getCapabilities() == null ? null : params.getCapabilities().getTextDocument();
        boolean prepare = client != null && client.getRename() != null && Boolean.TRUE.equals(client.getRename().getPrepareSupport());
        capabilities.setRenameProvider(prepare ? Either.forRight(new RenameOptions(true)) : Either.forLeft(true));
        documents.snippets(client != null && client.getCompletion() != null && client.getCompletion().getCompletionItem() != null
                && Boolean.TRUE.equals(client.getCompletion().getCompletionItem().getSnippetSupport()));
        documents.hierarchicalSymbols(client == null || client.getDocumentSymbol() == null
                || Boolean.TRUE.equals(client.getDocumentSymbol().getHierarchicalDocumentSymbolSupport()));
        capabilities.setDocumentSymbolProvider(true);
        capabilities.setFoldingRangeProvider(true);
        capabilities.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        capabilities.setSignatureHelpProvider(new SignatureHelpOptions(List.of(" ")));   // arguments follow a space
        capabilities.setSemanticTokensProvider(new SemanticTokensWithRegistrationOptions(Highlighting.LEGEND, true, true));
        capabilities.setWorkspaceSymbolProvider(true);
        capabilities.setDocumentFormattingProvider(true);
        capabilities.setDocumentRangeFormattingProvider(true);
        documents.index(workspaceFolders(params));
        var workspaceCapabilities = params.getCapabilities() == null ? null : params.getCapabilities().getWorkspace();
        watchFiles = workspaceCapabilities != null && workspaceCapabilities.getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(workspaceCapabilities.getDidChangeWatchedFiles().getDynamicRegistration());
        return CompletableFuture.completedFuture(new InitializeResult(capabilities, new ServerInfo("eave-toit", "0.1.0")));
    }

    /** A client that can watch files is asked to report the Toit files changed on disk, which keeps the index current. */
    @Override
    public void initialized(InitializedParams params) {
        LanguageClient c = client;
        if (!watchFiles || c == null) return;
        var watcher = new FileSystemWatcher(Either.forLeft("**/*.toit"));
        c.registerCapability(new RegistrationParams(List.of(new Registration("toit-files", "workspace/didChangeWatchedFiles",
                new DidChangeWatchedFilesRegistrationOptions(List.of(watcher))))));
    }

    /** The folders the client opened: its workspace folders, else its root. */
    @SuppressWarnings("deprecation")   // rootUri and rootPath: what older clients send
    private static List<Path> workspaceFolders(InitializeParams params) {
        List<String> uris = new ArrayList<>();
        if (params.getWorkspaceFolders() != null) params.getWorkspaceFolders().forEach(f -> uris.add(f.getUri()));
        if (uris.isEmpty() && params.getRootUri() != null) uris.add(params.getRootUri());
        if (uris.isEmpty() && params.getRootPath() != null) return List.of(Path.of(params.getRootPath()));
        List<Path> folders = new ArrayList<>();
        for (String uri : uris) {
            try {
                folders.add(Path.of(java.net.URI.create(uri)));
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                // not a file URI: nothing on disk to index
            }
        }
        return folders;
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutDown = true;
        documents.shutdown();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        documents.exit();
        // the launcher ends the process when the input stream closes; a clean exit after shutdown
        if (System.getProperty("eave.lsp.embedded") == null) System.exit(shutDown ? 0 : 1);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
        documents.connect(client);
    }
}
