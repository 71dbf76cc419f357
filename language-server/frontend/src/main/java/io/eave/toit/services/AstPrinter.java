package io.eave.toit.services;

import io.eave.toit.ast.As;
import io.eave.toit.ast.Assert;
import io.eave.toit.ast.Break;
import io.eave.toit.ast.ByteArrayLiteral;
import io.eave.toit.ast.Continue;
import io.eave.toit.ast.Field;
import io.eave.toit.ast.For;
import io.eave.toit.ast.If;
import io.eave.toit.ast.Interpolation;
import io.eave.toit.ast.ListLiteral;
import io.eave.toit.ast.LocalVariable;
import io.eave.toit.ast.MapLiteral;
import io.eave.toit.ast.Method;
import io.eave.toit.ast.Primitive;
import io.eave.toit.ast.Range;
import io.eave.toit.ast.Return;
import io.eave.toit.ast.SetLiteral;
import io.eave.toit.ast.StringTemplate;
import io.eave.toit.ast.Super;
import io.eave.toit.ast.This;
import io.eave.toit.ast.Try;
import io.eave.toit.ast.While;
import io.eave.toit.ast.Assignment;
import io.eave.toit.ast.Binary;
import io.eave.toit.ast.Block;
import io.eave.toit.ast.BoolLiteral;
import io.eave.toit.ast.Call;
import io.eave.toit.ast.CharLiteral;
import io.eave.toit.ast.Conditional;
import io.eave.toit.ast.FloatLiteral;
import io.eave.toit.ast.Identifier;
import io.eave.toit.ast.Index;
import io.eave.toit.ast.IntLiteral;
import io.eave.toit.ast.Is;
import io.eave.toit.ast.MemberAccess;
import io.eave.toit.ast.NamedArgument;
import io.eave.toit.ast.NullLiteral;
import io.eave.toit.ast.Parameter;
import io.eave.toit.ast.Postfix;
import io.eave.toit.ast.Sequence;
import io.eave.toit.ast.StringLiteral;
import io.eave.toit.ast.TypeRef;
import io.eave.toit.ast.Unary;
import io.eave.toit.ast.Unit;
import java.util.List;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Prints a tree as compact S-expressions, for tests and debugging: {@code (call print "hi")},
 * {@code (+ a (* b c))}, {@code (. p x)}. Nodes without a short form print as
 * {@code (Type feature=value ...)} with only the features that are set.
 */
public final class AstPrinter {
    private AstPrinter() {
    }

    public static String print(EObject object) {
        StringBuilder out = new StringBuilder();
        append(object, out);
        return out.toString();
    }

