package io.eave.toit.ide;

import static io.eave.toit.ide.ServerSession.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * References, rename and workspace symbols across files on disk that are not open: the files a
 * file imports (`import .util`), and the files that import it, found by indexing the workspace.
 */
class WorkspaceTest {
    private static final String UTIL = """
            helper x: return x + 1
            class Gauge:
              read -> int: return helper 0
            """;
    private static final String MAIN = """
            import .util
            main:
              print (util.helper 2)
              print (util.Gauge).read
            """;
    private static final String DEEP = """
            import ..util show helper
            main:
              print (helper 3)
            """;

    @TempDir
    Path project;
    private Path util;
    private Path main;
    private Path deep;

    @BeforeEach
    void files() throws Exception {
        util = Files.writeString(project.resolve("util.toit"), UTIL);
        main = Files.writeString(project.resolve("main.toit"), MAIN);
        Files.createDirectories(project.resolve("sub"));
        deep = Files.writeString(project.resolve("sub/deep.toit"), DEEP);
    }

    private ServerSession session() throws Exception {
        InitializeParams params = new InitializeParams();
        params.setWorkspaceFolders(List.of(new WorkspaceFolder(project.toUri().toString(), "project")));
        return new ServerSession(params);
    }

    @Test
    void renameFromTheDeclarationReachesTheImportersThatAreNotOpen() throws Exception {
        try (ServerSession session = session()) {
            session.open(uri(util), UTIL);
            List<String> expected = List.of(uri(main) + " 2:14", uri(deep) + " 0:19", uri(deep) + " 2:9", uri(util) + " 0:0",
                    uri(util) + " 2:22");   // 0:19: `show helper`
            assertEquals(expected, eventually(() -> places(references(session, util, 0, 1)), expected));
            var edit = await(session.documents().rename(new RenameParams(new TextDocumentIdentifier(uri(util)), new Position(0, 1), "increment")));
            Map<String, List<TextEdit>> changes = edit.getChanges();
            assertEquals(UTIL.replace("helper", "increment"), ServerSession.apply(UTIL, changes.get(uri(util))));
            assertEquals(MAIN.replace("helper", "increment"), ServerSession.apply(MAIN, changes.get(uri(main))));
            assertEquals(DEEP.replace("helper", "increment"), ServerSession.apply(DEEP, changes.get(uri(deep))));
        }
    }

    @Test
    void referencesFromAnImporterReachTheImportedFileAndItsOtherImporters() throws Exception {
        try (ServerSession session = session()) {
            session.open(uri(main), MAIN);
            List<String> expected = List.of(uri(main) + " 2:14", uri(deep) + " 0:19", uri(deep) + " 2:9", uri(util) + " 0:0",
                    uri(util) + " 2:22");   // 0:19: `show helper`
            assertEquals(expected, eventually(() -> places(references(session, main, 2, 16)), expected));
            List<String> classUses = places(references(session, main, 3, 14));
            assertEquals(List.of(uri(main) + " 3:14", uri(util) + " 1:6"), classUses);
        }
    }

    @Test
    void workspaceSymbolsFindDeclarationsInEveryFile() throws Exception {
        try (ServerSession session = session()) {
            List<String> expected = List.of("Gauge " + uri(util));
            assertEquals(expected, eventually(() -> symbols(session, "gau"), expected));
            assertEquals(List.of("read Gauge " + uri(util)), symbols(session, "rd"));   // letters in order
            assertEquals(List.of("main " + uri(main), "main " + uri(deep)), symbols(session, "MAIN").stream().sorted().toList());
        }
    }

    @Test
    void aNameDeclaredInAnotherFileCanBeImported() throws Exception {
        try (ServerSession session = session()) {
            String app = "main:\n  print (helper 1)\n";
            String appUri = uri(project.resolve("sub/app.toit"));
            eventually(() -> symbols(session, "Gauge"), List.of("Gauge " + uri(util)));   // the index has read util.toit
            session.open(appUri, app);
            var published = session.published.poll(20, java.util.concurrent.TimeUnit.SECONDS);
            var actions = await(session.documents().codeAction(new org.eclipse.lsp4j.CodeActionParams(new TextDocumentIdentifier(appUri),
                    published.getDiagnostics().get(0).getRange(), new org.eclipse.lsp4j.CodeActionContext(published.getDiagnostics()))))
                    .stream().map(org.eclipse.lsp4j.jsonrpc.messages.Either::getRight).toList();
            var importing = actions.stream().filter(a -> a.getTitle().equals("Import 'helper' from ..util")).findFirst().orElseThrow(
                    () -> new AssertionError(actions.stream().map(org.eclipse.lsp4j.CodeAction::getTitle).toList().toString()));
            String fixed = ServerSession.apply(app, importing.getEdit().getChanges().get(appUri));
            assertEquals("import ..util show helper\n\nmain:\n  print (helper 1)\n", fixed);
            session.documents().didChange(new org.eclipse.lsp4j.DidChangeTextDocumentParams(
                    new org.eclipse.lsp4j.VersionedTextDocumentIdentifier(appUri, 2), List.of(new org.eclipse.lsp4j.TextDocumentContentChangeEvent(fixed))));
            assertEquals(List.of(), session.published.poll(20, java.util.concurrent.TimeUnit.SECONDS).getDiagnostics());
        }
    }

