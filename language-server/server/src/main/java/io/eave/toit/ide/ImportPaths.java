package io.eave.toit.ide;

import io.eave.toit.ast.Import;
import io.eave.toit.scoping.Modules;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;

/**
 * Completion of the segment of an import path being written: for {@code import .a.b} the Toit
 * files and folders of that folder (on disk and open), for {@code import a} the library's modules.
 */
final class ImportPaths {
    private ImportPaths() {
    }

    /** {@code segments} are the path written before the one being completed. */
    static void complete(Import imp, List<String> segments, String file, String prefix, Collection<String> openPaths,
            Map<String, CompletionItem> items) {
        Map<String, CompletionItemKind> found = new TreeMap<>();
        if (imp.getRelative() != null) {
            Path folder = Path.of(file).toAbsolutePath().normalize().getParent();
            for (int i = 1; folder != null && i < imp.getRelative().length(); i++) folder = folder.getParent();
            for (String s : segments) folder = folder == null ? null : folder.resolve(s);
            if (folder != null) {
                list(folder, found);
                for (String open : openPaths) {
                    Path p = Path.of(open).toAbsolutePath().normalize();
                    if (folder.equals(p.getParent())) add(p.getFileName().toString(), false, found);
                }
                Path self = Path.of(file).toAbsolutePath().normalize();
                if (folder.equals(self.getParent())) found.remove(self.getFileName().toString().replaceFirst("\\.toit$", ""));   // not itself
            }
        } else {
            library(segments, found);
        }
        found.forEach((name, kind) -> {
            if (!name.startsWith(prefix) || items.containsKey(name)) return;
            CompletionItem item = new CompletionItem(name);
            item.setKind(kind);
            items.put(name, item);
        });
    }

    private static void list(Path folder, Map<String, CompletionItemKind> found) {
        if (!Files.isDirectory(folder)) return;
        try (Stream<Path> entries = Files.list(folder)) {
            entries.forEach(p -> add(p.getFileName().toString(), Files.isDirectory(p), found));
        } catch (IOException e) {
            // an unreadable folder offers nothing
        }
    }

    /** A Toit file offers its name without {@code .toit}; a folder its name; neither may hold another dot. */
    private static void add(String name, boolean folder, Map<String, CompletionItemKind> found) {
        if (name.startsWith(".")) return;
        if (folder) {
            if (!name.contains(".")) found.put(name, CompletionItemKind.Folder);
        } else if (name.endsWith(".toit")) {
            String module = name.substring(0, name.length() - ".toit".length());
            if (!module.contains(".")) found.put(module, CompletionItemKind.Module);
        }
    }

    /** The library's modules beside the front end's {@code core.toit} (which every file imports already). */
    private static void library(List<String> segments, Map<String, CompletionItemKind> found) {
        URL core = Modules.class.getClassLoader().getResource("toit/core/core.toit");
        if (core == null) return;
        try {
            URI uri = core.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem jar;
                try {
                    jar = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                }
                listLibrary(jar.provider().getPath(uri).getParent(), segments, found);
            } else if (uri.getScheme().equals("file")) {
                listLibrary(Path.of(uri).getParent(), segments, found);
            }   // other schemes (an OSGi bundle's) are not listed
        } catch (Exception e) {
            // the library cannot be listed here: no module names offered
        }
    }

    /** Every module of the library as an import spells it ({@code gpio}, {@code encoding.json}), core left out. */
    static List<String> libraryModules() {
        List<String> modules = new java.util.ArrayList<>();
        collectModules(List.of(), modules);
        return modules;
    }

    private static void collectModules(List<String> segments, List<String> modules) {
        Map<String, CompletionItemKind> found = new TreeMap<>();
        library(segments, found);
        found.forEach((name, kind) -> {
            List<String> path = new java.util.ArrayList<>(segments);
            path.add(name);
            if (kind == CompletionItemKind.Folder) collectModules(path, modules);
            else modules.add(String.join(".", path));
        });
    }

    private static void listLibrary(Path root, List<String> segments, Map<String, CompletionItemKind> found) {
        Path folder = root;
        for (String s : segments) folder = folder.resolve(s);
        list(folder, found);
        if (segments.isEmpty()) found.remove("core");   // imported by every file
    }
}
