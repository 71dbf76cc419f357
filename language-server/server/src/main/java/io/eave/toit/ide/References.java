package io.eave.toit.ide;

import io.eave.toit.ToitFrontEnd;
import io.eave.toit.ast.AstPackage;
import io.eave.toit.ast.Block;
import io.eave.toit.ast.Call;
import io.eave.toit.ast.Class;
import io.eave.toit.ast.Declaration;
import io.eave.toit.ast.Export;
import io.eave.toit.ast.Field;
import io.eave.toit.ast.Identifier;
import io.eave.toit.ast.Import;
import io.eave.toit.ast.MemberAccess;
import io.eave.toit.ast.Method;
import io.eave.toit.ast.NamedArgument;
import io.eave.toit.ast.Parameter;
import io.eave.toit.ast.TypeRef;
import io.eave.toit.ast.Unit;
import io.eave.toit.scoping.Members;
import io.eave.toit.scoping.Modules;
import io.eave.toit.typing.Signatures;
import io.eave.toit.typing.ToitTypes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Where a declaration is named in the analyzed files (the open documents and the files they
 * import): its own name, the names that link to it, the {@code --name} arguments that set it,
 * the {@code .x} parameters that store into it, the names after {@code show} and {@code export}
 * that list it. A member counts together with the members it overrides and that override it,
 * since a call may reach any of them.
 */
final class References {
    private References() {
    }

    /** One name in one file; {@code write} for declarations and assignment targets. */
    record Occurrence(String path, int offset, int length, boolean write, boolean declaration) {
    }

    static List<Occurrence> of(EObject target, ToitFrontEnd.Result result, boolean includeDeclarations) {
        Set<EObject> family = family(target, result);
        List<Occurrence> found = new ArrayList<>();
        result.units().forEach((path, unit) -> {
            if (unit == null || unit.eResource() == null || Modules.isLibrary(unit.eResource())) return;
            for (EObject o : EcoreUtil2.eAllContents(unit)) collect(o, path, family, includeDeclarations, found);
        });
        found.sort(Comparator.comparing(Occurrence::path).thenComparingInt(Occurrence::offset));
        return found;
    }

    /**
     * Member names after a dot whose receiver's type is unknown (Toit is dynamically typed:
     * {@code thing.run} may call any {@code run}), named like the instance member {@code target}.
     * They may reach it at run time, so references list them after the certain ones; rename does
     * not change them, since they may as well reach a namesake in another class.
     */
    static List<Occurrence> possible(EObject target, ToitFrontEnd.Result result) {
        if (!(target instanceof Field || target instanceof Method) || Members.isStatic((Declaration) target)
                || Members.isConstructor((Declaration) target) || Members.enclosingClass(target) == null) {
            return List.of();
        }
        String name = ((Declaration) target).getName();
        List<Occurrence> found = new ArrayList<>();
        result.units().forEach((path, unit) -> {
            if (unit == null || unit.eResource() == null || Modules.isLibrary(unit.eResource())) return;
            for (MemberAccess access : EcoreUtil2.getAllContentsOfType(unit, MemberAccess.class)) {
                Object linked = access.eGet(AstPackage.Literals.MEMBER_ACCESS__MEMBER, false);
                if (!(linked instanceof EObject e) || !e.eIsProxy() || io.eave.toit.scoping.ToitScopeProvider.receiverKnown(access)) continue;
                INode node = lastName(access, AstPackage.Literals.MEMBER_ACCESS__MEMBER);
                if (node != null && name != null && name.equals(NodeModelUtils.getTokenText(node))) {
                    add(path, node, Signatures.isAssigned(access), false, found);
                }
            }
        });
        found.sort(Comparator.comparing(Occurrence::path).thenComparingInt(Occurrence::offset));
        return found;
    }

