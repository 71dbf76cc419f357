package io.eave.toit.ide;

import io.eave.toit.ToitFrontEnd;
import io.eave.toit.ast.AstPackage;
import io.eave.toit.ast.Block;
import io.eave.toit.ast.Call;
import io.eave.toit.ast.NamedArgument;
import io.eave.toit.ast.Class;
import io.eave.toit.ast.Declaration;
import io.eave.toit.ast.Field;
import io.eave.toit.ast.Identifier;
import io.eave.toit.ast.Import;
import io.eave.toit.ast.MemberAccess;
import io.eave.toit.ast.Method;
import io.eave.toit.ast.Parameter;
import io.eave.toit.ast.Sequence;
import io.eave.toit.ast.Unit;
import io.eave.toit.parser.ToitNames;
import io.eave.toit.scoping.Fragment;
import io.eave.toit.scoping.Modules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.scoping.IScopeProvider;

/**
 * Completion by a placeholder: the word being typed is replaced by a marker name, the text is
 * parsed, and the names in scope where the marker stands (after a dot: the receiver's members)
 * that start with the typed prefix are offered, then the keywords that may stand there; in an
 * import, the modules and folders its path may go on with ({@link ImportPaths}).
 */
final class Completion {
    private static final String MARKER = "eave-completion-marker";

    private Completion() {
    }

    /** An analysis of the open documents, and the text of the completed document it saw. */
    record Kept(ToitFrontEnd.Result result, String text) {
    }

    static List<CompletionItem> complete(ToitFrontEnd frontEnd, String path, String text, int offset, Map<String, String> others,
            boolean snippets) {
        return complete(frontEnd, path, text, offset, others, snippets, null);
    }

    /**
     * As above; with {@code kept}, an earlier analysis of the same documents (the others' texts
     * unchanged), only the declarations of this one that changed since and the one at the
     * cursor are parsed (see {@link #fragment}).
     */
    static List<CompletionItem> complete(ToitFrontEnd frontEnd, String path, String text, int offset, Map<String, String> others,
            boolean snippets, Kept kept) {
        int start = offset;
        while (start > 0 && isNamePart(text.charAt(start - 1))) start--;
        int end = offset;
        while (end < text.length() && isNamePart(text.charAt(end))) end++;
        if (text.startsWith("--", start)) start = Math.min(offset, start + 2);   // `--po`: a named argument
        String prefix = ToitNames.canonical(text.substring(start, offset));
        // the whole word under the cursor becomes the marker, so it stays one name
        String patched = text.substring(0, start) + MARKER + text.substring(end);
        Resource fragment = kept == null ? null : fragment(kept, path, patched, start);
        try {
            Unit unit;
            if (fragment != null) {
                unit = (Unit) fragment.getContents().get(0);
            } else {
                List<ToitFrontEnd.SourceFile> files = new ArrayList<>();
                files.add(new ToitFrontEnd.SourceFile(path, patched));
                others.forEach((p, t) -> {
                    if (!p.equals(path)) files.add(new ToitFrontEnd.SourceFile(p, t));
                });
                unit = parse(frontEnd, files, path);
            }
            if (unit == null) return List.of();
            return items(frontEnd, unit, path, prefix, others, snippets);
        } finally {
            if (fragment != null) fragment.getResourceSet().getResources().remove(fragment);
        }
    }

    private static List<CompletionItem> items(ToitFrontEnd frontEnd, Unit unit, String path, String prefix, Map<String, String> others,
            boolean snippets) {
        IScopeProvider scopes = frontEnd.injector().getInstance(IScopeProvider.class);
        Map<String, CompletionItem> items = new LinkedHashMap<>();
        for (Import imp : unit.getImports()) {
            int at = imp.getPath().indexOf(MARKER);
            if (at >= 0) {
                ImportPaths.complete(imp, imp.getPath().subList(0, at), path, prefix, others.keySet(), items);
                return new ArrayList<>(items.values());
            }
        }
        for (EObject o : EcoreUtil2.eAllContents(unit)) {
            if (o instanceof NamedArgument n && MARKER.equals(n.getName()) && n.eContainer() instanceof Call call) {
                namedArguments(call, prefix, scopes, items);
                break;
            }
            if (o instanceof Declaration d && MARKER.equals(d.getName())) {   // a new declaration is being written
                Keywords.add(d.eContainer() instanceof Class ? Keywords.Place.CLASS_BODY : Keywords.Place.TOP_LEVEL, prefix, snippets, items);
                break;
            }
            EReference ref = o instanceof MemberAccess ? AstPackage.Literals.MEMBER_ACCESS__MEMBER
                    : o instanceof Identifier ? AstPackage.Literals.IDENTIFIER__DECLARATION : null;
            if (ref == null || !MARKER.equals(referenceText(o, ref))) continue;
            for (IEObjectDescription d : scopes.getScope(o, ref).getAllElements()) {
                String name = d.getName().toString();
                if (!name.startsWith(prefix) || name.equals(MARKER) || items.containsKey(name)) continue;
                CompletionItem item = new CompletionItem(name);
                item.setKind(kind(d.getEObjectOrProxy()));
                item.setDetail(detail(d.getEObjectOrProxy()));
                String doc = io.eave.toit.services.Documentation.of(d.getEObjectOrProxy());
                if (doc != null) item.setDocumentation(doc);
                items.put(name, item);
            }
            if (o instanceof Identifier) {
                Keywords.add(o.eContainer() instanceof Sequence ? Keywords.Place.STATEMENT : Keywords.Place.EXPRESSION, prefix, snippets, items);
            }
            break;
        }
        return new ArrayList<>(items.values());
    }

