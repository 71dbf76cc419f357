package io.eave.toit.typing;

import io.eave.toit.ast.As;
import io.eave.toit.ast.Assignment;
import io.eave.toit.ast.Binary;
import io.eave.toit.ast.BoolLiteral;
import io.eave.toit.ast.ByteArrayLiteral;
import io.eave.toit.ast.Call;
import io.eave.toit.ast.CharLiteral;
import io.eave.toit.ast.Class;
import io.eave.toit.ast.Conditional;
import io.eave.toit.ast.Declaration;
import io.eave.toit.ast.Field;
import io.eave.toit.ast.FloatLiteral;
import io.eave.toit.ast.Identifier;
import io.eave.toit.ast.Index;
import io.eave.toit.ast.IntLiteral;
import io.eave.toit.ast.Is;
import io.eave.toit.ast.ListLiteral;
import io.eave.toit.ast.LocalVariable;
import io.eave.toit.ast.MapLiteral;
import io.eave.toit.ast.MemberAccess;
import io.eave.toit.ast.Method;
import io.eave.toit.ast.Parameter;
import io.eave.toit.ast.Postfix;
import io.eave.toit.ast.SetLiteral;
import io.eave.toit.ast.StringLiteral;
import io.eave.toit.ast.StringTemplate;
import io.eave.toit.ast.Super;
import io.eave.toit.ast.This;
import io.eave.toit.ast.TypeRef;
import io.eave.toit.ast.Unary;
import io.eave.toit.scoping.Members;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.emf.ecore.EObject;

/**
 * Static types, as far as declarations tell them: enough to resolve {@code receiver.member} and
 * to complete after a dot. Unknown is null (Toit is dynamically typed; nothing is reported for
 * members of values whose type is not known).
 */
public final class ToitTypes {
    private ToitTypes() {
    }

    /** Objects whose type is being computed on this thread: breaks cycles like {@code x := x.y}. */
    private static final ThreadLocal<Set<EObject>> ACTIVE = ThreadLocal.withInitial(HashSet::new);

    /** The class of the values {@code e} evaluates to, or null when unknown. */
    public static Class typeOf(EObject e) {
        if (e == null) return null;
        Set<EObject> active = ACTIVE.get();
        if (!active.add(e)) return null;
        try {
            Class type = compute(e);
            // `any` (and Object) say nothing about which members a value has
            return type == null || "any".equals(type.getName()) || "Object".equals(type.getName()) ? null : type;
        } finally {
            active.remove(e);
        }
    }

    private static Class compute(EObject e) {
        if (e instanceof IntLiteral || e instanceof CharLiteral) return core(e, "int");
        if (e instanceof FloatLiteral) return core(e, "float");
        if (e instanceof StringLiteral || e instanceof StringTemplate) return core(e, "string");
        if (e instanceof BoolLiteral || e instanceof Is) return core(e, "bool");
        if (e instanceof ListLiteral) return core(e, "List");
        if (e instanceof MapLiteral) return core(e, "Map");
        if (e instanceof SetLiteral) return core(e, "Set");
        if (e instanceof ByteArrayLiteral) return core(e, "ByteArray");
        if (e instanceof As a) return Members.resolve(a.getType());
        if (e instanceof This) return Members.enclosingClass(e);
        if (e instanceof Super) {
            Class c = Members.enclosingClass(e);
            return c == null ? null : Members.resolve(c.getSuperclass());
        }
        if (e instanceof Conditional c) return typeOf(c.getThen());
        if (e instanceof Assignment a) return typeOf(a.getValue());
        if (e instanceof Postfix p) return typeOf(p.getOperand());
        if (e instanceof Identifier id) return valueType(id.getDeclaration(), false);
        if (e instanceof MemberAccess m) return valueType(m.getMember(), false);
        if (e instanceof Call c) {
            EObject target = declarationOf(c.getTarget());
            return target instanceof Class k ? k : valueType(target, true);
        }
        if (e instanceof Binary b) {
            String op = b.getOperator();
            if (op.equals("and") || op.equals("or") || op.equals("==") || op.equals("!=")) return core(e, "bool");
            return operatorResult(typeOf(b.getLeft()), op);
        }
        if (e instanceof Unary u) {
            if (u.getOperator().equals("not")) return core(e, "bool");
            return typeOf(u.getOperand());
        }
        if (e instanceof Index i) return operatorResult(typeOf(i.getReceiver()), "[]");
        if (e instanceof LocalVariable v) return v.getType() != null ? Members.resolve(v.getType()) : typeOf(v.getValue());
        return null;
    }

