package io.eave.toit.scoping;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.linking.lazy.LazyLinker;

/**
 * Xtext's lazy linker, remembering the proxy type of each reference: working it out anew (the
 * reference's generic type against the object's class) was a tenth of a whole analysis, for an
 * answer that depends only on the metamodel.
 */
public class ToitLinker extends LazyLinker {
    private record Key(EReference reference, EClass owner) {
    }

    private final Map<Key, EClass> proxyTypes = new ConcurrentHashMap<>();

    @Override
    protected EClass getProxyType(EObject obj, EReference eRef) {
        return proxyTypes.computeIfAbsent(new Key(eRef, obj.eClass()), k -> super.getProxyType(obj, eRef));
    }
}
