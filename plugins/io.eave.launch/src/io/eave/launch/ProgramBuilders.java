package io.eave.launch;

import java.util.Collection;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import io.eave.debug.ProgramBuilder;

/**
 * Where a launch gets its {@link ProgramBuilder}: the OSGi service of that type with the highest
 * ranking (the compiler registers one when it lands, e.g. as a declarative services component),
 * else {@link PrebuiltImages}.
 */
public final class ProgramBuilders {
    private ProgramBuilders() {
    }

    /** The compiler when one is registered, else the images beside the sources. */
    public static ProgramBuilder current() {
        Bundle bundle = FrameworkUtil.getBundle(ProgramBuilders.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context != null) {
            try {
                Collection<ServiceReference<ProgramBuilder>> references = context.getServiceReferences(ProgramBuilder.class, null);
                ServiceReference<ProgramBuilder> best = references.stream().max(ServiceReference::compareTo).orElse(null);
                if (best != null) {
                    ProgramBuilder builder = context.getService(best);
                    if (builder != null) {
                        return builder;
                    }
                }
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return new PrebuiltImages();
    }

    /** Whether a compiler is plugged in (else Run takes prebuilt images). */
    public static boolean compilerAvailable() {
        return !(current() instanceof PrebuiltImages);
    }
}