    /**
     * Whether the type of {@code e} is stated, not derived: a literal, {@code this}, a
     * constructor call, or a name or call whose declaration carries a type. Only then is a
     * missing member an error; results of operators and indexing may be more specific at run
     * time than their declared types say.
     */
    public static boolean isCertain(EObject e) {
        if (typeOf(e) == null) return false;
        if (e instanceof IntLiteral || e instanceof FloatLiteral || e instanceof CharLiteral || e instanceof StringLiteral
                || e instanceof StringTemplate || e instanceof BoolLiteral || e instanceof ListLiteral || e instanceof MapLiteral
                || e instanceof SetLiteral || e instanceof ByteArrayLiteral || e instanceof This) {
            return true;
        }
        if (e instanceof Call c) {
            EObject target = declarationOf(c.getTarget());
            return target instanceof Class || (target instanceof Method m && m.getReturnType() != null);
        }
        EObject d = declarationOf(e);
        if (d instanceof Class) return true;
        if (d instanceof Parameter p) return p.getType() != null;
        if (d instanceof LocalVariable v) return v.getType() != null || isCertain(v.getValue());
        if (d instanceof Field f) return f.getType() != null || isCertain(f.getInitializer());
        if (d instanceof Method m) return m.getReturnType() != null || m.isConstructor();
        return false;
    }

    /**
     * Whether {@code e} is written in parentheses: {@code (Point).x} constructs a Point and reads
     * its x, where {@code Point.x} would be a static member.
     */
    public static boolean isParenthesized(EObject e) {
        org.eclipse.xtext.nodemodel.ICompositeNode node = org.eclipse.xtext.nodemodel.util.NodeModelUtils.findActualNodeFor(e);
        if (node == null) return false;
        String own = node.getText().strip();
        if (own.startsWith("(") && own.endsWith(")")) return true;   // the parentheses are part of its node
        String text = node.getRootNode().getText();
        int before = node.getOffset() - 1;
        while (before >= 0 && Character.isWhitespace(text.charAt(before))) before--;
        int after = node.getEndOffset();
        while (after < text.length() && Character.isWhitespace(text.charAt(after))) after++;
        return before >= 0 && text.charAt(before) == '(' && after < text.length() && text.charAt(after) == ')';
    }

    /** The declaration a name expression refers to (resolving it), or null. */
    public static EObject declarationOf(EObject e) {
        EObject d = e instanceof Identifier id ? id.getDeclaration() : e instanceof MemberAccess m ? m.getMember() : null;
        return d == null || d.eIsProxy() ? null : d;
    }

    /** The type of reading (or calling) {@code declaration}. */
    private static Class valueType(EObject declaration, boolean called) {
        if (declaration == null || declaration.eIsProxy()) return null;
        if (declaration instanceof LocalVariable v) return typeOf(v);
        if (declaration instanceof Parameter p) return Members.resolve(p.getType());
        if (declaration instanceof Field f) return f.getType() != null ? Members.resolve(f.getType()) : typeOf(f.getInitializer());
        if (declaration instanceof Class c) return c;   // a class named alone constructs an instance
        if (declaration instanceof Method m) {
            if (m.isConstructor()) return Members.enclosingClass(m);
            return Members.resolve(m.getReturnType());
        }
        return null;
    }

    /** The return type of {@code operator op} on {@code type}, or null. */
    private static Class operatorResult(Class type, String op) {
        if (type == null) return null;
        for (Declaration d : Members.instanceMembers(type)) {
            if (d instanceof Method m && m.isOperator() && op.equals(m.getName()) && m.getReturnType() != null) {
                return Members.resolve(m.getReturnType());
            }
        }
        return null;
    }

    /** The class a type reference names, or null. */
    public static Class typeOf(TypeRef ref) {
        return Members.resolve(ref);
    }

    private static Class core(EObject context, String name) {
        return Members.coreClass(context, name);
    }
}
