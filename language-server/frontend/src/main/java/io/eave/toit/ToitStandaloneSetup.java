package io.eave.toit;

import com.google.inject.Injector;

/** Sets the Toit language up without Equinox: registers the EMF package and the resource factory. */
public class ToitStandaloneSetup extends ToitStandaloneSetupGenerated {

    private static Injector injector;

    /** The shared injector, created (and the language registered) on first use. */
    public static synchronized Injector injector() {
        if (injector == null) injector = new ToitStandaloneSetup().createInjectorAndDoEMFRegistration();
        return injector;
    }

    public static void doSetup() {
        injector();
    }
}