    @Test
    void importPathsAreCompletedFromTheFoldersAndTheLibrary() throws Exception {
        try (ServerSession session = session()) {
            String uri = uri(project.resolve("new.toit"));
            session.open(uri, "");
            assertEquals(List.of("main", "sub", "util"), importCompletion(session, uri, "import .", 8));
            assertEquals(List.of("util"), importCompletion(session, uri, "import .u", 9));
            assertEquals(List.of("deep"), importCompletion(session, uri, "import .sub.", 12));
            String inSub = uri(project.resolve("sub/new.toit"));
            session.open(inSub, "");
            assertEquals(List.of("main", "new", "sub", "util"), importCompletion(session, inSub, "import ..", 9));   // ../new.toit is open
            List<String> library = importCompletion(session, uri, "import ", 7);
            assertEquals(true, library.containsAll(List.of("encoding", "gpio", "math", "uart")) && !library.contains("core"), library.toString());
            assertEquals(List.of("json"), importCompletion(session, uri, "import encoding.", 16));
        }
    }

    @Test
    void filesChangedOnDiskReachTheIndex() throws Exception {
        InitializeParams params = new InitializeParams();
        params.setWorkspaceFolders(List.of(new WorkspaceFolder(project.toUri().toString(), "project")));
        var workspace = new org.eclipse.lsp4j.WorkspaceClientCapabilities();
        workspace.setDidChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities(true));
        var capabilities = new org.eclipse.lsp4j.ClientCapabilities();
        capabilities.setWorkspace(workspace);
        params.setCapabilities(capabilities);
        try (ServerSession session = new ServerSession(params)) {
            session.server.initialized(new org.eclipse.lsp4j.InitializedParams());
            var registration = session.registrations.poll(20, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals("workspace/didChangeWatchedFiles", registration.getRegistrations().get(0).getMethod());
            // the options arrive as JSON, as any client sees them
            var options = (com.google.gson.JsonObject) registration.getRegistrations().get(0).getRegisterOptions();
            assertEquals("**/*.toit", options.getAsJsonArray("watchers").get(0).getAsJsonObject().get("globPattern").getAsString());
            eventually(() -> symbols(session, "Gauge"), List.of("Gauge " + uri(util)));

            Path extra = Files.writeString(project.resolve("extra.toit"), "class Extra:\n");
            Files.delete(util);
            session.server.getWorkspaceService().didChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesParams(List.of(
                    new org.eclipse.lsp4j.FileEvent(uri(extra), org.eclipse.lsp4j.FileChangeType.Created),
                    new org.eclipse.lsp4j.FileEvent(uri(util), org.eclipse.lsp4j.FileChangeType.Deleted))));
            assertEquals(List.of("Extra " + uri(extra)), eventually(() -> symbols(session, "Extra"), List.of("Extra " + uri(extra))));
            assertEquals(List.of(), eventually(() -> symbols(session, "Gauge"), List.of()));
        }
    }

    /**
     * An open file's unresolved import follows the imported file appearing and going on disk, as
     * the client reports it; and every publication names the version of the text it was made for.
     */
    @Test
    void anOpenFilesImportErrorFollowsTheImportedFileOnDisk() throws Exception {
        try (ServerSession session = session()) {
            Path app = project.resolve("app.toit");
            String text = "import .extra\nmain:\n  print extra.VALUE\n";
            session.documents().didOpen(new org.eclipse.lsp4j.DidOpenTextDocumentParams(
                    new org.eclipse.lsp4j.TextDocumentItem(uri(app), "toit", 3, text)));
            var first = diagnosticsOf(session, uri(app), 3, true);
            assertEquals(3, first.getVersion(), "published for the version analyzed");

            Path extra = Files.writeString(project.resolve("extra.toit"), "VALUE ::= 7\n");
            watched(session, extra, org.eclipse.lsp4j.FileChangeType.Created);
            assertEquals(3, diagnosticsOf(session, uri(app), 3, false).getVersion());

            session.documents().didChange(new org.eclipse.lsp4j.DidChangeTextDocumentParams(
                    new org.eclipse.lsp4j.VersionedTextDocumentIdentifier(uri(app), 4),
                    List.of(new org.eclipse.lsp4j.TextDocumentContentChangeEvent(text + "\n"))));
            assertEquals(4, diagnosticsOf(session, uri(app), 4, false).getVersion(), "a change's version");

            Files.delete(extra);
            watched(session, extra, org.eclipse.lsp4j.FileChangeType.Deleted);
            diagnosticsOf(session, uri(app), 4, true);
        }
    }

    @Test
    void aSavedOpenFileComingBackAsAWatchedChangeIsNotAnalyzedAgain() throws Exception {
        try (ServerSession session = session()) {
            Path app = Files.writeString(project.resolve("saved.toit"), "main:\n  print missing-name\n");
            session.documents().didOpen(new org.eclipse.lsp4j.DidOpenTextDocumentParams(
                    new org.eclipse.lsp4j.TextDocumentItem(uri(app), "toit", 1, Files.readString(app))));
            int published = 0;
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {   // until the whole analysis after the pause has published
                var p = session.published.poll(published == 0 ? 15_000 : 3_000, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (p == null) break;
                published++;
            }
            assertEquals(true, published > 0, "the open file's diagnostics were published");
            session.documents().didSave(new org.eclipse.lsp4j.DidSaveTextDocumentParams(
                    new org.eclipse.lsp4j.TextDocumentIdentifier(uri(app))));
            watched(session, app, org.eclipse.lsp4j.FileChangeType.Changed);   // the client's watcher sees the save
            var again = session.published.poll(3_000, java.util.concurrent.TimeUnit.MILLISECONDS);
            assertEquals(null, again, "the save of an open file changes nothing the server has not analyzed");
        }
    }

    private static void watched(ServerSession session, Path file, org.eclipse.lsp4j.FileChangeType type) {
        session.server.getWorkspaceService().didChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesParams(
                List.of(new org.eclipse.lsp4j.FileEvent(uri(file), type))));
    }

    /** The next publication for {@code uri} at {@code version} that has (or lacks) the unresolved import. */
    private static org.eclipse.lsp4j.PublishDiagnosticsParams diagnosticsOf(ServerSession session, String uri, int version,
            boolean unresolved) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        List<String> seen = new java.util.ArrayList<>();
        while (System.currentTimeMillis() < deadline) {
            var p = session.published.poll(500, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (p == null || !p.getUri().equals(uri)) continue;
            boolean has = p.getDiagnostics().stream().anyMatch(d -> d.getCode() != null
                    && "io.eave.toit.unresolved-import".equals(d.getCode().getLeft()));
            seen.add(p.getVersion() + " " + has);
            if (has == unresolved && Integer.valueOf(version).equals(p.getVersion())) return p;
        }
        throw new AssertionError("no diagnostics of version " + version + " with unresolved import " + unresolved + "; seen " + seen);
    }

    private static List<String> importCompletion(ServerSession session, String uri, String line, int character) throws Exception {
        String text = line + "\nmain:\n";
        session.documents().didChange(new org.eclipse.lsp4j.DidChangeTextDocumentParams(new org.eclipse.lsp4j.VersionedTextDocumentIdentifier(uri,
                (int) (System.nanoTime() & 0xFFFFFFF)), List.of(new org.eclipse.lsp4j.TextDocumentContentChangeEvent(text))));
        return await(session.documents().completion(new org.eclipse.lsp4j.CompletionParams(new TextDocumentIdentifier(uri), new Position(0, character))))
                .getLeft().stream().map(org.eclipse.lsp4j.CompletionItem::getLabel).toList();
    }

    private static List<String> symbols(ServerSession session, String query) throws Exception {
        List<? extends WorkspaceSymbol> found = await(session.server.getWorkspaceService().symbol(new WorkspaceSymbolParams(query))).getRight();
        return found.stream().map(s -> s.getName() + (s.getContainerName() == null ? "" : " " + s.getContainerName()) + " "
                + s.getLocation().getLeft().getUri()).toList();
    }

    private static List<? extends Location> references(ServerSession session, Path file, int line, int character) throws Exception {
        return await(session.documents().references(new ReferenceParams(new TextDocumentIdentifier(uri(file)),
                new Position(line, character), new ReferenceContext(true))));
    }

    private static List<String> places(List<? extends Location> locations) {
        return locations.stream().map(l -> l.getUri() + " " + l.getRange().getStart().getLine() + ":" + l.getRange().getStart().getCharacter())
                .sorted().toList();
    }

    /** The answer once it is the expected one (the index is read in the background), or the last answer after 20 s. */
    private static <T> T eventually(Callable<T> answer, T expected) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        T last = answer.call();
        while (!last.equals(expected) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            last = answer.call();
        }
        return last;
    }

    private static String uri(Path file) {
        return file.toUri().toString();
    }
}
