package io.eave.toit.scoping;

import io.eave.toit.ast.Import;
import io.eave.toit.ast.Unit;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;

/**
 * Finds the unit an import names and loads it into the resource set when needed: relative imports
 * ({@code .util}, {@code ..lib.x}) from the importing file's folder; others from the project's
 * source roots, then the importing file's folder and its parents, then the library shipped as
 * resources under {@code toit/core/} (where {@code core.toit} is imported into every file).
 */
public final class Modules {
    private Modules() {
    }

    /** URI scheme of the library units loaded from the class path. */
    public static final String LIBRARY_SCHEME = "toit-library";
    private static final String LIBRARY_FOLDER = "toit/core/";

    /** The source roots of a project, kept on its resource set. */
    public static final class Roots extends AdapterImpl {
        final List<URI> roots;

        Roots(List<URI> roots) {
            this.roots = roots;
        }
    }

    /** Sets the folders absolute imports are searched in (after them: the file's folder chain). */
    public static void setRoots(ResourceSet set, List<URI> roots) {
        set.eAdapters().removeIf(a -> a instanceof Roots);
        set.eAdapters().add(new Roots(List.copyOf(roots)));
    }

    /**
     * The units imported into every file: the core library's sources listed in
     * {@code toit/core/files.txt} (module eave-toit-core, what the compiler compiles), then this
     * module's {@code core.toit}, whose declarations fill in what those do not declare yet.
     */
    public static List<Unit> coreUnits(ResourceSet set) {
        List<Unit> units = new ArrayList<>();
        try (InputStream in = Modules.class.getClassLoader().getResourceAsStream(LIBRARY_FOLDER + "files.txt")) {
            if (in != null) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
                    String name = line.strip();
                    if (name.endsWith(".toit")) {
                        Unit unit = library(set, name.substring(0, name.length() - ".toit".length()));
                        if (unit != null) units.add(unit);
                    }
                }
            }
        } catch (IOException e) {
            // no listed core sources: this module's declarations alone
        }
        Unit own = library(set, "core");
        if (own != null) units.add(own);
        return units;
    }

    /**
     * Declarations of the core units by name; a class or global the library sources declare hides
     * this module's (whose class members fill in, see {@link #fillIn}); functions add overloads.
     * The core is parsed and linked once, in a resource set of its own that is never changed
     * afterwards, and shared by every analysis (it is most of the text of a small program).
     */
    public static List<io.eave.toit.ast.Declaration> coreDeclarations(ResourceSet set) {
        List<io.eave.toit.ast.Declaration> core = sharedCore;
        if (core == null) {
            synchronized (Modules.class) {
                if (sharedCore == null) {
                    // linking the core below asks for the core again: answered from `linking`
                    if (linking != null) return linking;
                    org.eclipse.xtext.resource.XtextResourceSet shared = new org.eclipse.xtext.resource.XtextResourceSet();
                    shared.setResourceFactoryRegistry(set.getResourceFactoryRegistry());
                    try {
                        linking = List.copyOf(collectCore(shared));
                        org.eclipse.emf.ecore.util.EcoreUtil.resolveAll(shared);
                        freeze(shared);
                        sharedCore = linking;
                    } finally {
                        linking = null;
                    }
                }
                core = sharedCore;
            }
        }
        return core;
    }

    /**
     * Unsets the references that stayed unresolved (members of values of unknown type), so
     * nothing ever tries to resolve them again: the shared core is never written after this.
     */
    private static void freeze(ResourceSet shared) {
        for (Resource resource : shared.getResources()) {
            for (var contents = resource.getAllContents(); contents.hasNext();) {
                org.eclipse.emf.ecore.EObject o = contents.next();
                for (org.eclipse.emf.ecore.EReference ref : o.eClass().getEAllReferences()) {
                    if (ref.isContainment() || ref.isMany() || !ref.isChangeable()) continue;
                    if (o.eGet(ref, false) instanceof org.eclipse.emf.ecore.EObject target && target.eIsProxy()) o.eSet(ref, null);
                }
            }
        }
    }

    /** The core once linked: read-only from then on, shared by all threads. */
    private static volatile List<io.eave.toit.ast.Declaration> sharedCore;
    /** The core while it is being linked, seen only by the linking thread (which holds the lock). */
    private static List<io.eave.toit.ast.Declaration> linking;

    private static List<io.eave.toit.ast.Declaration> collectCore(ResourceSet set) {
        List<Unit> units = coreUnits(set);
        List<io.eave.toit.ast.Declaration> result = new ArrayList<>();
        java.util.Map<String, io.eave.toit.ast.Declaration> sources = new java.util.HashMap<>();
        java.util.Map<io.eave.toit.ast.Class, io.eave.toit.ast.Class> fillIns = new java.util.IdentityHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            boolean own = i == units.size() - 1 && units.get(i).eResource().getURI().lastSegment().equals("core.toit");
            for (io.eave.toit.ast.Declaration d : units.get(i).getDeclarations()) {
                String name = io.eave.toit.scoping.ToitScopeProvider.nameOf(d);
                if (!own) {
                    sources.putIfAbsent(name, d);
                    result.add(d);
                } else if (!sources.containsKey(name)) {
                    result.add(d);
                } else if (sources.get(name) instanceof io.eave.toit.ast.Method && d instanceof io.eave.toit.ast.Method) {
                    // more overloads of a function the sources declare (`task --background`)
                    result.add(d);
                } else if (sources.get(name) instanceof io.eave.toit.ast.Class hiding && d instanceof io.eave.toit.ast.Class hidden) {
                    fillIns.put(hiding, hidden);
                }
            }
        }
        coreFillIns = fillIns;
        return result;
    }

    /**
     * This module's declaration of a core class that the library sources declare too (`int`,
     * `List` …): its members fill in those the sources lack, so {@code 12.count-leading-zeros}
     * is checked against both. Null for any other class.
     */
    public static io.eave.toit.ast.Class fillIn(io.eave.toit.ast.Class sourceClass) {
        return coreFillIns.get(sourceClass);
    }

    /** Library source class to this module's class of the same name; set once with the core. */
    private static volatile java.util.Map<io.eave.toit.ast.Class, io.eave.toit.ast.Class> coreFillIns = java.util.Map.of();

    /** The library unit at {@code path} ("math", "encoding/json"), or null. */
    public static Unit library(ResourceSet set, String path) {
        URI uri = URI.createURI(LIBRARY_SCHEME + ":/" + path + ".toit");
        Resource resource = set.getResource(uri, false);
        if (resource == null) {
            try (InputStream in = Modules.class.getClassLoader().getResourceAsStream(LIBRARY_FOLDER + path + ".toit")) {
                if (in == null) return null;
                synchronized (set) {
                    resource = set.getResource(uri, false);
                    if (resource == null) {
                        resource = set.createResource(uri);
                        resource.load(in, Map.of());
                    }
                }
            } catch (IOException e) {
                return null;
            }
        }
        return unit(resource);
    }

    /**
     * Library modules that declare all of the SDK's module of the same name, so a name they lack
     * is a mistake; the others (gpio, uart, encoding.json, net.tcp) declare a part of it.
     */
    private static final java.util.Set<String> WHOLE_SDK_MODULES = java.util.Set.of("math");

    /** Whether {@code module}, a library module, declares only a part of the SDK's module. */
    public static boolean isPartOfSdkModule(Unit module) {
        if (module == null || !isLibrary(module.eResource())) return false;
        String path = module.eResource().getURI().path();
        return !WHOLE_SDK_MODULES.contains(path.substring(1, path.length() - ".toit".length()).replace('/', '.'));
    }

    public static boolean isLibrary(Resource resource) {
        return resource != null && LIBRARY_SCHEME.equals(resource.getURI().scheme());
    }

    /** The unit {@code imp} names, or null when no file or library module matches. */
    public static Unit resolve(Import imp) {
        Resource from = imp.eResource();
        if (from == null || from.getResourceSet() == null) return null;
        ResourceSet set = from.getResourceSet();
        String path = String.join("/", imp.getPath());
        if (imp.getRelative() != null) {
            URI folder = from.getURI().trimSegments(1);
            for (int i = 1; i < imp.getRelative().length(); i++) folder = folder.trimSegments(1);
            // names are canonical (foo_bar is foo-bar): the file may be spelled either way
            for (String spelling : List.of(path, path.replace('-', '_'))) {
                String last = spelling.substring(spelling.lastIndexOf('/') + 1);
                Unit unit = load(set, folder.appendSegments((spelling + ".toit").split("/")));
                // the folder shortcut: `import .sub` is sub/sub.toit when there is no sub.toit
                if (unit == null) unit = load(set, folder.appendSegments((spelling + "/" + last + ".toit").split("/")));
                if (unit != null) return unit;
            }
            return loadSpelledOtherwise(set, folder, path);
        }
        // a file never imports itself: `import uart` in uart.toit means the library's module
        List<String> spellings = path.contains("-") ? List.of(path, path.replace('-', '_')) : List.of(path);
        for (URI root : roots(set)) {
            for (String spelling : spellings) {
                URI candidate = root.appendSegments((spelling + ".toit").split("/"));
                Unit unit = candidate.equals(from.getURI()) ? null : load(set, candidate);
                if (unit != null) return unit;
            }
        }
        if (!isLibrary(from)) {
            URI folder = from.getURI().trimSegments(1);
            while (folder.segmentCount() > 0 || folder.hasAuthority()) {
                Unit unit = null;
                for (String spelling : spellings) {
                    URI candidate = folder.appendSegments((spelling + ".toit").split("/"));
                    if (unit == null && !candidate.equals(from.getURI())) unit = load(set, candidate);
                }
                if (unit != null) return unit;
                if (folder.segmentCount() == 0) break;
                folder = folder.trimSegments(1);
            }
        }
        URI packaged = ExternalModules.packageFile(imp);
        if (packaged != null) {
            Unit unit = load(set, packaged);
            if (unit != null) return unit;
        }
        Unit library = library(set, path);
        return library != null ? library : library(set, path + "/" + imp.getPath().get(imp.getPath().size() - 1));
    }

    private static List<URI> roots(ResourceSet set) {
        List<URI> roots = new ArrayList<>();
        for (var adapter : set.eAdapters()) {
            if (adapter instanceof Roots r) roots.addAll(r.roots);
        }
        return roots;
    }

    /** The unit of the file at {@code uri}, loaded into {@code set} when needed; null when there is none. */
    static Unit loadFile(ResourceSet set, URI uri) {
        return load(set, uri);
    }

    /**
     * A file whose name spells the module's last segment with another mix of `-` and `_`
     * (`my-driver_impl.toit` for `.my-driver-impl`): open in the set, or on disk.
     */
    private static Unit loadSpelledOtherwise(ResourceSet set, URI base, String path) {
        int slash = path.lastIndexOf('/');
        URI folder = slash < 0 ? base : base.appendSegments(path.substring(0, slash).split("/"));
        String wanted = io.eave.toit.parser.ToitNames.canonical(path.substring(slash + 1));
        for (Resource resource : List.copyOf(set.getResources())) {
            URI uri = resource.getURI();
            if (uri.trimSegments(1).equals(folder) && sameModuleName(uri.lastSegment(), wanted)) return unit(resource);
        }
        if (!folder.isFile()) return null;
        java.io.File[] files = new java.io.File(folder.toFileString()).listFiles();
        if (files == null) return null;
        for (java.io.File file : files) {
            if (file.isFile() && sameModuleName(file.getName(), wanted)) return load(set, folder.appendSegment(file.getName()));
        }
        return null;
    }

    private static boolean sameModuleName(String fileName, String canonical) {
        return fileName != null && fileName.endsWith(".toit")
                && io.eave.toit.parser.ToitNames.canonical(fileName.substring(0, fileName.length() - ".toit".length())).equals(canonical);
    }

    /** The unit at {@code uri}: already in the set, or loaded when the file exists. */
    private static Unit load(ResourceSet set, URI uri) {
        Resource resource = set.getResource(uri, false);
        if (resource == null) {
            if (!set.getURIConverter().exists(uri, Map.of())) return null;
            try {
                resource = set.getResource(uri, true);
            } catch (RuntimeException e) {
                return null;
            }
        }
        return unit(resource);
    }

    private static Unit unit(Resource resource) {
        return resource != null && !resource.getContents().isEmpty() && resource.getContents().get(0) instanceof Unit u ? u : null;
    }

    /**
     * What a module offers its importers: its own declarations, then what it re-exports
     * ({@code export name} of a name it imported, or {@code export *} for all it imported by
     * {@code show}).
     */
    public static List<io.eave.toit.ast.Declaration> exported(Unit module) {
        return exported(module, new java.util.HashSet<>());
    }

    private static List<io.eave.toit.ast.Declaration> exported(Unit module, java.util.Set<Unit> visiting) {
        List<io.eave.toit.ast.Declaration> result = new ArrayList<>(module.getDeclarations());
        if (module.getExports().isEmpty() || !visiting.add(module)) return result;
        boolean all = module.getExports().stream().anyMatch(io.eave.toit.ast.Export::isAll);
        java.util.Set<String> names = new java.util.HashSet<>();
        module.getExports().forEach(e -> names.addAll(e.getNames()));
        for (Import imp : module.getImports()) {
            Unit imported = resolve(imp);
            if (imported == null) continue;
            for (io.eave.toit.ast.Declaration d : exported(imported, visiting)) {
                String name = io.eave.toit.scoping.ToitScopeProvider.nameOf(d);
                boolean shown = showsAll(imp) || imp.getShow().contains(name);
                if (shown && (all || names.contains(name))) result.add(d);
            }
        }
        // `export ResourceState_` may also pass on a name of the core library
        if (!names.isEmpty() && module.eResource() != null && module.eResource().getResourceSet() != null) {
            java.util.Set<String> found = new java.util.HashSet<>();
            result.forEach(d -> found.add(io.eave.toit.scoping.ToitScopeProvider.nameOf(d)));
            for (io.eave.toit.ast.Declaration d : coreDeclarations(module.eResource().getResourceSet())) {
                String name = io.eave.toit.scoping.ToitScopeProvider.nameOf(d);
                if (names.contains(name) && !found.contains(name)) result.add(d);
            }
        }
        return result;
    }

    /**
     * Whether {@code module} may pass on {@code name} from a module Eave cannot read: it exports
     * the name (or {@code export *}) and an import showing it is missing or opaque, directly or
     * through the modules it imports ({@code import .file show is-file} + {@code export is-file}
     * without {@code file.toit}). Such a name is reported once, at the import that fails.
     */
    public static boolean mayReExportUnknown(Unit module, String name) {
        return mayReExportUnknown(module, name, new java.util.HashSet<>());
    }

    private static boolean mayReExportUnknown(Unit module, String name, java.util.Set<Unit> visiting) {
        if (module == null || module.getExports().isEmpty() || !visiting.add(module)) return false;
        boolean exported = module.getExports().stream()
                .anyMatch(e -> e.isAll() || e.getNames().contains(name));
        if (!exported) return false;
        for (Import imp : module.getImports()) {
            if (!showsAll(imp) && !imp.getShow().contains(name)) continue;
            Unit imported = resolve(imp);
            if (imported == null || mayReExportUnknown(imported, name, visiting)) return true;
        }
        return false;
    }

    /**
     * Whether all of the module's names are visible without prefix: {@code show *}, or a local
     * import ({@code import .util}) without {@code as} or {@code show}, as in Toit. Such a local
     * import also binds its last segment as a prefix here, so {@code util.twice} works too.
     */
    public static boolean showsAll(Import imp) {
        return imp.isShowAll() || (imp.getRelative() != null && imp.getPrefix() == null && imp.getShow().isEmpty());
    }

    /** The name a prefix import binds: {@code as} name, else the last path segment; null with {@code show}. */
    public static String prefix(Import imp) {
        if (imp.getPrefix() != null) return imp.getPrefix();
        if (imp.isShowAll() || !imp.getShow().isEmpty() || imp.getPath().isEmpty()) return null;
        return imp.getPath().get(imp.getPath().size() - 1);
    }
}
