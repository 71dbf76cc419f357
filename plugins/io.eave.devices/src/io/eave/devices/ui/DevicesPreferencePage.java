package io.eave.devices.ui;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import io.eave.devices.DevicesPlugin;

/** Preferences > Eave > Devices: whether the simulated device starts with the IDE. */
public final class DevicesPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public DevicesPreferencePage() {
        super(GRID);
        ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, DevicesPlugin.ID);
        store.setDefault(DevicesPlugin.PREF_START_SIMULATOR, true);
        setPreferenceStore(store);
        setDescription("The simulated device runs Toit programs on this computer; it is the default device of"
                + " launches. Its programs are kept in the workspace's metadata.");
    }

    @Override
    protected void createFieldEditors() {
        addField(new BooleanFieldEditor(DevicesPlugin.PREF_START_SIMULATOR, "&Start the simulated device with the IDE",
                getFieldEditorParent()));
    }

    @Override
    public void init(IWorkbench workbench) {
    }
}
