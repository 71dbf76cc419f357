package io.eave.toit.scoping;

import com.google.inject.Inject;
import io.eave.toit.ast.AstPackage;
import io.eave.toit.ast.Block;
import io.eave.toit.ast.Class;
import io.eave.toit.ast.Declaration;
import io.eave.toit.ast.Field;
import io.eave.toit.ast.For;
import io.eave.toit.ast.If;
import io.eave.toit.ast.Import;
import io.eave.toit.ast.LocalVariable;
import io.eave.toit.ast.MemberAccess;
import io.eave.toit.ast.Method;
import io.eave.toit.ast.Parameter;
import io.eave.toit.ast.Sequence;
import io.eave.toit.ast.Super;
import io.eave.toit.ast.Try;
import io.eave.toit.ast.Unit;
import io.eave.toit.ast.While;
import io.eave.toit.typing.ToitTypes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;

/**
 * What a name can refer to where it is used. Names: locals declared earlier in enclosing bodies,
 * {@code if}/{@code while}/{@code for} definitions, block parameters (or the block itself for
 * the implicit {@code it}), method parameters, members of the enclosing class and its
 * superclasses, mixins and interfaces, the unit's declarations, imported names (and import
 * prefixes, which refer to their {@link Import}), then the core library. Members after a dot:
 * a module's declarations after a prefix, statics and named constructors after a class, else the
 * instance members of the receiver's static type (none when it is unknown). Types: classes of the
 * unit, the imports ({@code prefix.Name} too) and the core library.
 */
public class ToitScopeProvider implements IScopeProvider {

    @Inject
    private IResourceScopeCache cache;

    @Override
    public IScope getScope(EObject context, EReference reference) {
        if (reference == AstPackage.Literals.IDENTIFIER__DECLARATION) return lexicalScope(context);
        if (reference == AstPackage.Literals.MEMBER_ACCESS__MEMBER && context instanceof MemberAccess m) return memberScope(m);
        if (reference == AstPackage.Literals.TYPE_REF__TYPE) return typeScope(context);
        return IScope.NULLSCOPE;
    }

    // ---- names in code -------------------------------------------------------------------

    private IScope lexicalScope(EObject context) {
        List<NameScope> levels = new ArrayList<>();
        Class inClass = null;
        EObject child = context;
        for (EObject parent = context.eContainer(); parent != null && !(parent instanceof Unit); child = parent, parent = parent.eContainer()) {
            NameScope level = new NameScope(null);
            if (parent instanceof Sequence s) {
                for (EObject statement : s.getStatements()) {
                    if (statement == child) break;
                    if (statement instanceof LocalVariable v) level.add(v.getName(), v);
                }
            } else if (parent instanceof If i && child != i.getCondition() && i.getCondition() instanceof LocalVariable v) {
                level.add(v.getName(), v);
            } else if (parent instanceof While w && child != w.getCondition() && w.getCondition() instanceof LocalVariable v) {
                level.add(v.getName(), v);
            } else if (parent instanceof For f && child != f.getInitializer() && f.getInitializer() instanceof LocalVariable v) {
                level.add(v.getName(), v);
            } else if (parent instanceof Block b) {
                if (b.getParameters().isEmpty()) level.add("it", b);   // the implicit parameter is the block's
                b.getParameters().forEach(p -> level.add(p.getName(), p));
            } else if (parent instanceof Try t && child == t.getHandler()) {
                t.getParameters().forEach(p -> level.add(p.getName(), p));
            } else if (parent instanceof Method m) {
                for (Parameter p : m.getParameters()) {
                    if (!p.isFieldParameter()) level.add(p.getName(), p);
                }
            } else if (parent instanceof Class c && c.eContainer() instanceof Unit) {
                inClass = c;   // at the top level, the class's level is the outermost
                continue;
            } else if (parent instanceof Class c) {
                Members.instanceMembers(c).forEach(d -> level.add(nameOf(d), d));
                for (Class k : Members.hierarchy(c)) Members.staticMembers(k).forEach(d -> level.add(nameOf(d), d));
            }
            if (!level.isEmpty()) levels.add(level);
        }
        IScope scope = inClass != null ? classScope(inClass) : globalScope(context.eResource());
        for (int i = levels.size() - 1; i >= 0; i--) scope = rebase(levels.get(i), scope);
        return scope;
    }

    /**
     * A class's members (instance members, and the statics of its hierarchy) over the global
     * scope; cached per class, as every name in the class's code looks through them.
     */
    private IScope classScope(Class c) {
        Resource resource = c.eResource();
        return cache.get(Tuples.pair(ToitScopeProvider.class, c), resource, () -> {
            NameScope level = new NameScope(null);
            Members.instanceMembers(c).forEach(d -> level.add(nameOf(d), d));
            for (Class k : Members.hierarchy(c)) Members.staticMembers(k).forEach(d -> level.add(nameOf(d), d));
            IScope global = globalScope(resource);
            return level.isEmpty() ? global : rebase(level, global);
        });
    }

