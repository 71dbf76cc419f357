package io.eave.toit.ide;

import io.eave.toit.ToitFrontEnd;
import io.eave.toit.ast.AstPackage;
import io.eave.toit.ast.Call;
import io.eave.toit.ast.Expression;
import io.eave.toit.ast.Identifier;
import io.eave.toit.ast.MemberAccess;
import io.eave.toit.ast.Method;
import io.eave.toit.ast.NamedArgument;
import io.eave.toit.ast.Parameter;
import io.eave.toit.ast.TypeRef;
import io.eave.toit.ast.Unit;
import io.eave.toit.parser.ToitNames;
import io.eave.toit.validation.ToitIssueCodes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.nio.file.Path;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScopeProvider;

/**
 * Quick fixes for the diagnostics a client sends back: old operators ({@code !}, {@code &&},
 * {@code ||}, {@code is!}) by their words, a space before an attached parenthesis; for a name or
 * {@code --name} that does not resolve, the nearest names that would, an import of the file of
 * the workspace that declares it, or a new method or function ({@link Creation}).
 */
final class QuickFixes {
    /** At most this many "did you mean" suggestions per diagnostic. */
    private static final int SUGGESTIONS = 3;

    private QuickFixes() {
    }

    static List<CodeAction> of(ToitFrontEnd frontEnd, ToitFrontEnd.Result result, String path, String uri, String text,
            List<Diagnostic> diagnostics) {
        return of(frontEnd, result, () -> result, path, uri, text, diagnostics, Rename::uriOf);
    }

