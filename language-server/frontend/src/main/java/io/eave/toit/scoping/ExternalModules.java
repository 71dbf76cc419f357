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

    /** Whether {@code unit} imports an external module with {@code show *}: any name may come from it. */
    public static boolean importsAllOfExternal(Unit unit) {
        return unit != null && unit.getImports().stream().anyMatch(i -> i.isShowAll() && isExternal(i));
    }

    /** Whether {@code name} is shown by an external import of {@code unit} (or may be, through {@code show *}). */
    public static boolean mayProvide(Unit unit, String name) {
        if (unit == null) return false;
        for (Import imp : unit.getImports()) {
            if ((imp.isShowAll() || imp.getShow().contains(name)) && isExternal(imp)) return true;
        }
        return false;
    }

    /**
     * A package the project depends on: its prefix is a key under {@code dependencies:} of the
     * nearest {@code package.yaml}, or under {@code prefixes:} of the nearest {@code package.lock},
     * searched from the importing file's folder upwards. Its sources are not read (they are
     * usually not downloaded); the import is taken on trust.
     */
    static boolean isProjectPackage(Import imp) {
        URI uri = imp.eResource() == null ? null : imp.eResource().getURI();
        if (uri == null || !uri.isFile()) return false;
        String prefix = imp.getPath().get(0);
        for (Path folder = Path.of(uri.toFileString()).toAbsolutePath().getParent(); folder != null; folder = folder.getParent()) {
            Path yaml = folder.resolve("package.yaml");
            Path lock = folder.resolve("package.lock");
            if (Files.isRegularFile(yaml) || Files.isRegularFile(lock)) {
                return keysUnder(yaml, "dependencies").contains(prefix) || keysUnder(lock, "prefixes").contains(prefix);
            }
        }
        return false;
    }

    /** The keys of the block mapping under top-level {@code section:} of a simple YAML file. */
    private static Set<String> keysUnder(Path file, String section) {
        Set<String> keys = new HashSet<>();
        if (!Files.isRegularFile(file)) return keys;
        try {
            boolean inside = false;
            int indent = -1;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
                int depth = line.length() - line.stripLeading().length();
                if (depth == 0) {
                    inside = line.strip().equals(section + ":");
                    indent = -1;
                    continue;
                }
                if (!inside) continue;
                if (indent < 0) indent = depth;
                int colon = line.indexOf(':');
                if (depth == indent && colon > 0) keys.add(line.substring(depth, colon).strip().replaceAll("^[\"']|[\"']$", ""));
            }
        } catch (IOException e) {
            // unreadable: no packages
        }
        return keys;
    }
}
