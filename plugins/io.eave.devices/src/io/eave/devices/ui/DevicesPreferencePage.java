package io.eave.devices.ui;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import io.eave.devices.DevicesPlugin;

/** Preferences > Toit > Devices: whether the simulated device starts with the IDE, and the default device of launches. */
public final class DevicesPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public DevicesPreferencePage() {
        super(GRID);
        ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, DevicesPlugin.ID);
        store.setDefault(DevicesPlugin.PREF_START_SIMULATOR, true);
        store.setDefault(DevicesPlugin.PREF_DEFAULT_DEVICE, "");
        setPreferenceStore(store);
        setDescription("The simulated device runs Toit programs on this computer; it is the default device of"
                + " launches. Its programs are kept in the workspace's metadata."
                + " The default device is where a launch goes when its Device tab names none: a device's name, a serial"
                + " port (/dev/ttyUSB0) or tcp:HOST:PORT.");
    }

    @Override
    protected void createFieldEditors() {
        addField(new BooleanFieldEditor(DevicesPlugin.PREF_START_SIMULATOR, "&Start the simulated device with the IDE",
                getFieldEditorParent()));
        addField(new StringFieldEditor(DevicesPlugin.PREF_DEFAULT_DEVICE, "&Default device (empty: the simulated device):",
                getFieldEditorParent()));
    }

    @Override
    public void init(IWorkbench workbench) {
    }
}
