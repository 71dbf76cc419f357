package io.eave.toit.ide;

import io.eave.toit.ToitFrontEnd;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.xtext.parser.IParser;

/**
 * The language server's figures (docs/benchmarks.md): parse and check speed, completion and
 * diagnostics latency on a 5,000-line file over a real LSP4J connection, and the heap a
 * 50,000-line workspace holds. A timed harness, not JMH: the figures are latencies of requests
 * that cross threads and a pipe. Run by {@code ./mvnw -q -pl language-server/server -am -Pbenchmark verify}.
 */
public final class ServerBenchmark {
    private static final String URI = "file:///bench/big.toit";

    private ServerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("eave.lsp.embedded", "true");
        parseSpeed();
        latencyOnFiveThousandLines();
        workspaceHeap();
        System.exit(0);   // the server's daemon threads would not keep the JVM, LSP4J's reader might
    }

    /**
     * Lines per second of parsing alone (lexer, layout token source, ANTLR parser, node model and
     * tree: the front end's {@code IParser}) and of the whole front end (parse, link, validate),
     * warm, median of 5; link + validate is their difference.
     */
    private static void parseSpeed() {
        ToitFrontEnd frontEnd = ToitFrontEnd.create();
        IParser parser = frontEnd.injector().getInstance(IParser.class);
        System.out.println("## parse alone (IParser) and parse + link + validate (ToitFrontEnd.analyze), warm, median of 5");
        for (int classes : new int[] {44, 220, 880}) {
            String text = GeneratedProgram.of(classes);
            long lines = text.lines().count();
            var files = List.of(new ToitFrontEnd.SourceFile("/bench/p.toit", text));
            double parse = median(() -> {
                if (parser.parse(new StringReader(text)).hasSyntaxErrors()) throw new AssertionError("syntax errors");
            });
            double all = median(() -> frontEnd.analyze(files));
            System.out.printf("%,d lines: parse %.0f ms (%,.0f lines/s); parse + link + validate %.0f ms (%,.0f lines/s); link + validate %.0f ms%n",
                    lines, parse, lines / (parse / 1e3), all, lines / (all / 1e3), all - parse);
        }
    }

    /** Milliseconds, the median of 5 runs after at least 20 runs and 5 s to warm up (the JIT compiles the parser's large methods late). */
    private static double median(Runnable run) {
        long warm = System.nanoTime() + 5_000_000_000L;
        for (int i = 0; i < 20 || System.nanoTime() < warm; i++) run.run();
        long[] ns = new long[5];
        for (int i = 0; i < ns.length; i++) {
            long start = System.nanoTime();
            run.run();
            ns[i] = System.nanoTime() - start;
        }
        Arrays.sort(ns);
        return ns[2] / 1e6;
    }

    private static void latencyOnFiveThousandLines() throws Exception {
        String text = GeneratedProgram.of(218);
        long lines = text.lines().count();
        try (ServerSession session = new ServerSession()) {
            session.open(URI, text);
            session.published.poll(120, TimeUnit.SECONDS);
            TextDocumentIdentifier doc = new TextDocumentIdentifier(URI);
            // as while typing: a space typed at the end of `return width * height`, then completion of `wid` on that line at
            // once (before the edit's analysis): 9 keystrokes in each of 5 classes, the first 5 requests to warm up
            int version = 1;
            List<Long> completion = new ArrayList<>();
            for (int n = 0; n < 45; n++) {
                int line = (n / 9 * 43 % 218) * GeneratedProgram.LINES_PER_CLASS + 7;
                if (n % 9 == 0) Thread.sleep(1_000);   // moving to another class takes a moment: the last edits are analyzed
                Position end = new Position(line, 25 + n % 9);
                session.documents().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, ++version),
                        List.of(new TextDocumentContentChangeEvent(new Range(end, end), " "))));
                long start = System.nanoTime();
                ServerSession.await(session.documents().completion(new CompletionParams(doc, new Position(line, 14))));
                if (n >= 5) completion.add(System.nanoTime() - start);
            }
            // the same after a keystroke in another declaration, the edits before it analyzed: the whole file is parsed again
            List<Long> elsewhere = new ArrayList<>();
            for (int n = 0; n < 15; n++) {
                Thread.sleep(500);
                Position end = new Position((100 + n) * GeneratedProgram.LINES_PER_CLASS + 7, 25);
                session.documents().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, ++version),
                        List.of(new TextDocumentContentChangeEvent(new Range(end, end), " "))));
                long start = System.nanoTime();
                ServerSession.await(session.documents().completion(new CompletionParams(doc, new Position((10 + n) * GeneratedProgram.LINES_PER_CLASS + 7, 14))));
                if (n >= 5) elsewhere.add(System.nanoTime() - start);
            }
            Thread.sleep(3_000);   // the analysis of the last edits publishes before the diagnostics are timed
            // a one-character edit in a doc comment, a different one each time, then the published diagnostics
            List<Long> diagnostics = new ArrayList<>();
            for (int n = 0; n < 25; n++) {
                Range digit = new Range(new Position(0, 17), new Position(0, 18));
                String letter = String.valueOf((char) ('a' + n));
                session.published.clear();
                long start = System.nanoTime();
                session.documents().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, ++version),
                        List.of(new TextDocumentContentChangeEvent(digit, letter))));
                PublishDiagnosticsParams published = session.published.poll(60, TimeUnit.SECONDS);
                if (published == null) throw new AssertionError("no diagnostics after edit " + n);
                if (n >= 5) diagnostics.add(System.nanoTime() - start);
            }
            System.out.printf("## %,d-line file over LSP4J%n", lines);
            System.out.printf("completion right after a keystroke in the same declaration: p50 %.0f ms, p95 %.0f ms (%d requests)%n",
                    percentile(completion, 50), percentile(completion, 95), completion.size());
            System.out.printf("completion right after a keystroke in another declaration: p50 %.0f ms, p95 %.0f ms (%d requests)%n",
                    percentile(elsewhere, 50), percentile(elsewhere, 95), elsewhere.size());
            System.out.printf("diagnostics after a one-character edit: p50 %.0f ms, p95 %.0f ms (%d edits; of it the typing pause,"
                    + " a quarter of the last analysis's time within %d to %d ms)%n", percentile(diagnostics, 50), percentile(diagnostics, 95),
                    diagnostics.size(), ToitTextDocuments.MIN_DEBOUNCE_MS, ToitTextDocuments.MAX_DEBOUNCE_MS);
        }
    }

    /** Heap held by the server once a 50-file, 50,000-line workspace is indexed and analyzed. */
    private static void workspaceHeap() throws Exception {
        Path folder = Files.createTempDirectory("eave-bench-workspace");
        long lines = 0;
        for (int f = 0; f < 50; f++) {
            String text = GeneratedProgram.of(44, "f" + f);
            lines += text.lines().count();
            Files.writeString(folder.resolve("file" + f + ".toit"), text);
        }
        long before = usedHeap();
        InitializeParams params = new InitializeParams();
        params.setWorkspaceFolders(List.of(new WorkspaceFolder(folder.toUri().toString(), "bench")));
        try (ServerSession session = new ServerSession(params)) {
            long start = System.nanoTime();
            int found = 0;
            while (found < 50 && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(5)) {
                found = ServerSession.await(session.server.getWorkspaceService().symbol(new WorkspaceSymbolParams("Shape0f"))).getRight().size();
                // `Shape0f` matches Shape0f0..Shape0f49 (letters in order) once every file is indexed and analyzed
                if (found < 50) Thread.sleep(200);
            }
            long took = (System.nanoTime() - start) / 1_000_000;
            long after = usedHeap();
            System.out.printf("## workspace of 50 files, %,d lines%n", lines);
            System.out.printf("indexed and analyzed (first complete workspace-symbol answer) after %,d ms; heap held: %,d MB%n", took,
                    (after - before) >> 20);
        }
        requestsDuringFirstReferences(folder, params);
        try (var walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * The first references in the workspace analyze all of it (on a thread of their own):
     * completion in a small open file sent right after them, 5 times, a fresh server each.
     */
    private static void requestsDuringFirstReferences(Path folder, InitializeParams params) throws Exception {
        String app = "main:\n  total := 0\n  print total\n";
        Path file = Files.writeString(folder.resolve("app.toit"), app);
        String uri = file.toUri().toString();
        List<Long> references = new ArrayList<>();
        List<Long> completion = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            try (ServerSession session = new ServerSession(params)) {
                session.open(uri, app);
                session.published.poll(60, TimeUnit.SECONDS);
                TextDocumentIdentifier doc = new TextDocumentIdentifier(uri);
                CompletionParams at = new CompletionParams(doc, new Position(2, 8));
                ServerSession.await(session.documents().completion(at));
                Thread.sleep(1_000);   // the index reads the files
                long start = System.nanoTime();
                var found = session.documents().references(new org.eclipse.lsp4j.ReferenceParams(doc, new Position(1, 3),
                        new org.eclipse.lsp4j.ReferenceContext(true)));
                ServerSession.await(session.documents().completion(at));
                completion.add(System.nanoTime() - start);
                found.get(5, TimeUnit.MINUTES);
                references.add(System.nanoTime() - start);
            }
        }
        Files.delete(file);
        System.out.printf("first references in the workspace: p50 %.0f ms; completion sent right after it: p50 %.0f ms, max %.0f ms (5 runs)%n",
                percentile(references, 50), percentile(completion, 50), percentile(completion, 100));
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static double percentile(List<Long> ns, int p) {
        long[] sorted = ns.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
