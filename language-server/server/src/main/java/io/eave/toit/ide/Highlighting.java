package io.eave.toit.ide;

import io.eave.toit.ast.AstPackage;
import io.eave.toit.ast.Block;
import io.eave.toit.ast.Class;
import io.eave.toit.ast.ClassKind;
import io.eave.toit.ast.Declaration;
import io.eave.toit.ast.Field;
import io.eave.toit.ast.Identifier;
import io.eave.toit.ast.Import;
import io.eave.toit.ast.LocalVariable;
import io.eave.toit.ast.MemberAccess;
import io.eave.toit.ast.Method;
import io.eave.toit.ast.NamedArgument;
import io.eave.toit.ast.Parameter;
import io.eave.toit.ast.TypeRef;
import io.eave.toit.ast.Unit;
import io.eave.toit.scoping.Modules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokenModifiers;
import org.eclipse.lsp4j.SemanticTokenTypes;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Semantic tokens: every name classified by what it declares or links to (a field reads as a
 * property wherever it is used, a library name is marked so), which lexical highlighting cannot
 * know. Names that do not resolve get no token.
 */
final class Highlighting {
    static final List<String> TYPES = List.of(SemanticTokenTypes.Namespace, SemanticTokenTypes.Class,
            SemanticTokenTypes.Interface, SemanticTokenTypes.Parameter, SemanticTokenTypes.Variable,
            SemanticTokenTypes.Property, SemanticTokenTypes.Method, SemanticTokenTypes.Function);
    static final List<String> MODIFIERS = List.of(SemanticTokenModifiers.Declaration, SemanticTokenModifiers.Static,
            SemanticTokenModifiers.Readonly, SemanticTokenModifiers.DefaultLibrary);
    static final SemanticTokensLegend LEGEND = new SemanticTokensLegend(TYPES, MODIFIERS);

    private static final int DECLARATION = 1;
    private static final int STATIC = 2;
    private static final int READONLY = 4;
    private static final int LIBRARY = 8;

    private record Token(int offset, int length, int type, int modifiers) {
    }

    private Highlighting() {
    }

    /** The tokens of a unit (within {@code range}, when given) in the LSP's relative encoding (5 integers per token). */
    static List<Integer> of(Unit unit, Range range) {
        List<Token> tokens = new ArrayList<>();
        for (EObject o : EcoreUtil2.eAllContents(unit)) collect(o, tokens);
        tokens.sort(Comparator.comparingInt(Token::offset));
        TextPositions positions = new TextPositions(References.text(unit));
        if (range != null) {
            int from = positions.offset(range.getStart());
            int to = positions.offset(range.getEnd());
            tokens.removeIf(t -> t.offset() < from || t.offset() + t.length() > to);
        }
        List<Integer> data = new ArrayList<>();
        int line = 0;
        int character = 0;
        int lastOffset = -1;
        for (Token t : tokens) {
            if (t.offset() == lastOffset) continue;   // one token per name
            lastOffset = t.offset();
            Position p = positions.position(t.offset());
            data.addAll(List.of(p.getLine() - line, p.getLine() == line ? p.getCharacter() - character : p.getCharacter(),
                    t.length(), t.type(), t.modifiers()));
            line = p.getLine();
            character = p.getCharacter();
        }
        return data;
    }

    private static void collect(EObject o, List<Token> tokens) {
        switch (o) {
            case Identifier i -> reference(o, AstPackage.Literals.IDENTIFIER__DECLARATION, tokens);
            case MemberAccess m -> reference(o, AstPackage.Literals.MEMBER_ACCESS__MEMBER, tokens);
            case TypeRef t -> {
                INode last = reference(o, AstPackage.Literals.TYPE_REF__TYPE, tokens);
                for (ILeafNode leaf : nodeOf(o, AstPackage.Literals.TYPE_REF__TYPE)) {   // `prefix.` of `prefix.Type`
                    if (leaf != last && !leaf.isHidden() && !leaf.getText().equals(".")) add(leaf, SemanticTokenTypes.Namespace, 0, tokens);
                }
            }
            case NamedArgument n -> add(References.nameNode(n), SemanticTokenTypes.Parameter, 0, tokens);
            case Import i -> {
                for (INode segment : NodeModelUtils.findNodesForFeature(i, AstPackage.Literals.IMPORT__PATH)) {
                    add(segment, SemanticTokenTypes.Namespace, 0, tokens);
                }
                if (i.getPrefix() != null) add(Navigation.nameNode(i), SemanticTokenTypes.Namespace, DECLARATION, tokens);
            }
            default -> {
                String type = typeOf(o);
                boolean named = o instanceof Declaration || o instanceof Parameter || o instanceof LocalVariable;
                boolean hasName = !(o instanceof Method m && (m.isOperator() || (m.isConstructor() && m.getName() == null)));
                if (type != null && named && hasName) add(Navigation.nameNode(o), type, DECLARATION | modifiers(o), tokens);
            }
        }
    }

    private static INode reference(EObject o, EReference ref, List<Token> tokens) {
        Object linked = o.eGet(ref, false);
        if (!(linked instanceof EObject d) || d.eIsProxy()) return null;
        String type = typeOf(d);
        INode name = References.lastName(o, ref);
        if (type != null) add(name, type, modifiers(d), tokens);
        return name;
    }

    private static Iterable<ILeafNode> nodeOf(EObject o, EReference ref) {
        List<INode> nodes = NodeModelUtils.findNodesForFeature(o, ref);
        return nodes.isEmpty() ? List.of() : nodes.get(0).getLeafNodes();
    }

    private static String typeOf(EObject d) {
        boolean member = d.eContainer() instanceof Class;
        return switch (d) {
            case Class c -> c.getKind() == ClassKind.INTERFACE ? SemanticTokenTypes.Interface : SemanticTokenTypes.Class;
            case Method m when m.isConstructor() -> SemanticTokenTypes.Method;
            case Method m -> member && !m.isStatic() ? SemanticTokenTypes.Method : SemanticTokenTypes.Function;
            case Field f -> member ? SemanticTokenTypes.Property : SemanticTokenTypes.Variable;
            case Parameter p -> p.isFieldParameter() ? SemanticTokenTypes.Property : SemanticTokenTypes.Parameter;
            case LocalVariable v -> SemanticTokenTypes.Variable;
            case Block b -> SemanticTokenTypes.Parameter;   // `it`
            case Import i -> SemanticTokenTypes.Namespace;
            default -> null;
        };
    }

    private static int modifiers(EObject d) {
        int result = 0;
        if (d instanceof Field f && f.isFinal() || d instanceof LocalVariable v && v.isFinal()) result |= READONLY;
        if (d instanceof Field f && f.isStatic() || d instanceof Method m && (m.isStatic() || m.isConstructor())) result |= STATIC;
        if (d.eResource() != null && Modules.isLibrary(d.eResource())) result |= LIBRARY;
        return result;
    }

    private static void add(INode node, String type, int modifiers, List<Token> tokens) {
        if (node == null || node.getLength() == 0 || node.getText().contains("\n")) return;
        tokens.add(new Token(node.getOffset(), node.getLength(), TYPES.indexOf(type), modifiers));
    }
}