    private static void append(EObject o, StringBuilder out) {
        if (o == null) {
            out.append("_");
        } else if (o instanceof Unit unit) {
            String sep = "";
            for (EObject child : unit.eContents()) {
                out.append(sep);
                append(child, out);
                sep = "\n";
            }
        } else if (o instanceof Identifier id) {
            out.append(referenceText(id, id.eClass().getEStructuralFeature("declaration")));
        } else if (o instanceof IntLiteral i) {
            out.append(i.getValue());
        } else if (o instanceof FloatLiteral f) {
            out.append(f.getValue());
        } else if (o instanceof StringLiteral s) {
            out.append('"').append(s.getValue().replace("\n", "\\n")).append('"');
        } else if (o instanceof CharLiteral c) {
            out.append("'").appendCodePoint(c.getValue()).append("'");
        } else if (o instanceof BoolLiteral b) {
            out.append(b.isValue());
        } else if (o instanceof NullLiteral) {
            out.append("null");
        } else if (o instanceof Binary b) {
            list(out, b.getOperator(), b.getLeft(), b.getRight());
        } else if (o instanceof Unary u) {
            list(out, u.getOperator(), u.getOperand());
        } else if (o instanceof Postfix p) {
            list(out, "postfix" + p.getOperator(), p.getOperand());
        } else if (o instanceof Assignment a) {
            list(out, a.getOperator(), a.getTarget(), a.getValue());
        } else if (o instanceof Call c) {
            out.append("(call ");
            append(c.getTarget(), out);
            for (EObject a : c.getArguments()) {
                out.append(' ');
                append(a, out);
            }
            out.append(')');
        } else if (o instanceof MemberAccess m) {
            out.append("(. ");
            append(m.getReceiver(), out);
            out.append(' ').append(referenceText(m, m.eClass().getEStructuralFeature("member"))).append(')');
        } else if (o instanceof Index i) {
            out.append("(index ");
            append(i.getReceiver(), out);
            for (EObject a : i.getArguments()) {
                out.append(' ');
                append(a, out);
            }
            out.append(')');
        } else if (o instanceof NamedArgument n) {
            out.append(n.isNegated() ? "--no-" : "--").append(n.getName());
            if (n.getValue() != null) {
                out.append('=');
                append(n.getValue(), out);
            }
        } else if (o instanceof Conditional c) {
            list(out, "?", c.getCondition(), c.getThen(), c.getElse());
        } else if (o instanceof Is i) {
            out.append(i.isNegated() ? "(is-not " : "(is ");
            append(i.getOperand(), out);
            out.append(' ');
            append(i.getType(), out);
            out.append(')');
        } else if (o instanceof As a) {
            list(out, "as", a.getOperand(), a.getType());
        } else if (o instanceof TypeRef t) {
            out.append(referenceText(t, t.eClass().getEStructuralFeature("type"))).append(t.isNullable() ? "?" : "");
        } else if (o instanceof Sequence s) {
            out.append("(seq");
            for (EObject a : s.getStatements()) {
                out.append(' ');
                append(a, out);
            }
            out.append(')');
        } else if (o instanceof Block b) {
            out.append(b.isLambda() ? "(lambda" : "(block");
            if (!b.getParameters().isEmpty()) {
                out.append(" |");
                for (Parameter p : b.getParameters()) {
                    out.append(' ');
                    append(p, out);
                }
                out.append(" |");
            }
            if (b.getBody() != null) {
                for (EObject a : b.getBody().getStatements()) {
                    out.append(' ');
                    append(a, out);
                }
            }
            out.append(')');
        } else if (o instanceof Parameter p) {
            out.append(p.isBlock() ? "[" : "").append(p.isNamed() ? "--" : "").append(p.isFieldParameter() ? "." : "")
                    .append(p.getName()).append(p.isBlock() ? "]" : "");
            if (p.getType() != null) {
                out.append('/');
                append(p.getType(), out);
            }
            if (p.getDefaultValue() != null) {
                out.append('=');
                append(p.getDefaultValue(), out);
            }
        } else if (!declarationOrStatement(o, out)) {
            generic(o, out);
        }
    }

