package io.eave.toit.scoping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;

/**
 * One level of names (a body, a class, a unit, the imports) over an outer level. A name found
 * here hides the outer level's elements of that name; several elements of one name here are
 * overloads, and the linking service picks among them.
 */
public final class NameScope implements IScope {
    private final Map<QualifiedName, List<IEObjectDescription>> names = new LinkedHashMap<>();
    private final IScope outer;

    public NameScope(IScope outer) {
        this.outer = outer == null ? IScope.NULLSCOPE : outer;
    }

    public NameScope add(String name, EObject element) {
        if (name != null && element != null) add(QualifiedName.create(name.split("\\.")), element);
        return this;
    }

    public NameScope add(QualifiedName name, EObject element) {
        names.computeIfAbsent(name, k -> new ArrayList<>()).add(EObjectDescription.create(name, element));
        return this;
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    @Override
    public IEObjectDescription getSingleElement(QualifiedName name) {
        List<IEObjectDescription> here = names.get(name);
        return here != null ? here.get(0) : outer.getSingleElement(name);
    }

    @Override
    public Iterable<IEObjectDescription> getElements(QualifiedName name) {
        List<IEObjectDescription> here = names.get(name);
        return here != null ? Collections.unmodifiableList(here) : outer.getElements(name);
    }

    @Override
    public IEObjectDescription getSingleElement(EObject object) {
        for (List<IEObjectDescription> list : names.values()) {
            for (IEObjectDescription d : list) {
                if (d.getEObjectOrProxy() == object) return d;
            }
        }
        return outer.getSingleElement(object);
    }

    @Override
    public Iterable<IEObjectDescription> getElements(EObject object) {
        IEObjectDescription d = getSingleElement(object);
        return d == null ? List.of() : List.of(d);
    }

    /** Every visible element, inner levels first, hidden names left out (for completion). */
    @Override
    public Iterable<IEObjectDescription> getAllElements() {
        List<IEObjectDescription> all = new ArrayList<>();
        Set<QualifiedName> seen = new LinkedHashSet<>(names.keySet());
        names.values().forEach(all::addAll);
        for (IEObjectDescription d : outer.getAllElements()) {
            if (!seen.contains(d.getName())) all.add(d);
        }
        return all;
    }
}
