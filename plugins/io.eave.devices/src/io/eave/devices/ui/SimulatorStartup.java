package io.eave.devices.ui;

import org.eclipse.ui.IStartup;

import io.eave.devices.DevicesPlugin;

/** Starts the simulated device when the workbench has started (early startup runs off the UI thread). */
public final class SimulatorStartup implements IStartup {
    @Override
    public void earlyStartup() {
        DevicesPlugin.getDefault().applySimulatorPreference();
    }
}
