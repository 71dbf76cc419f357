package io.eave.toit.ide;

import io.eave.toit.ToitFrontEnd;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.ImplementationParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Open documents: every change re-checks the edited document after a short pause (a newer
 * change cancels the pending run; see {@link #debounceMs}) and publishes its diagnostics, in
 * proportion to the edit when it can ({@link EditedDiagnostics}), and analyzes every open
 * document whole after a longer pause ({@link #WHOLE_ANALYSIS_PAUSE_MS}); each request
 * (completion, hover, definition, references, highlight, rename, outline, folding, semantic
 * tokens, signature help, quick fixes) analyzes the current text with the front end.
 * Analysis runs off the message thread; requests that analyze the whole workspace (references,
 * implementations, rename, workspace symbols) run on a thread of their own, so the others
 * never queue behind them. A thread reads an analysis's trees holding its resource set.
 */
final class ToitTextDocuments implements TextDocumentService {
    /**
     * The pause in typing before an analysis starts: a quarter of the last analysis's time,
     * within these bounds. A run cannot be stopped once started, so a key pressed during it
     * waits for it; when runs are cheap that wait is short and diagnostics come sooner, when
     * they are slow a longer pause spares the runs the next key would make stale.
     */
    static final long MIN_DEBOUNCE_MS = 25;
    static final long MAX_DEBOUNCE_MS = 150;
    /**
     * The pause in typing after which the open documents are analyzed whole: the checks of the
     * edited declarations alone leave nothing stale once the user stops for this long.
     */
    static final long WHOLE_ANALYSIS_PAUSE_MS = 1_000;

    private final ToitFrontEnd frontEnd = ToitFrontEnd.create();
    private final Map<String, String> texts = new ConcurrentHashMap<>();   // by document URI
    /** The client's version of each open text; changed together with {@link #texts}, under its lock. */
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService analysis = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "toit-analysis"));
    private final ExecutorService requests = Executors.newSingleThreadExecutor(r -> daemon(r, "toit-requests"));
    private final ExecutorService workspaceRequests = Executors.newSingleThreadExecutor(r -> daemon(r, "toit-workspace-requests"));
    private volatile LanguageClient client;
    private Future<?> pending;
    private Future<?> pendingWhole;
    /** Counts the changes: an analysis for diagnostics stops when a newer change makes it stale. */
    private volatile long changes;
    /** The texts (by path) whose whole analysis was last published: the pause's run need not publish them again. */
    private Map<String, String> publishedWhole = Map.of();
    private volatile long lastAnalysisMs = MAX_DEBOUNCE_MS;
    /** The open documents' analysis and the workspace's (references, rename) are kept side by side. */
    private static final int KEPT_ANALYSES = 2;
    private final java.util.Deque<Analysis> latest = new java.util.ArrayDeque<>();
    private final WorkspaceIndex index = new WorkspaceIndex();
    private volatile boolean hierarchicalSymbols = true;
    private volatile boolean snippets;

    void connect(LanguageClient client) {
        this.client = client;
    }

    /** Stops the pending analysis and the index; the threads live on until {@link #exit}. */
    synchronized void shutdown() {
        index.shutdown();
        if (pending != null) pending.cancel(false);
        if (pendingWhole != null) pendingWhole.cancel(false);
    }

    /**
     * Ends the threads. Not at shutdown: they wrote the last answers, and a client reading
     * through a pipe may find the pipe broken once its writer thread is gone.
     */
    void exit() {
        analysis.shutdownNow();
        requests.shutdownNow();
        workspaceRequests.shutdownNow();
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        synchronized (texts) {
            texts.put(params.getTextDocument().getUri(), params.getTextDocument().getText());
            versions.put(params.getTextDocument().getUri(), params.getTextDocument().getVersion());
        }
        schedule();
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        synchronized (texts) {
            for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
                if (change.getRange() == null) {
                    texts.put(uri, change.getText());
                } else {
                    String text = texts.getOrDefault(uri, "");
                    TextPositions positions = new TextPositions(text);
                    int start = positions.offset(change.getRange().getStart());
                    int end = positions.offset(change.getRange().getEnd());
                    texts.put(uri, text.substring(0, start) + change.getText() + text.substring(end));
                }
            }
            if (params.getTextDocument().getVersion() != null) versions.put(uri, params.getTextDocument().getVersion());
        }
        schedule();
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        synchronized (texts) {
            texts.remove(uri);
            versions.remove(uri);
        }
        changedOnDisk(uri);   // the index keeps what is on disk, not the closed editor's text
        LanguageClient c = client;
        if (c != null) c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        schedule();
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        changedOnDisk(params.getTextDocument().getUri());
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        String uri = params.getTextDocument().getUri();
        String text = texts.get(uri);
        if (text == null) return CompletableFuture.completedFuture(Either.forLeft(List.of()));
        int offset = new TextPositions(text).offset(params.getPosition());
        Map<String, String> byPath = byPath();
        return CompletableFuture.supplyAsync(() -> {
            Completion.Kept kept = kept(byPath, path(uri));
            if (kept == null) return Either.forLeft(Completion.complete(frontEnd, path(uri), text, offset, byPath, snippets, null));
            synchronized (kept.result().resourceSet()) {
                return Either.forLeft(Completion.complete(frontEnd, path(uri), text, offset, byPath, snippets, kept));
            }
        }, requests);
    }

    /**
     * The newest kept analysis of the same open documents with the same texts except, perhaps,
     * {@code path}'s: completion re-parses only what changed in that one (null when none).
     */
    private Completion.Kept kept(Map<String, String> byPath, String path) {
        synchronized (latest) {
            for (Analysis a : latest) {
                if (!a.texts().keySet().equals(byPath.keySet())) continue;
                boolean othersSame = byPath.entrySet().stream()
                        .allMatch(e -> e.getKey().equals(path) || e.getValue().equals(a.texts().get(e.getKey())));
                if (othersSame) return new Completion.Kept(a.result(), a.texts().get(path));
            }
        }
        return null;
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return withTarget(params.getTextDocument().getUri(), params.getPosition(),
                target -> target == null ? null : new Hover(Navigation.describe(target.declaration())));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        return withTarget(params.getTextDocument().getUri(), params.getPosition(), target -> {
            Location location = target == null ? null : Navigation.location(target.declaration(), byPath());
            return Either.forLeft(location == null ? List.of() : List.of(location));
        });
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        boolean declarations = params.getContext() != null && params.getContext().isIncludeDeclaration();
        // the certain ones, then calls through receivers of unknown type that may reach the member (References.possible)
        return withWorkspaceTarget(params.getTextDocument().getUri(), params.getPosition(), target -> target == null ? List.of()
                : java.util.stream.Stream.concat(References.of(target.declaration(), target.result(), declarations).stream(),
                        References.possible(target.declaration(), target.result()).stream()).map(o -> {
                    TextPositions p = new TextPositions(References.text(target.result().unit(o.path())));
                    return new Location(uriOf(o.path()), new Range(p.position(o.offset()), p.position(o.offset() + o.length())));
                }).toList());
    }

    /** Subclasses of a class, overriding members of a method or field, across the workspace. */
    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> implementation(ImplementationParams params) {
        return withWorkspaceTarget(params.getTextDocument().getUri(), params.getPosition(), target -> {
            if (target == null) return Either.forLeft(List.of());
            List<Location> found = new ArrayList<>();
            for (var d : References.implementations(target.declaration(), target.result())) {
                var unit = (io.eave.toit.ast.Unit) org.eclipse.xtext.EcoreUtil2.getRootContainer(d);
                var name = Navigation.nameNode(d);
                if (d.eResource() == null || !d.eResource().getURI().isFile() || name == null) continue;
                TextPositions p = new TextPositions(References.text(unit));
                found.add(new Location(uriOf(d.eResource().getURI().toFileString()),
                        new Range(p.position(name.getOffset()), p.position(name.getEndOffset()))));
            }
            return Either.forLeft(found);
        });
    }

    /** The names of the declaration under the cursor in this document (all of them, writes marked). */
    @Override
    public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams params) {
        String uri = params.getTextDocument().getUri();
        return withTarget(uri, params.getPosition(), target -> {
            if (target == null) return List.of();
            TextPositions p = new TextPositions(texts.getOrDefault(uri, ""));
            return References.of(target.declaration(), target.result(), true).stream()
                    .filter(o -> o.path().equals(path(uri)))
                    .map(o -> new DocumentHighlight(new Range(p.position(o.offset()), p.position(o.offset() + o.length())),
                            o.write() ? DocumentHighlightKind.Write : DocumentHighlightKind.Read))
                    .toList();
        });
    }

    @Override
    public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(PrepareRenameParams params) {
        String uri = params.getTextDocument().getUri();
        return withWorkspaceTarget(uri, params.getPosition(), target -> {
            if (target == null) throw Rename.failure("Nothing to rename here");
            String refusal = Rename.refusal(target.declaration(), target.result());
            if (refusal != null) throw Rename.failure(refusal);
            int offset = new TextPositions(texts.getOrDefault(uri, "")).offset(params.getPosition());
            TextPositions p = new TextPositions(texts.getOrDefault(uri, ""));
            for (References.Occurrence o : References.of(target.declaration(), target.result(), true)) {
                if (o.path().equals(path(uri)) && o.offset() <= offset && offset <= o.offset() + o.length()) {
                    String name = texts.get(uri).substring(o.offset(), o.offset() + o.length());
                    return Either3.forSecond(new PrepareRenameResult(
                            new Range(p.position(o.offset()), p.position(o.offset() + o.length())), name));
                }
            }
            throw Rename.failure("Nothing to rename here");
        });
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        return withWorkspaceTarget(params.getTextDocument().getUri(), params.getPosition(), target -> {
            if (target == null) throw Rename.failure("Nothing to rename here");
            String refusal = Rename.refusal(target.declaration(), target.result());
            if (refusal == null) refusal = Rename.invalidName(target.declaration(), params.getNewName(), target.result());
            if (refusal != null) throw Rename.failure(refusal);
            return Rename.edits(target.declaration(), params.getNewName(), target.result(), this::uriOf);
        });
    }

    /** Whether the client takes snippets in completion items. */
    void snippets(boolean supported) {
        snippets = supported;
    }

    /** Whether the client shows nested symbols; others get a flat list with container names. */
    void hierarchicalSymbols(boolean supported) {
        hierarchicalSymbols = supported;
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        String uri = params.getTextDocument().getUri();
        boolean nested = hierarchicalSymbols;
        return withUnit(uri, unit -> nested
                ? Symbols.of(unit).stream().map(Either::<SymbolInformation, DocumentSymbol>forRight).toList()
                : Symbols.flat(Symbols.of(unit), uri).stream().map(Either::<SymbolInformation, DocumentSymbol>forLeft).toList());
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return withUnit(params.getTextDocument().getUri(), Folding::of);
    }

    @Override
    public CompletableFuture<SignatureHelp> signatureHelp(SignatureHelpParams params) {
        String uri = params.getTextDocument().getUri();
        Map<String, String> byPath = byPath();
        String text = byPath.get(path(uri));
        if (text == null) return CompletableFuture.completedFuture(null);
        int offset = new TextPositions(text).offset(params.getPosition());
        return CompletableFuture.supplyAsync(() -> reading(analysis(byPath),
                result -> CallSignatures.at(frontEnd, result, path(uri), text, offset)), requests);
    }

    /** Quick fixes for the diagnostics the client sends. */
    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        String uri = params.getTextDocument().getUri();
        Map<String, String> byPath = byPath();
        String text = byPath.get(path(uri));
        List<Diagnostic> diagnostics = params.getContext() == null ? List.of() : params.getContext().getDiagnostics();
        if (text == null || diagnostics == null || diagnostics.isEmpty()) return CompletableFuture.completedFuture(List.of());
        return CompletableFuture.supplyAsync(() -> reading(analysis(byPath), result -> QuickFixes.of(frontEnd, result,
                () -> analysis(workspaceTexts()), path(uri), uri, text, diagnostics, this::uriOf)
                .stream().map(Either::<Command, CodeAction>forRight).toList()), requests);
    }

    /** Formatting (see {@link Formatting}); the client's tab options do not apply. */
    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        String text = texts.get(params.getTextDocument().getUri());
        if (text == null) return CompletableFuture.completedFuture(List.of());
        return CompletableFuture.supplyAsync(() -> Formatting.edits(text, client), requests);
    }

    /** The edits of whole-document formatting on the lines the range touches. */
    @Override
    public CompletableFuture<List<? extends TextEdit>> rangeFormatting(DocumentRangeFormattingParams params) {
        String text = texts.get(params.getTextDocument().getUri());
        if (text == null) return CompletableFuture.completedFuture(List.of());
        return CompletableFuture.supplyAsync(() -> Formatting.edits(text, params.getRange(), client), requests);
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        return withUnit(params.getTextDocument().getUri(), unit -> Highlighting.of(unit, null)).thenApply(SemanticTokens::new);
    }

    /** The tokens of the lines a client shows (a large file need not be classified whole). */
    @Override
    public CompletableFuture<SemanticTokens> semanticTokensRange(SemanticTokensRangeParams params) {
        return withUnit(params.getTextDocument().getUri(), unit -> Highlighting.of(unit, params.getRange())).thenApply(SemanticTokens::new);
    }

    /** Runs {@code then} on the analyzed tree of an open document (an empty list for others). */
    private <T> CompletableFuture<List<T>> withUnit(String uri, java.util.function.Function<io.eave.toit.ast.Unit, List<T>> then) {
        Map<String, String> byPath = byPath();
        if (!byPath.containsKey(path(uri))) return CompletableFuture.completedFuture(List.of());
        return CompletableFuture.supplyAsync(() -> reading(analysis(byPath), result -> then.apply(result.unit(path(uri)))), requests);
    }

    /** The URI of the open document analyzed as {@code path}, or the file's URI. */
    private String uriOf(String path) {
        for (String uri : texts.keySet()) {
            if (path(uri).equals(path)) return uri;
        }
        return Rename.uriOf(path);
    }

    private <T> CompletableFuture<T> withTarget(String uri, Position position, java.util.function.Function<Navigation.Target, T> then) {
        Map<String, String> byPath = byPath();
        String text = byPath.get(path(uri));
        if (text == null) return CompletableFuture.completedFuture(then.apply(null));
        int offset = new TextPositions(text).offset(position);
        return CompletableFuture.supplyAsync(() -> reading(analysis(byPath), result -> then.apply(Navigation.at(result, path(uri), offset))),
                requests);
    }

    /**
     * As {@link #withTarget}, in an analysis of the workspace's files too (for references and
     * rename), on the workspace requests' thread; a request the client cancels stops its analysis.
     */
    private <T> CompletableFuture<T> withWorkspaceTarget(String uri, Position position,
            java.util.function.Function<Navigation.Target, T> then) {
        Map<String, String> byPath = workspaceTexts();
        String text = byPath.get(path(uri));
        if (text == null) return CompletableFuture.completedFuture(then.apply(null));
        int offset = new TextPositions(text).offset(position);
        return CompletableFutures.computeAsync(workspaceRequests, cancel -> {
            ToitFrontEnd.Result result = analysis(byPath, cancel::isCanceled);
            cancel.checkCanceled();
            return reading(result, r -> then.apply(Navigation.at(r, path(uri), offset)));
        });
    }

    /** {@code then} of an analysis, holding its resource set: its trees are linked lazily, and fragments are parsed into it. */
    private static <T> T reading(ToitFrontEnd.Result result, java.util.function.Function<ToitFrontEnd.Result, T> then) {
        synchronized (result.resourceSet()) {
            return then.apply(result);
        }
    }

    /** The workspace's Toit files as read by the index, with the open documents' texts over them. */
    private Map<String, String> workspaceTexts() {
        Map<String, String> all = new java.util.HashMap<>(index.snapshot());
        all.putAll(byPath());
        return all;
    }

    /** Declarations of the workspace whose names hold the query's letters in order (any case). */
    CompletableFuture<List<WorkspaceSymbol>> symbols(String query) {
        Map<String, String> all = workspaceTexts();
        return CompletableFutures.computeAsync(workspaceRequests, cancel -> reading(analysis(all, cancel::isCanceled), result -> {
            List<WorkspaceSymbol> found = new ArrayList<>();
            result.units().forEach((path, unit) -> {
                if (unit == null || !all.containsKey(path)) return;
                for (SymbolInformation s : Symbols.flat(Symbols.of(unit), uriOf(path))) {
                    if (!matches(query, s.getName())) continue;
                    WorkspaceSymbol symbol = new WorkspaceSymbol(s.getName(), s.getKind(), Either.forLeft(s.getLocation()));
                    symbol.setContainerName(s.getContainerName());
                    found.add(symbol);
                }
            });
            return found;
        }));
    }

    private static boolean matches(String query, String name) {
        int at = 0;
        String n = name.toLowerCase(java.util.Locale.ROOT);
        for (char c : query.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            at = n.indexOf(c, at) + 1;
            if (at == 0) return false;
        }
        return true;
    }

    /** Starts indexing the workspace folders. */
    void index(List<Path> roots) {
        index.index(roots);
    }

    /** Whether the workspace folders have been read once. */
    boolean indexed() {
        return index.ready();
    }

    /** Whether the file at this URI is open, whatever spelling of its URI the client used. */
    boolean isOpen(String uri) {
        String path = path(uri);
        return texts.keySet().stream().anyMatch(open -> path(open).equals(path));
    }

    /** A file changed on disk: the index reads it again. */
    void changedOnDisk(String uri) {
        index.refresh(Path.of(path(uri)));
    }

    /**
     * Files changed on disk that open documents may import (created, changed, deleted): the
     * kept analyses read them before, so the open documents are analyzed again and published.
     */
    void filesChangedOnDisk() {
        synchronized (latest) {
            latest.clear();
        }
        schedule();
    }

    private synchronized void schedule() {
        changes++;
        if (pending != null) pending.cancel(false);
        if (pendingWhole != null) pendingWhole.cancel(false);
        pending = analysis.schedule(() -> analyze(false), debounceMs(), TimeUnit.MILLISECONDS);
        pendingWhole = analysis.schedule(() -> analyze(true), WHOLE_ANALYSIS_PAUSE_MS, TimeUnit.MILLISECONDS);
    }

    /** The current pause before an analysis (see {@link #MIN_DEBOUNCE_MS}). */
    long debounceMs() {
        return Math.clamp(lastAnalysisMs / 4, MIN_DEBOUNCE_MS, MAX_DEBOUNCE_MS);
    }

    /**
     * Publishes the diagnostics of the open documents, with the version of the text analyzed (a
     * client can tell diagnostics of an older text): of the edited declarations alone when
     * {@link EditedDiagnostics} can tell them ({@code whole} false), else of every open document
     * analyzed together (they may import each other). A document whose text changed meanwhile is
     * left to the run the change scheduled.
     */
    private void analyze(boolean whole) {
        long seen = changes;   // before the texts: a change after this makes the run stale
        Map<String, String> snapshot;
        Map<String, Integer> snapshotVersions;
        synchronized (texts) {
            snapshot = Map.copyOf(texts);
            snapshotVersions = Map.copyOf(versions);
        }
        if (snapshot.isEmpty()) return;
        Map<String, String> byPath = new java.util.HashMap<>();
        snapshot.forEach((uri, text) -> byPath.put(path(uri), text));
        long start = System.nanoTime();
        if (!whole && publishEdited(snapshot, snapshotVersions, byPath, start, seen)) return;
        if (whole && byPath.equals(publishedWhole)) return;
        ToitFrontEnd.Result result;
        try {
            // typing on stops the run after the typing pause (the next change's run starts sooner); not the one after
            // the longer pause: completion and diagnostics start from the latest whole analysis, and when it is
            // never renewed, every declaration edited since is parsed again for every keystroke
            result = whole ? analysis(byPath) : analysis(byPath, () -> changes != seen);
        } catch (java.util.concurrent.CancellationException e) {
            return;
        }
        long took = (System.nanoTime() - start) / 1_000_000;
        if (took > 0) lastAnalysisMs = took;   // under a millisecond: a kept analysis, not a run
        LanguageClient c = client;
        if (c == null) return;
        snapshot.forEach((uri, text) -> {
            if (text.equals(texts.get(uri))) {
                c.publishDiagnostics(new PublishDiagnosticsParams(uri, Diagnostics.convert(result.diagnostics(path(uri)), text),
                        snapshotVersions.get(uri)));
            }
        });
        publishedWhole = byPath;
    }

    /** Publishes the diagnostics of the one document edited since a kept analysis, checked in the edited declarations alone. */
    private boolean publishEdited(Map<String, String> snapshot, Map<String, Integer> versions, Map<String, String> byPath, long start,
            long seen) {
        String edited = null;
        Completion.Kept base = null;
        synchronized (latest) {
            for (Analysis a : latest) {
                if (!a.texts().keySet().equals(byPath.keySet())) continue;
                List<String> changed = byPath.keySet().stream().filter(p -> !byPath.get(p).equals(a.texts().get(p))).toList();
                if (changed.size() != 1) continue;
                edited = changed.get(0);
                base = new Completion.Kept(a.result(), a.texts().get(edited));
                break;
            }
        }
        if (base == null) return false;
        String path = edited;
        Completion.Kept kept = base;
        List<ToitFrontEnd.Diagnostic> diagnostics;
        try {
            // a newer change stops it: it holds the analysis completion reads, and its answer would be stale
            diagnostics = reading(base.result(), r -> EditedDiagnostics.of(frontEnd, kept, path, byPath.get(path), () -> changes != seen));
        } catch (java.util.concurrent.CancellationException e) {
            return true;   // the newer change's run publishes
        }
        if (diagnostics == null) return false;
        long took = (System.nanoTime() - start) / 1_000_000;
        if (took > 0) lastAnalysisMs = took;
        LanguageClient c = client;
        if (c == null) return true;
        snapshot.forEach((uri, text) -> {
            if (path(uri).equals(path) && text.equals(texts.get(uri))) {
                c.publishDiagnostics(new PublishDiagnosticsParams(uri, Diagnostics.convert(diagnostics, text), versions.get(uri)));
            }
        });
        return true;
    }

    /**
     * The analysis of exactly these open texts (by path). A client asks for highlighting, folding,
     * outline and more after each change: they share the analysis the change started instead of
     * analyzing again. Only the requests thread reads the trees; the analysis thread, diagnostics.
     */
    private ToitFrontEnd.Result analysis(Map<String, String> byPath) {
        return analysis(byPath, org.eclipse.xtext.util.CancelIndicator.NullImpl);
    }

    /** As above; {@code cancel} stops a new analysis (the request that wanted it was cancelled). */
    private ToitFrontEnd.Result analysis(Map<String, String> byPath, org.eclipse.xtext.util.CancelIndicator cancel) {
        synchronized (latest) {
            for (Analysis a : latest) {
                if (a.texts().equals(byPath)) return a.result();
            }
        }
        List<ToitFrontEnd.SourceFile> files = new ArrayList<>();
        byPath.forEach((path, text) -> files.add(new ToitFrontEnd.SourceFile(path, text)));
        ToitFrontEnd.Result result = frontEnd.analyze(files, List.of(), cancel);
        synchronized (latest) {
            latest.addFirst(new Analysis(Map.copyOf(byPath), result));
            while (latest.size() > KEPT_ANALYSES) latest.removeLast();
        }
        return result;
    }

    private record Analysis(Map<String, String> texts, ToitFrontEnd.Result result) {
    }

    private Map<String, String> byPath() {
        Map<String, String> result = new java.util.HashMap<>();
        texts.forEach((uri, text) -> result.put(path(uri), text));
        return result;
    }

    /** The file path of a document URI; other schemes keep their text as a relative path. */
    static String path(String uri) {
        try {
            URI u = URI.create(uri);
            if ("file".equals(u.getScheme())) return Path.of(u).toString();
        } catch (IllegalArgumentException e) {
            // not a URI: used as a path
        }
        return uri.replaceFirst("^[a-z]+:/*", "");
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