    /**
     * With {@code workspace}, the analysis of the workspace's files (asked for only when a name
     * does not resolve), and {@code uriOf}, the document URI of an analyzed path.
     */
    static List<CodeAction> of(ToitFrontEnd frontEnd, ToitFrontEnd.Result result, Supplier<ToitFrontEnd.Result> workspace,
            String path, String uri, String text, List<Diagnostic> diagnostics, Function<String, String> uriOf) {
        TextPositions positions = new TextPositions(text);
        List<CodeAction> actions = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            if (d.getCode() == null || !d.getCode().isLeft()) continue;
            int start = positions.offset(d.getRange().getStart());
            int end = positions.offset(d.getRange().getEnd());
            switch (d.getCode().getLeft()) {
                case ToitIssueCodes.OLD_OPERATOR -> oldOperator(text, start, end, d, uri, actions);
                case ToitIssueCodes.ATTACHED_PARENTHESIS ->
                        actions.add(action("Insert a space before '('", d, uri, new TextEdit(new Range(d.getRange().getStart(), d.getRange().getStart()), " ")));
                case ToitIssueCodes.UNRESOLVED_NAME -> {
                    similarNames(frontEnd, result, path, start, d, uri, actions);
                    ToitFrontEnd.Result all = workspace.get();
                    imports(all, path, start, d, uri, actions);
                    Creation.missing(all, path, start, d, uriOf, actions);
                }
                case ToitIssueCodes.UNKNOWN_NAMED_ARGUMENT -> similarNamedArguments(frontEnd, result, path, positions, start, d, uri, actions);
                default -> {
                }
            }
        }
        return actions;
    }

    private static void oldOperator(String text, int start, int end, Diagnostic d, String uri, List<CodeAction> actions) {
        String word = switch (text.substring(start, end)) {
            case "&&" -> "and";
            case "||" -> "or";
            case "!" -> "not";
            default -> null;
        };
        if (word == null) return;
        String replacement = (start > 0 && isNamePart(text.charAt(start - 1)) ? " " : "") + word
                + (end < text.length() && (isNamePart(text.charAt(end)) || text.charAt(end) == '(') ? " " : "");
        actions.add(action("Write '" + word + "'", d, uri, new TextEdit(d.getRange(), replacement)));
    }

    /** The names in scope nearest to the unresolved one. */
    private static void similarNames(ToitFrontEnd frontEnd, ToitFrontEnd.Result result, String path, int offset, Diagnostic d,
            String uri, List<CodeAction> actions) {
        EObject o = objectAt(result, path, offset);
        EReference ref = o instanceof Identifier ? AstPackage.Literals.IDENTIFIER__DECLARATION
                : o instanceof MemberAccess ? AstPackage.Literals.MEMBER_ACCESS__MEMBER
                : o instanceof TypeRef ? AstPackage.Literals.TYPE_REF__TYPE : null;
        if (ref == null) return;
        INode name = References.lastName(o, ref);
        if (name == null) return;
        Set<String> known = new LinkedHashSet<>();
        for (IEObjectDescription e : frontEnd.injector().getInstance(IScopeProvider.class).getScope(o, ref).getAllElements()) {
            known.add(e.getName().toString());
        }
        for (String candidate : nearest(name.getText(), known)) {
            actions.add(action("Change to '" + candidate + "'", d, uri, new TextEdit(d.getRange(), candidate)));
        }
    }

    /** The named parameters nearest to each {@code --name} the call's methods do not take. */
    private static void similarNamedArguments(ToitFrontEnd frontEnd, ToitFrontEnd.Result result, String path, TextPositions positions,
            int offset, Diagnostic d, String uri, List<CodeAction> actions) {
        Call call = EcoreUtil2.getContainerOfType(objectAt(result, path, offset), Call.class);
        if (call == null) return;
        Set<String> named = new LinkedHashSet<>();
        for (Method m : CallSignatures.candidates(call.getTarget(), frontEnd.injector().getInstance(IScopeProvider.class))) {
            m.getParameters().stream().filter(Parameter::isNamed).forEach(p -> named.add(p.getName()));
        }
        for (Expression a : call.getArguments()) {
            if (!(a instanceof NamedArgument n) || named.contains(n.getName())) continue;
            INode node = References.nameNode(n);
            Range range = new Range(positions.position(node.getOffset()), positions.position(node.getEndOffset()));
            for (String candidate : nearest(n.getName(), named)) {
                actions.add(action("Change to '--" + candidate + "'", d, uri, new TextEdit(range, candidate)));
            }
        }
    }

    /** For a name another file of the workspace or a library module declares at top level: import it from there. */
    private static void imports(ToitFrontEnd.Result result, String path, int offset, Diagnostic d, String uri, List<CodeAction> actions) {
        EObject o = objectAt(result, path, offset);
        if (!(o instanceof Identifier || o instanceof TypeRef) || !(result.unit(path) instanceof Unit unit)) return;
        INode name = References.lastName(o, o instanceof Identifier ? AstPackage.Literals.IDENTIFIER__DECLARATION : AstPackage.Literals.TYPE_REF__TYPE);
        if (name == null) return;
        String wanted = ToitNames.canonical(name.getText());
        TextPositions positions = new TextPositions(References.text(unit));
        List<String> modules = new ArrayList<>();
        for (var entry : result.units().entrySet()) {
            if (entry.getKey().equals(path) || entry.getValue() == null) continue;
            boolean declared = entry.getValue().getDeclarations().stream().anyMatch(x -> wanted.equals(x.getName()));
            String module = declared ? relativeImport(Path.of(path), Path.of(entry.getKey())) : null;
            if (module != null) modules.add(module);
        }
        for (String module : ImportPaths.libraryModules()) {
            Unit library = io.eave.toit.scoping.Modules.library(result.resourceSet(), module.replace('.', '/'));
            if (library != null && library.getDeclarations().stream().anyMatch(x -> wanted.equals(x.getName()))) modules.add(module);
        }
        for (String module : modules) {
            TextEdit edit;
            if (unit.getImports().isEmpty()) {
                edit = new TextEdit(new Range(positions.position(0), positions.position(0)), "import " + module + " show " + wanted + "\n\n");
            } else {
                int end = Symbols.contentEnd(NodeModelUtils.getNode(unit.getImports().get(unit.getImports().size() - 1)));
                edit = new TextEdit(new Range(positions.position(end), positions.position(end)), "\nimport " + module + " show " + wanted);
            }
            actions.add(action("Import '" + wanted + "' from " + module, d, uri, edit));
        }
    }

    /** How {@code from} imports {@code to} relatively ({@code .util}, {@code ..lib.x}), or null. */
    static String relativeImport(Path from, Path to) {
        Path folder = from.toAbsolutePath().normalize().getParent();
        Path target = to.toAbsolutePath().normalize();
        String file = target.getFileName().toString();
        if (folder == null || !file.endsWith(".toit")) return null;
        Path relative = folder.relativize(target.resolveSibling(file.substring(0, file.length() - ".toit".length())));
        int ups = 0;
        List<String> segments = new ArrayList<>();
        for (Path segment : relative) {
            String s = segment.toString();
            if (s.equals("..") && segments.isEmpty()) {
                ups++;
            } else if (s.equals("..") || s.contains(".")) {
                return null;   // not a path an import can spell
            } else {
                segments.add(s);
            }
        }
        return ".".repeat(1 + ups) + String.join(".", segments);
    }

    static EObject objectAt(ToitFrontEnd.Result result, String path, int offset) {
        INode root = NodeModelUtils.getNode(result.unit(path));
        ILeafNode leaf = root == null ? null : NodeModelUtils.findLeafNodeAtOffset(root.getRootNode(), offset);
        return leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
    }

    /** Names within a small edit distance of {@code name} (more for longer names), nearest first. */
    static List<String> nearest(String name, Set<String> candidates) {
        int limit = name.length() <= 3 ? 1 : name.length() <= 6 ? 2 : 3;
        record Scored(String name, int distance) {
        }
        return candidates.stream().filter(c -> !c.equals(name))
                .map(c -> new Scored(c, distance(name, c)))
                .filter(s -> s.distance() <= limit)
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .limit(SUGGESTIONS).map(Scored::name).toList();
    }

    /** Edit distance with transpositions (optimal string alignment). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    static CodeAction action(String title, Diagnostic d, String uri, TextEdit edit) {
        CodeAction action = new CodeAction(title);
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(d));
        action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(edit))));
        return action;
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