    private static void collect(EObject o, String path, Set<EObject> family, boolean includeDeclarations, List<Occurrence> found) {
        if (o instanceof Identifier id) {
            reference(o, AstPackage.Literals.IDENTIFIER__DECLARATION, path, family, Signatures.isAssigned(id), found);
        } else if (o instanceof MemberAccess m) {
            reference(o, AstPackage.Literals.MEMBER_ACCESS__MEMBER, path, family, Signatures.isAssigned(m), found);
        } else if (o instanceof TypeRef) {
            reference(o, AstPackage.Literals.TYPE_REF__TYPE, path, family, false, found);
        } else if (o instanceof NamedArgument n) {
            for (Parameter p : namedParameters(n)) {
                if (family.contains(p) || (p.isFieldParameter() && family.contains(fieldOf(p)))) {
                    add(path, nameNode(n), false, false, found);
                    break;
                }
            }
        }
        if (o instanceof Import i) {
            shown(i, AstPackage.Literals.IMPORT__SHOW, i.getShow(), Modules.resolve(i), path, family, found);
        } else if (o instanceof Export e && e.eContainer() instanceof Unit unit) {
            shown(e, AstPackage.Literals.EXPORT__NAMES, e.getNames(), unit, path, family, found);
            for (Import i : unit.getImports()) shown(e, AstPackage.Literals.EXPORT__NAMES, e.getNames(), Modules.resolve(i), path, family, found);
        }
        if (o instanceof Parameter p && p.isFieldParameter() && family.contains(fieldOf(p))) {
            add(path, Navigation.nameNode(p), true, false, found);
        } else if (includeDeclarations && family.contains(o) && !(o instanceof Block)) {
            add(path, Navigation.nameNode(o), true, true, found);
        }
    }

    /** Names listed after {@code show} or {@code export} that are top-level declarations of the family in {@code module}. */
    private static void shown(EObject o, org.eclipse.emf.ecore.EAttribute feature, List<String> names, Unit module, String path,
            Set<EObject> family, List<Occurrence> found) {
        if (module == null) return;
        List<INode> nodes = NodeModelUtils.findNodesForFeature(o, feature);
        for (int i = 0; i < names.size() && i < nodes.size(); i++) {
            String name = names.get(i);
            INode node = nodes.get(i);
            boolean declared = module.getDeclarations().stream().anyMatch(d -> family.contains(d) && name.equals(d.getName()));
            if (declared && found.stream().noneMatch(f -> f.path().equals(path) && f.offset() == node.getOffset())) {
                add(path, node, false, false, found);
            }
        }
    }

    /** A cross-reference to the family: its last name ({@code Foo} of {@code prefix.Foo}). */
    private static void reference(EObject o, EReference ref, String path, Set<EObject> family, boolean write, List<Occurrence> found) {
        Object linked = o.eGet(ref, false);   // unresolved proxies stay as they are
        if (!(linked instanceof EObject e) || e.eIsProxy() || !family.contains(e)) return;
        add(path, lastName(o, ref), write, false, found);
    }

    /** The last name of a cross-reference's text ({@code Foo} of {@code prefix.Foo}), or null. */
    static INode lastName(EObject o, EReference ref) {
        List<INode> nodes = NodeModelUtils.findNodesForFeature(o, ref);
        if (nodes.isEmpty()) return null;
        INode name = null;
        for (ILeafNode leaf : nodes.get(0).getLeafNodes()) {
            if (!leaf.isHidden() && !leaf.getText().equals(".")) name = leaf;
        }
        return name;
    }

    private static void add(String path, INode node, boolean write, boolean declaration, List<Occurrence> found) {
        if (node != null && node.getLength() > 0) found.add(new Occurrence(path, node.getOffset(), node.getLength(), write, declaration));
    }

    /**
     * The declaration with the members it overrides and that override it, in every class of the
     * analysis and the library (instance members only; other declarations stand alone).
     */
    static Set<EObject> family(EObject target, ToitFrontEnd.Result result) {
        Set<EObject> family = new LinkedHashSet<>();
        family.add(target);
        if (!(target instanceof Field || target instanceof Method) || Members.isStatic((Declaration) target)
                || Members.isConstructor((Declaration) target) || Members.enclosingClass(target) == null) {
            return family;
        }
        List<Class> classes = new ArrayList<>();
        result.units().values().forEach(u -> classes.addAll(EcoreUtil2.getAllContentsOfType(u, Class.class)));
        Deque<Declaration> work = new ArrayDeque<>(List.of((Declaration) target));
        while (!work.isEmpty()) {
            Declaration d = work.poll();
            Class holder = Members.enclosingClass(d);
            Set<Class> related = new LinkedHashSet<>(Members.hierarchy(holder));
            for (Class c : classes) {
                if (Members.hierarchy(c).contains(holder)) related.add(c);
            }
            for (Class c : related) {
                for (Declaration m : c.getMembers()) {
                    if (!Members.isStatic(m) && !Members.isConstructor(m) && overrides(m, d) && family.add(m)) work.add(m);
                }
            }
        }
        return family;
    }

