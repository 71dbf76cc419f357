package io.eave.toit.ide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The Toit files of the workspace folders, read on a thread of their own so that no request
 * waits for them: references, rename and workspace symbols see the files read so far (and every
 * file an analyzed file imports, which the front end reads itself). Changed files are read again
 * when the client reports them.
 */
final class WorkspaceIndex {
    /** Files larger than this are not Toit sources anyone edits; they are left out. */
    static final long MAX_FILE_BYTES = 2 << 20;
    /** At most this many files are indexed, so a huge folder opened by mistake stays cheap. */
    static final int MAX_FILES = 5_000;

    private final Map<String, String> texts = new ConcurrentHashMap<>();   // by file path
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "toit-index");
        t.setDaemon(true);
        return t;
    });
    private volatile Future<?> indexing;

    /** Starts reading the folders' Toit files in the background. */
    void index(List<Path> roots) {
        indexing = reader.submit(() -> roots.forEach(this::walk));
    }

    /** Whether the first reading of the folders has ended (tests wait for it). */
    boolean ready() {
        Future<?> f = indexing;
        return f == null || f.isDone();
    }

    /** Reads a file again (or forgets it if it is gone), in the background. */
    void refresh(Path file) {
        reader.submit(() -> read(file));
    }

    /** The texts read so far, by path. */
    Map<String, String> snapshot() {
        return Map.copyOf(texts);
    }

    void shutdown() {
        reader.shutdownNow();
    }

    private void walk(Path root) {
        if (!Files.isDirectory(root)) return;
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skipped = !dir.equals(root) && (name.startsWith(".") || name.equals("target") || name.equals("node_modules"));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (texts.size() >= MAX_FILES || Thread.currentThread().isInterrupted()) return FileVisitResult.TERMINATE;
                    if (file.toString().endsWith(".toit") && attributes.size() <= MAX_FILE_BYTES) read(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;   // unreadable: left out, as the front end would
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read(Path file) {
        Path path = file.toAbsolutePath().normalize();
        try {
            if (Files.isRegularFile(path) && path.toString().endsWith(".toit")) {
                texts.put(path.toString(), Files.readString(path));
                return;
            }
        } catch (IOException | UncheckedIOException e) {
            // unreadable or not UTF-8: forgotten like a deleted file
        }
        texts.remove(path.toString());
    }
}
