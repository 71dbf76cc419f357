package io.eave.toit.ide;

import io.eave.toit.ToitFrontEnd;
import io.eave.toit.ast.Block;
import io.eave.toit.ast.Class;
import io.eave.toit.ast.Declaration;
import io.eave.toit.ast.Import;
import io.eave.toit.ast.LocalVariable;
import io.eave.toit.ast.Method;
import io.eave.toit.ast.Parameter;
import io.eave.toit.ast.Unit;
import io.eave.toit.parser.Lexeme;
import io.eave.toit.parser.ToitLexer;
import io.eave.toit.parser.ToitNames;
import io.eave.toit.scoping.Members;
import io.eave.toit.scoping.Modules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.EcoreUtil2;

/**
 * Renaming a declaration everywhere it is named (see {@link References}), or a clear error when
 * it cannot be: library declarations, operators, {@code it}, a new name that is not a Toit
 * identifier or that another declaration in the same place already has.
 */
final class Rename {
    /** Keywords and reserved names: never declared names (toit-grammar-facts.md 1.6). */
    private static final Set<String> RESERVED = Set.of("as", "abstract", "assert", "break", "class", "continue", "else",
            "false", "finally", "for", "if", "import", "export", "is", "null", "return", "static", "true", "try", "while",
            "or", "and", "not", "this", "super", "constructor", "_");

    private Rename() {
    }

    /** Why {@code target} cannot be renamed, or null when it can. */
    static String refusal(EObject target, ToitFrontEnd.Result result) {
        if (target instanceof Block) return "'it' is the block's implicit parameter; it cannot be renamed";
        if (target instanceof Method m && m.isOperator()) return "Operators keep their names";
        if (target instanceof Method m && m.isConstructor() && m.getName() == null) {
            return "An unnamed constructor has no name to change; rename its class instead";
        }
        if (target instanceof Import i && i.getPrefix() == null) {
            return "The import has no 'as' prefix to rename";
        }
        for (EObject d : References.family(target, result)) {
            if (d.eResource() == null || Modules.isLibrary(d.eResource())) {
                return "'" + nameOf(target) + "' " + (d == target ? "is declared" : "overrides a declaration")
                        + " in the library; it cannot be renamed";
            }
        }
        return null;
    }

    /** Why {@code newName} cannot be the new name of {@code target}, or null when it can. */
    static String invalidName(EObject target, String newName, ToitFrontEnd.Result result) {
        ToitLexer.Result scanned = ToitLexer.scan(newName);
        List<Lexeme> words = scanned.lexemes().stream().filter(l -> !l.hidden()).toList();
        if (newName.isEmpty() || !scanned.issues().isEmpty() || words.size() != 1 || words.get(0).kind() != Lexeme.Kind.WORD
                || !words.get(0).text().equals(newName)) {
            return "'" + newName + "' is not a Toit identifier";
        }
        if (RESERVED.contains(newName)) return "'" + newName + "' is reserved in Toit";
        String canonical = ToitNames.canonical(newName);
        for (EObject d : References.family(target, result)) {
            for (EObject other : neighbours(d)) {
                if (other != d && canonical.equals(nameOf(other)) && !sameAccessorPair(d, other)) {
                    return "'" + newName + "' is already declared " + where(d);
                }
            }
        }
        return null;
    }

    /** The edits, by document URI; {@code uriOf} maps an analyzed path back to its document. */
    static WorkspaceEdit edits(EObject target, String newName, ToitFrontEnd.Result result, Function<String, String> uriOf) {
        Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
        Map<String, TextPositions> positions = new LinkedHashMap<>();
        for (References.Occurrence o : References.of(target, result, true)) {
            TextPositions p = positions.computeIfAbsent(o.path(), path -> new TextPositions(References.text(result.unit(path))));
            Range range = new Range(p.position(o.offset()), p.position(o.offset() + o.length()));
            changes.computeIfAbsent(uriOf.apply(o.path()), u -> new ArrayList<>()).add(new TextEdit(range, newName));
        }
        return new WorkspaceEdit(changes);
    }

    static ResponseErrorException failure(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed, message, null));
    }

    static String uriOf(String path) {
        return Path.of(path).toUri().toString();
    }

    /** The declarations that share a namespace with {@code d}. */
    private static List<? extends EObject> neighbours(EObject d) {
        if (d instanceof Parameter || d instanceof LocalVariable) {
            EObject scope = Members.enclosingMethod(d);
            if (scope == null) scope = EcoreUtil2.getContainerOfType(d, Block.class);
            if (scope == null) return List.of();
            List<EObject> locals = new ArrayList<>(EcoreUtil2.getAllContentsOfType(scope, Parameter.class));
            locals.addAll(EcoreUtil2.getAllContentsOfType(scope, LocalVariable.class));
            return locals;
        }
        EObject container = d.eContainer();
        if (container instanceof Class c) return c.getMembers();
        if (container instanceof Unit u) {
            List<EObject> all = new ArrayList<>(u.getDeclarations());
            all.addAll(u.getImports().stream().filter(i -> i.getPrefix() != null).toList());
            return all;
        }
        return List.of();
    }

    /** A getter and a setter, or overloads of other shapes, may share a name. */
    private static boolean sameAccessorPair(EObject a, EObject b) {
        return a instanceof Method m && b instanceof Method n && !References.sameCalls(m, n);
    }

    private static String nameOf(EObject o) {
        if (o instanceof Declaration d) return d.getName();
        if (o instanceof Parameter p) return p.getName();
        if (o instanceof LocalVariable v) return v.getName();
        if (o instanceof Import i) return i.getPrefix();
        return null;
    }

    private static String where(EObject d) {
        if (d instanceof Parameter || d instanceof LocalVariable) return "in this method";
        return d.eContainer() instanceof Class c ? "in class " + c.getName() : "in this file";
    }
}