    /**
     * What implements {@code target} below it: for a class, the classes that extend, mix in or
     * implement it; for a member, the members of its family declared in those classes.
     */
    static List<EObject> implementations(EObject target, ToitFrontEnd.Result result) {
        Class holder = target instanceof Class c ? c : Members.enclosingClass(target);
        if (holder == null) return List.of();
        List<EObject> found = new ArrayList<>();
        if (target instanceof Class) {
            result.units().values().forEach(u -> EcoreUtil2.getAllContentsOfType(u, Class.class).stream()
                    .filter(c -> c != holder && Members.hierarchy(c).contains(holder)).forEach(found::add));
            return found;
        }
        for (EObject d : family(target, result)) {
            Class c = Members.enclosingClass(d);
            if (d != target && c != holder && Members.hierarchy(c).contains(holder)) found.add(d);
        }
        return found;
    }

    /** Same name and a call that could reach either (a field is a getter and a setter). */
    private static boolean overrides(Declaration a, Declaration b) {
        return a.getName() != null && a.getName().equals(b.getName()) && sameCalls(a, b);
    }

    /** Whether one call could reach either member, were they named alike (overloads differ in shape). */
    static boolean sameCalls(Declaration a, Declaration b) {
        Set<String> shapes = shapes(a);
        shapes.retainAll(shapes(b));
        return !shapes.isEmpty();
    }

    private static Set<String> shapes(Declaration d) {
        Set<String> shapes = new TreeSet<>();
        if (d instanceof Field) return new TreeSet<>(Set.of("get", "set"));
        Method m = (Method) d;
        if (m.isOperator()) return new TreeSet<>(Set.of("operator"));
        if (m.isSetter()) return new TreeSet<>(Set.of("set"));
        if (m.getParameters().isEmpty()) return new TreeSet<>(Set.of("get"));
        int positional = 0;
        int blocks = 0;
        Set<String> named = new TreeSet<>();
        for (Parameter p : m.getParameters()) {
            if (p.isNamed()) named.add(p.getName());
            else if (p.isBlock()) blocks++;
            else positional++;
        }
        shapes.add(positional + "/" + blocks + "/" + named);
        return shapes;
    }

    /** The named parameters a {@code --name} argument could set: of the method called, or of the constructors of the class. */
    static List<Parameter> namedParameters(NamedArgument argument) {
        if (!(argument.eContainer() instanceof Call call) || argument.getName() == null) return List.of();
        EObject target = ToitTypes.declarationOf(call.getTarget());
        List<Method> methods = target instanceof Class c ? Members.constructors(c)
                : target instanceof Method m ? List.of(m) : List.of();
        List<Parameter> result = new ArrayList<>();
        for (Method m : methods) {
            for (Parameter p : m.getParameters()) {
                if (p.isNamed() && argument.getName().equals(p.getName())) result.add(p);
            }
        }
        return result;
    }

    /** The field a {@code .x} parameter stores into, or null. */
    static Field fieldOf(Parameter parameter) {
        Class type = Members.enclosingClass(parameter);
        if (type == null) return null;
        for (Class c : Members.hierarchy(type)) {
            for (Declaration d : c.getMembers()) {
                if (d instanceof Field f && parameter.getName() != null && parameter.getName().equals(f.getName())) return f;
            }
        }
        return null;
    }

    static INode nameNode(NamedArgument argument) {
        List<INode> nodes = NodeModelUtils.findNodesForFeature(argument, AstPackage.Literals.NAMED_ARGUMENT__NAME);
        return nodes.isEmpty() ? null : nodes.get(0);
    }

    /** The analyzed text of a unit, for turning offsets into positions. */
    static String text(Unit unit) {
        INode node = NodeModelUtils.getNode(unit);
        return node == null ? "" : node.getRootNode().getText();
    }
}
