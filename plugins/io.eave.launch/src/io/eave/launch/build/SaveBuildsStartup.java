package io.eave.launch.build;

import org.eclipse.ui.IStartup;

/** Installs {@link SaveBuilds} when the workbench starts ({@code org.eclipse.ui.startup}). */
public final class SaveBuildsStartup implements IStartup {
    @Override
    public void earlyStartup() {
        SaveBuilds.install();
    }
}
