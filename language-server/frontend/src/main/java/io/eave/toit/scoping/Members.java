package io.eave.toit.scoping;

import io.eave.toit.ast.Class;
import io.eave.toit.ast.Declaration;
import io.eave.toit.ast.Field;
import io.eave.toit.ast.Method;
import io.eave.toit.ast.TypeRef;
import io.eave.toit.ast.Unit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.emf.ecore.EObject;

/** Members of classes through their hierarchy: superclasses, mixins, interfaces, then Object. */
public final class Members {
    private Members() {
    }

    /** {@code type} and every class, mixin and interface it inherits from, nearest first. */
    public static List<Class> hierarchy(Class type) {
        Set<Class> seen = new LinkedHashSet<>();
        Deque<Class> work = new ArrayDeque<>();
        work.add(type);
        while (!work.isEmpty()) {
            Class c = work.poll();
            if (c == null || c.eIsProxy() || !seen.add(c)) continue;
            Class fillIn = Modules.fillIn(c);
            if (fillIn != null) work.addFirst(fillIn);
            addIfResolved(work, c.getSuperclass());
            c.getMixins().forEach(t -> addIfResolved(work, t));
            c.getInterfaces().forEach(t -> addIfResolved(work, t));
        }
        if (type != null && type.eResource() != null && type.eResource().getResourceSet() != null) {
            if (type.getKind() == io.eave.toit.ast.ClassKind.MONITOR) {
                Class monitor = coreClass(type, "Monitor_");
                if (monitor != null) seen.add(monitor);
            }
            Class object = coreClass(type, "Object");
            if (object != null) seen.add(object);
        }
        return new ArrayList<>(seen);
    }

    /**
     * Whether something {@code type} inherits from is not known (an external module's class, or a
     * name that does not resolve): then any name may be one of its members.
     */
    public static boolean hasUnknownAncestor(Class type) {
        for (Class c : hierarchy(type)) {
            List<TypeRef> refs = new ArrayList<>(c.getMixins());
            refs.addAll(c.getInterfaces());
            if (c.getSuperclass() != null) refs.add(c.getSuperclass());
            for (TypeRef ref : refs) {
                if (resolve(ref) == null) return true;
            }
        }
        return false;
    }

    /**
     * The nearest class or mixin of Eave's library that {@code type} inherits from, other than
     * {@code Object}: the SDK's class of that name may have members Eave's lacks
     * ({@code class OrderedDeque extends Deque} calls the SDK's {@code insert --at}). Null if none.
     */
    public static Class libraryAncestor(Class type) {
        for (Class c : hierarchy(type)) {
            if (c == type || !Modules.isLibrary(c.eResource())) continue;
            if (c.getKind() == io.eave.toit.ast.ClassKind.INTERFACE) continue;
            if ("Object".equals(c.getName()) || "Monitor_".equals(c.getName())) continue;
            return c;
        }
        return null;
    }

    private static void addIfResolved(Deque<Class> work, TypeRef ref) {
        Class c = resolve(ref);
        if (c != null) work.add(c);
    }

    /** The class a type reference names, or null if it does not resolve. */
    public static Class resolve(TypeRef ref) {
        if (ref == null) return null;
        Class c = ref.getType();
        return c == null || c.eIsProxy() ? null : c;
    }

    /** Instance fields and methods (not constructors, not statics), nearest class first. */
    public static List<Declaration> instanceMembers(Class type) {
        List<Declaration> result = new ArrayList<>();
        for (Class c : hierarchy(type)) {
            for (Declaration d : c.getMembers()) {
                if (!isStatic(d) && !isConstructor(d)) result.add(d);
            }
        }
        return result;
    }

    /** Statics and named constructors, reached as {@code Class.name}. */
    public static List<Declaration> staticMembers(Class type) {
        List<Declaration> result = new ArrayList<>();
        for (Declaration d : ownMembers(type)) {
            if (isStatic(d) || (isConstructor(d) && ((Method) d).getName() != null)) result.add(d);
        }
        return result;
    }

    /** The unnamed and named constructors and factories of a class. */
    public static List<Method> constructors(Class type) {
        List<Method> result = new ArrayList<>();
        for (Declaration d : ownMembers(type)) {
            if (isConstructor(d)) result.add((Method) d);
        }
        return result;
    }

    /** The members a class declares, with those of the front end's core class it stands for. */
    private static List<Declaration> ownMembers(Class type) {
        Class fillIn = Modules.fillIn(type);
        if (fillIn == null) return type.getMembers();
        List<Declaration> result = new ArrayList<>(type.getMembers());
        result.addAll(fillIn.getMembers());
        return result;
    }

    public static boolean isStatic(Declaration d) {
        return d instanceof Field f ? f.isStatic() : d instanceof Method m && m.isStatic();
    }

    public static boolean isConstructor(Declaration d) {
        return d instanceof Method m && m.isConstructor();
    }

    /** A class of the core library by name, in the resource set of {@code context}. */
    public static Class coreClass(EObject context, String name) {
        if (context.eResource() == null || context.eResource().getResourceSet() == null) return null;
        for (Declaration d : Modules.coreDeclarations(context.eResource().getResourceSet())) {
            if (d instanceof Class c && name.equals(c.getName())) return c;
        }
        return null;
    }

    /** The class whose body holds {@code o}, or null at top level. */
    public static Class enclosingClass(EObject o) {
        for (EObject e = o; e != null; e = e.eContainer()) {
            if (e instanceof Class c) return c;
        }
        return null;
    }

    /** The method whose body holds {@code o}, or null. */
    public static Method enclosingMethod(EObject o) {
        for (EObject e = o; e != null; e = e.eContainer()) {
            if (e instanceof Method m) return m;
        }
        return null;
    }
}