    /**
     * The top-level declarations at the cursor and where the text changed since the kept
     * analysis (one stretch of the file, usually one declaration) parsed alone, standing in for
     * their old versions in that analysis ({@link Fragment}): the rest of the file is the same
     * text, so its trees serve as they are. Null (parse everything) when the cursor or the change
     * is outside the declarations (an import), or when the stretch does not parse cleanly on its
     * own (an unclosed string or bracket would change how the rest of the file reads). What the
     * rest of the file says about these declarations is their last analyzed version.
     */
    private static Resource fragment(Kept kept, String path, String patched, int cursor) {
        Unit host = kept.result().unit(path);
        String old = kept.text();
        if (host == null || host.eResource() == null || old == null) return null;
        int same = 0;   // the text before the change
        int limit = Math.min(old.length(), patched.length());
        while (same < limit && old.charAt(same) == patched.charAt(same)) same++;
        int sameAfter = 0;   // and after it
        while (sameAfter < limit - same && old.charAt(old.length() - 1 - sameAfter) == patched.charAt(patched.length() - 1 - sameAfter)) {
            sameAfter++;
        }
        int changeEnd = old.length() - sameAfter;
        int delta = patched.length() - old.length();
        List<Integer> starts = new ArrayList<>();   // where each top-level element's first token is
        java.util.TreeMap<Integer, Integer> ends = new java.util.TreeMap<>();   // and its last one ends, by start
        for (EObject o : host.eContents()) {
            var node = NodeModelUtils.getNode(o);
            if (node == null) continue;
            starts.add(node.getOffset());
            ends.put(node.getOffset(), node.getEndOffset());
        }
        java.util.Collections.sort(starts);
        // each declaration's region: from its first token to the next element's (or the end)
        List<io.eave.toit.ast.Declaration> declarations = host.getDeclarations();
        int[] from = new int[declarations.size()];
        int[] next = new int[declarations.size()];
        int after = 0;   // declarations come in the order of the text, as do the starts
        for (int k = 0; k < declarations.size(); k++) {
            var node = NodeModelUtils.getNode(declarations.get(k));
            if (node == null) return null;
            from[k] = node.getOffset();
            while (after < starts.size() && starts.get(after) <= from[k]) after++;
            next[k] = after < starts.size() ? starts.get(after) : old.length();
        }
        // the declarations from the change's and the cursor's first to their last: one stretch of the text
        int changedEnd = changeEnd + delta;   // in the new text
        int cursorOld = cursor < same ? cursor : cursor >= changedEnd ? cursor - delta : same;
        int changed = regionOf(same, from, next, old.length());
        if (changed >= 0 && same == from[changed]) {
            // text put at a declaration's first token may go on the one before (an indented line)
            if (changed == 0) return null;
            changed--;
        }
        int cursorAt = regionOf(cursorOld, from, next, old.length());
        int first = Math.min(changed, cursorAt);
        int last = regionOf(Math.max(Math.max(changeEnd - 1, same), cursorOld), from, next, old.length());
        if (changed < 0 || cursorAt < 0 || last < first) return null;
        for (int k = first; k < last; k++) {
            if (next[k] != from[k + 1]) return null;   // an import or export in between
        }
        // from the line after the previous element, so the first declaration keeps its doc comment
        var previous = ends.lowerEntry(from[first]);
        int lineAfter = previous == null ? 0 : old.indexOf('\n', previous.getValue()) + 1;
        int start = lineAfter > 0 || previous == null ? Math.min(lineAfter, from[first]) : from[first];
        int end = next[last];
        boolean lines = (start == 0 || old.charAt(start - 1) == '\n') && (end == old.length() || patched.charAt(end + delta - 1) == '\n');
        if (!lines || changeEnd > end) return null;
        XtextResourceSet set = (XtextResourceSet) host.eResource().getResourceSet();
        Resource resource = set.createResource(host.eResource().getURI().trimFileExtension().appendFileExtension("completion.toit"));
        Fragment.attach(resource, host, java.util.Set.copyOf(declarations.subList(first, last + 1)));
        try {
            resource.load(new ByteArrayInputStream(patched.substring(start, end + delta).getBytes(StandardCharsets.UTF_8)), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (resource.getErrors().isEmpty() && !resource.getContents().isEmpty()) return resource;
        set.getResources().remove(resource);
        return null;
    }

    /** The declaration whose region holds {@code offset} of the old text, or -1. */
    private static int regionOf(int offset, int[] from, int[] next, int length) {
        for (int k = 0; k < from.length; k++) {
            if (from[k] <= offset && (offset < next[k] || (next[k] == length && offset <= length))) return k;
        }
        return -1;
    }

    /**
     * Parses the files and leaves linking to the lookups that need it: completion asks for the
     * scope at one name, so validating every file (what {@code ToitFrontEnd.analyze} does, for
     * diagnostics) would cost two to three times as much for nothing.
     */
    private static Unit parse(ToitFrontEnd frontEnd, List<ToitFrontEnd.SourceFile> files, String path) {
        XtextResourceSet set = frontEnd.injector().getInstance(XtextResourceSet.class);
        Modules.setRoots(set, List.of());
        Unit result = null;
        for (ToitFrontEnd.SourceFile file : files) {
            Resource resource = set.createResource(URI.createFileURI(file.path()));
            try {
                resource.load(new ByteArrayInputStream(file.text().getBytes(StandardCharsets.UTF_8)), Map.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (file.path().equals(path) && !resource.getContents().isEmpty()) result = (Unit) resource.getContents().get(0);
        }
        return result;
    }

    /** The named parameters of every overload the call could mean. */
    private static void namedArguments(Call call, String prefix, IScopeProvider scopes, Map<String, CompletionItem> items) {
        List<Method> methods = CallSignatures.candidates(call.getTarget(), scopes);
        for (Method m : methods) {
            for (Parameter p : m.getParameters()) {
                if (!p.isNamed() || !p.getName().startsWith(prefix) || items.containsKey("--" + p.getName())) continue;
                CompletionItem item = new CompletionItem("--" + p.getName());
                item.setInsertText(p.getName());
                item.setFilterText(p.getName());
                item.setKind(CompletionItemKind.Property);
                item.setDetail(p.getDefaultValue() == null ? "required" : "optional");
                items.put(item.getLabel(), item);
            }
        }
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private static String referenceText(EObject o, EReference ref) {
        var nodes = NodeModelUtils.findNodesForFeature(o, ref);
        return nodes.isEmpty() ? null : NodeModelUtils.getTokenText(nodes.get(0));
    }

    private static CompletionItemKind kind(EObject o) {
        if (o instanceof Class) return CompletionItemKind.Class;
        if (o instanceof Method m) return m.isConstructor() ? CompletionItemKind.Constructor
                : m.eContainer() instanceof Class ? CompletionItemKind.Method : CompletionItemKind.Function;
        if (o instanceof Field f) return f.eContainer() instanceof Class ? CompletionItemKind.Field
                : f.isFinal() ? CompletionItemKind.Constant : CompletionItemKind.Variable;
        if (o instanceof Import) return CompletionItemKind.Module;
        if (o instanceof Parameter || o instanceof Block) return CompletionItemKind.Variable;
        return CompletionItemKind.Variable;
    }

    /** Parameters and return type of a method, the kind of a class. */
    static String detail(EObject o) {
        if (o instanceof Method m) {
            StringBuilder s = new StringBuilder();
            for (Parameter p : m.getParameters()) {
                s.append(' ').append(p.isBlock() ? "[" : "").append(p.isNamed() ? "--" : "").append(p.getName()).append(p.isBlock() ? "]" : "");
            }
            if (m.getReturnType() != null) s.append(" -> ").append(NodeModelUtils.getTokenText(NodeModelUtils.getNode(m.getReturnType())));
            return s.toString().strip();
        }
        if (o instanceof Class c) return c.getKind().getLiteral();
        return null;
    }
}