    /** Short forms of declarations, statements and collection literals. */
    private static boolean declarationOrStatement(EObject o, StringBuilder out) {
        if (o instanceof Field f) {
            out.append('(').append(modifiers(f.isAbstract(), f.isStatic())).append("field ").append(f.getName());
            if (f.getType() != null) {
                out.append('/');
                append(f.getType(), out);
            }
            if (f.getInitializer() != null || f.isDeferred()) {
                out.append(f.isFinal() ? " ::= " : " := ");
                if (f.isDeferred()) out.append('?');
                else append(f.getInitializer(), out);
            }
            out.append(')');
        } else if (o instanceof Method m) {
            out.append('(').append(modifiers(m.isAbstract(), m.isStatic()));
            if (m.isConstructor()) out.append("constructor").append(m.getName() == null ? "" : "." + m.getName());
            else if (m.isOperator()) out.append("operator ").append(m.getName());
            else out.append("method ").append(m.getName()).append(m.isSetter() ? "=" : "");
            for (Parameter p : m.getParameters()) {
                out.append(' ');
                append(p, out);
            }
            if (m.getReturnType() != null) {
                out.append(" -> ");
                append(m.getReturnType(), out);
            }
            if (m.getBody() != null) {
                for (EObject statement : m.getBody().getStatements()) {
                    out.append(' ');
                    append(statement, out);
                }
            } else if (!m.isHasBody()) {
                out.append(" <no body>");
            }
            out.append(')');
        } else if (o instanceof io.eave.toit.ast.Class c) {
            out.append('(').append(c.isAbstract() ? "abstract " : "").append(c.getKind().getLiteral()).append(' ').append(c.getName());
            if (c.getSuperclass() != null) {
                out.append(" extends ");
                append(c.getSuperclass(), out);
            }
            types(out, " with", c.getMixins());
            types(out, " implements", c.getInterfaces());
            for (EObject member : c.getMembers()) {
                out.append("\n  ");
                append(member, out);
            }
            out.append(')');
        } else if (o instanceof LocalVariable v) {
            out.append(v.isFinal() ? "(::= " : "(:= ").append(v.getName());
            if (v.getType() != null) {
                out.append('/');
                append(v.getType(), out);
            }
            out.append(' ');
            if (v.isDeferred()) out.append('?');
            else append(v.getValue(), out);
            out.append(')');
        } else if (o instanceof If i) {
            list(out, "if", i.getCondition(), i.getThen(), i.getElse());
        } else if (o instanceof While w) {
            list(out, "while", w.getCondition(), w.getBody());
        } else if (o instanceof For f) {
            list(out, "for", f.getInitializer(), f.getCondition(), f.getUpdate(), f.getBody());
        } else if (o instanceof Try t) {
            out.append("(try ");
            append(t.getBody(), out);
            out.append(" finally");
            if (!t.getParameters().isEmpty()) {
                out.append(" |");
                for (Parameter p : t.getParameters()) out.append(' ').append(p.getName());
                out.append(" |");
            }
            out.append(' ');
            append(t.getHandler(), out);
            out.append(')');
        } else if (o instanceof Return r) {
            out.append("(return");
            if (r.getValue() != null) {
                out.append(' ');
                append(r.getValue(), out);
            }
            out.append(')');
        } else if (o instanceof Break b) {
            out.append(b.getLabel() == null ? "(break)" : "(break." + b.getLabel() + ")");
        } else if (o instanceof Continue c) {
            out.append(c.getLabel() == null ? "(continue" : "(continue." + c.getLabel());
            if (c.getValue() != null) {
                out.append(' ');
                append(c.getValue(), out);
            }
            out.append(')');
        } else if (o instanceof Assert a) {
            list(out, "assert", a.getBlock());
        } else if (o instanceof This) {
            out.append("this");
        } else if (o instanceof Super) {
            out.append("super");
        } else if (o instanceof Primitive p) {
            out.append("(#primitive ").append(p.getModule()).append(' ').append(p.getName()).append(')');
        } else if (o instanceof Range r) {
            list(out, "..", r.getFrom(), r.getTo());
        } else if (o instanceof ListLiteral l) {
            list(out, "list", l.getElements().toArray(EObject[]::new));
        } else if (o instanceof ByteArrayLiteral l) {
            list(out, "bytes", l.getElements().toArray(EObject[]::new));
        } else if (o instanceof SetLiteral l) {
            list(out, "set", l.getElements().toArray(EObject[]::new));
        } else if (o instanceof MapLiteral l) {
            out.append("(map");
            for (int i = 0; i < l.getKeys().size(); i++) {
                out.append(' ');
                append(l.getKeys().get(i), out);
                out.append(':');
                append(l.getValues().get(i), out);
            }
            out.append(')');
        } else if (o instanceof StringTemplate t) {
            out.append("(template");
            List<String> texts = io.eave.toit.parser.ToitStrings.templateTexts(t.getTexts());
            for (int i = 0; i < texts.size(); i++) {
                out.append(" \"").append(texts.get(i).replace("\n", "\\n")).append('"');
                if (i < t.getParts().size()) {
                    Interpolation part = t.getParts().get(i);
                    out.append(' ');
                    if (part.getFormat() != null) out.append("(%").append(part.getFormat()).append(' ');
                    append(part.getExpression(), out);
                    if (part.getFormat() != null) out.append(')');
                }
            }
            out.append(')');
        } else {
            return false;
        }
        return true;
    }

    private static String modifiers(boolean isAbstract, boolean isStatic) {
        return (isAbstract ? "abstract " : "") + (isStatic ? "static " : "");
    }

    private static void types(StringBuilder out, String keyword, List<TypeRef> types) {
        if (types.isEmpty()) return;
        out.append(keyword);
        for (TypeRef t : types) {
            out.append(' ');
            append(t, out);
        }
    }

    private static void generic(EObject o, StringBuilder out) {
        out.append('(').append(o.eClass().getName());
        for (EStructuralFeature f : o.eClass().getEAllStructuralFeatures()) {
            if (!o.eIsSet(f)) continue;
            Object value = o.eGet(f);
            out.append(' ').append(f.getName()).append('=');
            if (f instanceof EAttribute) {
                out.append(value instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : value);
            } else if (f instanceof EReference r && !r.isContainment()) {
                out.append(referenceText(o, f));
            } else if (value instanceof List<?> l) {
                out.append('[');
                String sep = "";
                for (Object e : l) {
                    out.append(sep);
                    append((EObject) e, out);
                    sep = " ";
                }
                out.append(']');
            } else {
                append((EObject) value, out);
            }
        }
        out.append(')');
    }

    private static void list(StringBuilder out, String head, EObject... items) {
        out.append('(').append(head);
        for (EObject item : items) {
            out.append(' ');
            append(item, out);
        }
        out.append(')');
    }

    /** The source text of a cross-reference (it prints the same whether it resolved or not). */
    private static String referenceText(EObject o, EStructuralFeature feature) {
        List<INode> nodes = NodeModelUtils.findNodesForFeature(o, feature);
        if (nodes.isEmpty()) return "?";
        return NodeModelUtils.getTokenText(nodes.get(0));
    }
}
