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
        Resource fragment = kept == null ? null : fragment(kept, path, text, patched, start, end);
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
     * The top-level declaration at the cursor parsed alone ({@link EditedDeclarations}), standing
     * in for its old version in the kept analysis: the rest of the file serves as analyzed. When
     * the text changed since elsewhere too (a keystroke in another declaration), the changed
     * declarations are parsed alone once to check that they do not change how the rest of the file
     * reads (an unclosed string or bracket would) nor what other declarations see of them (their
     * names and outlines), then dropped: what the cursor's declaration sees of them is unchanged.
     * Null (parse everything) when their outlines changed, when the
     * cursor or the change touches an import or export, or a stretch does not parse cleanly alone.
     */
    private static Resource fragment(Kept kept, String path, String text, String patched, int wordStart, int wordEnd) {
        Unit host = kept.result().unit(path);
        if (host == null || host.eResource() == null) return null;
        EditedDeclarations regions = EditedDeclarations.of(host, kept.text());
        List<EditedDeclarations.Stretch> changes = regions == null ? null : regions.changes(text);
        if (changes == null) return null;
        EditedDeclarations.Stretch cursor = null;
        for (EditedDeclarations.Stretch s : changes) {
            if (s.newStart() <= wordStart && wordEnd <= s.newEnd()) {
                cursor = s;
                continue;
            }
            // a name or signature changed there (the cursor's declaration must see the new one), or it does not parse alone
            if (!keepsOutlines(regions, s, text)) return null;
        }
        if (cursor == null) cursor = regions.unchangedAt(changes, wordStart);
        if (cursor == null || cursor.newStart() > wordStart || cursor.newEnd() < wordEnd) return null;
        int markerDelta = patched.length() - text.length();
        var inPatched = new EditedDeclarations.Stretch(cursor.first(), cursor.last(), cursor.start(), cursor.end(), cursor.newStart(),
                cursor.newEnd() + markerDelta, cursor.replaced());
        return regions.parse(inPatched, patched, "completion.toit");
    }

    /**
     * Stretches checked by {@link #keepsOutlines}, by the analysis they were cut from: while typing
     * in one declaration, the others edited since that analysis are the same for every request.
     */
    private static final Map<org.eclipse.emf.ecore.resource.ResourceSet, Map<String, Boolean>> CHECKED =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** Whether the stretch parses cleanly alone and keeps the names and outlines of the declarations it replaces. */
    private static boolean keepsOutlines(EditedDeclarations regions, EditedDeclarations.Stretch s, String text) {
        Map<String, Boolean> checked = CHECKED.computeIfAbsent(regions.resourceSet(), k -> new java.util.concurrent.ConcurrentHashMap<>());
        String key = s.first() + ":" + s.last() + ":" + text.substring(s.newStart(), s.newEnd());
        Boolean known = checked.get(key);
        if (known != null) return known;
        Resource alone = regions.parse(s, text, "edited.toit");
        boolean keeps = alone != null && EditedDeclarations.sameOutlines(s.replaced(), (Unit) alone.getContents().get(0));
        if (alone != null) alone.getResourceSet().getResources().remove(alone);
        if (checked.size() > 64) checked.clear();   // a long session in one analysis: forget the old ones
        checked.put(key, keeps);
        return keeps;
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