    /** The unit's declarations over its imports over the core library; cached per resource. */
    private IScope globalScope(Resource resource) {
        return cache.get(Tuples.pair(ToitScopeProvider.class, "global"), resource, () -> {
            Unit unit = unit(resource);
            NameScope core = new NameScope(null);
            if (resource.getResourceSet() != null) {
                Modules.coreDeclarations(resource.getResourceSet()).forEach(d -> core.add(nameOf(d), d));
            }
            NameScope sdk = new NameScope(core);
            SdkSources.core(resource).forEach(d -> sdk.add(nameOf(d), d));
            NameScope imported = new NameScope(sdk);
            NameScope own = new NameScope(imported);
            if (unit == null) return own;
            Fragment fragment = Fragment.of(resource);
            for (Import imp : (fragment != null ? fragment.host() : unit).getImports()) {
                Unit module = Modules.resolve(imp);
                String prefix = Modules.prefix(imp);
                if (prefix != null) imported.add(prefix, imp);
                if (module == null) continue;
                for (Declaration d : Modules.exported(module)) {
                    if (Modules.showsAll(imp) || imp.getShow().contains(nameOf(d))) imported.add(nameOf(d), d);
                }
            }
            unit.getDeclarations().forEach(d -> own.add(nameOf(d), d));
            if (fragment != null) {
                fragment.host().getDeclarations().forEach(d -> {
                    if (!fragment.replaced().contains(d)) own.add(nameOf(d), d);
                });
            }
            return own;
        });
    }

    // ---- names after a dot ---------------------------------------------------------------

    private IScope memberScope(MemberAccess access) {
        NameScope scope = new NameScope(null);
        EObject receiver = access.getReceiver();
        EObject declaration = ToitTypes.declarationOf(receiver);
        if (declaration instanceof Import imp) {
            Unit module = Modules.resolve(imp);
            if (module != null) Modules.exported(module).forEach(d -> scope.add(nameOf(d), d));
        } else if (declaration instanceof Class c && !ToitTypes.isParenthesized(receiver)) {
            for (Class k : Members.hierarchy(c)) Members.staticMembers(k).forEach(d -> scope.add(nameOf(d), d));
        } else {
            Class type = receiver instanceof Super ? ToitTypes.typeOf(receiver) : ToitTypes.typeOf(receiver);
            if (type != null) Members.instanceMembers(type).forEach(d -> scope.add(nameOf(d), d));
        }
        return scope;
    }

    /** Whether the members after {@code access}'s dot are known, so an unknown name is an error. */
    public static boolean receiverKnown(MemberAccess access) {
        EObject declaration = ToitTypes.declarationOf(access.getReceiver());
        if (declaration instanceof Import imp) return !ExternalModules.isOpaque(imp);
        return (declaration instanceof Class && !ToitTypes.isParenthesized(access.getReceiver()))
                || ToitTypes.isCertain(access.getReceiver());
    }

    // ---- types ---------------------------------------------------------------------------

    private IScope typeScope(EObject context) {
        Resource resource = context.eResource();
        return cache.get(Tuples.pair(ToitScopeProvider.class, "types"), resource, () -> {
            NameScope core = new NameScope(null);
            if (resource.getResourceSet() != null) {
                for (var d : Modules.coreDeclarations(resource.getResourceSet())) {
                    if (d instanceof Class c) core.add(c.getName(), c);
                }
            }
            NameScope sdk = new NameScope(core);
            for (var d : SdkSources.core(resource)) {
                if (d instanceof Class c) sdk.add(c.getName(), c);
            }
            NameScope imported = new NameScope(sdk);
            NameScope own = new NameScope(imported);
            Unit unit = unit(resource);
            if (unit == null) return own;
            Fragment fragment = Fragment.of(resource);
            for (Import imp : (fragment != null ? fragment.host() : unit).getImports()) {
                Unit module = Modules.resolve(imp);
                if (module == null) continue;
                String prefix = Modules.prefix(imp);
                for (Class c : classes(module)) {
                    if (prefix != null) imported.add(QualifiedName.create(prefix, c.getName()), c);
                    if (Modules.showsAll(imp) || imp.getShow().contains(c.getName())) imported.add(c.getName(), c);
                }
            }
            classes(unit).forEach(c -> own.add(c.getName(), c));
            if (fragment != null) {
                classes(fragment.host()).forEach(c -> {
                    if (!fragment.replaced().contains(c)) own.add(c.getName(), c);
                });
            }
            return own;
        });
    }

    private static List<Class> classes(Unit unit) {
        return Modules.exported(unit).stream().filter(Class.class::isInstance).map(Class.class::cast).toList();
    }

    // ---- helpers -------------------------------------------------------------------------

    /** The name a declaration is found by; null for unnamed constructors (found through their class). */
    public static String nameOf(EObject d) {
        if (d instanceof Class c) return c.getName();
        if (d instanceof Field f) return f.getName();
        if (d instanceof Method m) return m.getName();
        if (d instanceof LocalVariable v) return v.getName();
        if (d instanceof Parameter p) return p.getName();
        if (d instanceof Import i) return Modules.prefix(i);
        if (d instanceof Block) return "it";
        return null;
    }

    private static Unit unit(Resource resource) {
        return resource != null && !resource.getContents().isEmpty() && resource.getContents().get(0) instanceof Unit u ? u : null;
    }

    /** {@code level}'s names over {@code outer}. */
    private static IScope rebase(NameScope level, IScope outer) {
        NameScope scope = new NameScope(outer);
        for (var d : level.getAllElements()) scope.add(d.getName(), d.getEObjectOrProxy());
        return scope;
    }
}
