package io.eave.toit.scoping;

import io.eave.toit.ast.Declaration;
import io.eave.toit.ast.Unit;
import java.util.Set;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.ecore.resource.Resource;

/**
 * Marks a resource that holds top-level declarations of a file parsed apart from the rest
 * (completion while typing parses only the declarations being edited): its names resolve as if
 * they stood in the host file, among the host's other declarations and under the host's imports.
 */
public final class Fragment extends AdapterImpl {
    private final Unit host;
    private final Set<Declaration> replaced;

    private Fragment(Unit host, Set<Declaration> replaced) {
        this.host = host;
        this.replaced = replaced;
    }

    /** Makes {@code resource} stand in for {@code replaced} in {@code host}. */
    public static void attach(Resource resource, Unit host, Set<Declaration> replaced) {
        resource.eAdapters().add(new Fragment(host, replaced));
    }

    /** The fragment mark of {@code resource}, or null for an ordinary file. */
    public static Fragment of(Resource resource) {
        if (resource == null) return null;
        for (var adapter : resource.eAdapters()) {
            if (adapter instanceof Fragment f) return f;
        }
        return null;
    }

    /** The file the fragment was cut from, already parsed and linked. */
    public Unit host() {
        return host;
    }

    /** The host's declarations the fragment replaces: hidden by the fragment's own. */
    public Set<Declaration> replaced() {
        return replaced;
    }
}
