package io.eave.toit.scoping;

import io.eave.toit.ast.Import;
import io.eave.toit.ast.Unit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.emf.common.util.URI;

/**
 * Modules that exist for Toit but whose declarations we do not have: modules of the Toit SDK and
 * of well-known registry packages (listed in {@code toit/external-modules.txt}), and packages
 * the project declares in its {@code package.yaml} / {@code package.lock} but that are not
 * downloaded. Importing one is not an error; what it provides resolves leniently: names it may
 * provide are not reported as unresolved, and nothing is checked about them.
 */
public final class ExternalModules {
    private ExternalModules() {
    }

    private static final Set<String> EXACT = new HashSet<>();
    private static final Set<String> TREES = new HashSet<>();

    static {
        try (InputStream in = ExternalModules.class.getClassLoader().getResourceAsStream("toit/external-modules.txt")) {
            if (in != null) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                    String entry = line.strip();
                    if (entry.isEmpty() || entry.startsWith("#")) continue;
                    if (entry.endsWith(".*")) TREES.add(entry.substring(0, entry.length() - 2));
                    else EXACT.add(entry);
                }
            }
        } catch (IOException e) {
            // no list: every unresolved import is an error
        }
    }

    /** Whether {@code path} ("net.wifi") names a module of the SDK or of a well-known package. */
    public static boolean isKnown(List<String> path) {
        String joined = String.join(".", path).replace('_', '-');
        if (EXACT.contains(joined)) return true;
        for (int i = path.size() - 1; i > 0; i--) {
            if (TREES.contains(String.join(".", path.subList(0, i)).replace('_', '-'))) return true;
        }
        return false;
    }

    /**
     * Whether {@code imp} is an import that does not resolve to a file but names a module that
     * exists outside the project: the SDK, a well-known package, or a package of the project.
     */
    public static boolean isExternal(Import imp) {
        if (imp == null || imp.getRelative() != null || imp.getPath().isEmpty()) return false;
        if (Modules.resolve(imp) != null) return false;
        return isKnown(imp.getPath()) || isProjectPackage(imp);
    }

    /**
     * Whether what {@code imp} provides is unknown: an external module, or a module that is not
     * found (that is reported once, at the import, and not again at every name it would provide).
     */
    public static boolean isOpaque(Import imp) {
        return imp != null && Modules.resolve(imp) == null;
    }

    /**
     * Whether {@code name} is shown by an import of {@code unit} whose module is opaque (or may
     * be, through {@code show *}), or whose module re-exports it from one.
     */
    public static boolean mayProvide(Unit unit, String name) {
        if (unit == null) return false;
        for (Import imp : unit.getImports()) {
            if (!Modules.showsAll(imp) && !imp.getShow().contains(name)) continue;
            if (isOpaque(imp) || Modules.mayReExportUnknown(Modules.resolve(imp), name)) return true;
        }
        return false;
    }

    /**
     * A package the project depends on: its prefix is a key under {@code prefixes:} of the
     * nearest {@code package.lock} or under {@code dependencies:} of the nearest
     * {@code package.yaml}, searched from the importing file's folder upwards.
     */
    static boolean isProjectPackage(Import imp) {
        return packageOf(imp) != null;
    }

    /**
     * The file a package import names when the package's sources are on disk: a {@code path:}
     * dependency's {@code src/} folder, or the downloaded copy under {@code .packages/}.
     * {@code import pkg} names {@code src/pkg.toit}, {@code import pkg.a.b} names {@code src/a/b.toit}.
     */
    public static URI packageFile(Import imp) {
        Path src = packageSources(imp);
        if (src == null) return null;
        List<String> path = imp.getPath();
        String relative = path.size() == 1 ? path.get(0) : String.join("/", path.subList(1, path.size()));
        for (String spelling : List.of(relative, relative.replace('-', '_'))) {
            String last = spelling.substring(spelling.lastIndexOf('/') + 1);
            // the folder shortcut: pkg.devices is src/devices.toit, or src/devices/devices.toit
            for (Path file : List.of(src.resolve(spelling + ".toit"), src.resolve(spelling).resolve(last + ".toit"))) {
                if (Files.isRegularFile(file)) return URI.createFileURI(file.toString());
            }
        }
        return null;
    }

    private static Path packageSources(Import imp) {
        Map<String, Object> pkg = packageOf(imp);
        if (pkg == null) return null;
        Path folder = (Path) pkg.get(FOLDER);
        if (pkg.get("path") instanceof String path) return folder.resolve(path).normalize().resolve("src");
        if (pkg.get("url") instanceof String url && pkg.get("version") instanceof String version) {
            return folder.resolve(".packages").resolve(url).resolve(version).resolve("src");
        }
        return null;
    }

    private static final String FOLDER = "\0folder";

    /** The description of the package {@code imp}'s first segment names (with FOLDER set), or null. */
    private static Map<String, Object> packageOf(Import imp) {
        URI uri = imp.eResource() == null ? null : imp.eResource().getURI();
        if (uri == null || !uri.isFile() || imp.getRelative() != null || imp.getPath().isEmpty()) return null;
        String prefix = imp.getPath().get(0);
        for (Path folder = Path.of(uri.toFileString()).toAbsolutePath().getParent(); folder != null; folder = folder.getParent()) {
            Map<String, Object> lock = yaml(folder.resolve("package.lock"));
            Map<String, Object> spec = yaml(folder.resolve("package.yaml"));
            if (lock == null && spec == null) continue;
            Map<String, Object> found = null;
            if (lock != null && byName(map(lock.get("prefixes")), prefix) instanceof String id) {
                found = new java.util.HashMap<>(map(map(lock.get("packages")).get(id)));
                if (!found.containsKey("path") && !found.containsKey("url")) found.put("path", id);
            } else if (spec != null && byName(map(spec.get("dependencies")), prefix) != null) {
                found = new java.util.HashMap<>(map(byName(map(spec.get("dependencies")), prefix)));
            }
            if (found != null) found.put(FOLDER, folder);
            return found;
        }
        return null;
    }

    /** The value of the key that spells the Toit name {@code name}: `solar_position` is `solar-position`. */
    private static Object byName(Map<String, Object> m, String name) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (io.eave.toit.parser.ToitNames.canonical(e.getKey()).equals(name)) return e.getValue();
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /**
     * A YAML file of nested block mappings with plain scalars (all that package files hold), as
     * nested maps; null when the file does not exist or cannot be read.
     */
    static Map<String, Object> yaml(Path file) {
        if (!Files.isRegularFile(file)) return null;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
        Map<String, Object> root = new java.util.LinkedHashMap<>();
        java.util.Deque<Map.Entry<Integer, Map<String, Object>>> open = new java.util.ArrayDeque<>();
        open.push(Map.entry(-1, root));
        for (String line : lines) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#") || content.startsWith("-")) continue;
            int depth = line.length() - line.stripLeading().length();
            int colon = content.indexOf(':');
            if (colon <= 0) continue;
            while (open.peek().getKey() >= depth) open.pop();
            String key = unquote(content.substring(0, colon).strip());
            String value = unquote(content.substring(colon + 1).strip());
            if (value.isEmpty()) {
                Map<String, Object> child = new java.util.LinkedHashMap<>();
                open.peek().getValue().put(key, child);
                open.push(Map.entry(depth, child));
            } else {
                open.peek().getValue().put(key, value);
            }
        }
        return root;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))
                ? s.substring(1, s.length() - 1) : s;
    }
}
