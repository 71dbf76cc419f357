package io.eave.launch.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import io.eave.devices.DevicesPlugin;
import io.eave.devices.KnownDevice;
import io.eave.launch.ToitLaunch;

/**
 * The Device tab: where the program runs (the simulated device by default, a simulator found on
 * this host, a device added in the Devices view, or an address typed here) and whether it starts
 * again when the device boots. The list is what the Devices view last found: reading it never waits.
 */
public final class ToitDeviceTab extends AbstractLaunchConfigurationTab {
    /** What the combo shows for the default device. */
    public static final String DEFAULT_LABEL = "Default device (Preferences > Toit > Devices)";
    private Combo device;
    private Button runOnBoot;

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        setControl(page);
        new Label(page, SWT.NONE).setText("&Device:");
        device = new Combo(page, SWT.DROP_DOWN);
        device.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        device.setItems(choices().toArray(String[]::new));
        device.addModifyListener(e -> updateLaunchConfigurationDialog());
        Label note = new Label(page, SWT.WRAP);
        note.setText("A simulator's name, a serial port (/dev/ttyUSB0) or tcp:HOST:PORT. Add devices with secrets in the Eave Devices view.");
        note.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        runOnBoot = new Button(page, SWT.CHECK);
        runOnBoot.setText("&Run on boot: start the program again whenever the device starts");
        runOnBoot.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        runOnBoot.addListener(SWT.Selection, e -> updateLaunchConfigurationDialog());
    }

    private static List<String> choices() {
        List<String> items = new ArrayList<>();
        items.add(DEFAULT_LABEL);
        DevicesPlugin plugin = DevicesPlugin.getDefault();
        if (plugin != null) {
            for (KnownDevice d : plugin.registry().devices()) {
                if (d.kind() != KnownDevice.Kind.IDE_SIMULATOR) {
                    items.add(d.spec());
                }
            }
        }
        return items;
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
        configuration.setAttribute(ToitLaunch.ATTR_DEVICE, KnownDevice.DEFAULT_SPEC);
        configuration.setAttribute(ToitLaunch.ATTR_RUN_ON_BOOT, false);
    }

    @Override
    public void initializeFrom(ILaunchConfiguration configuration) {
        try {
            String spec = configuration.getAttribute(ToitLaunch.ATTR_DEVICE, KnownDevice.DEFAULT_SPEC);
            device.setText(spec.isBlank() ? DEFAULT_LABEL : spec);
            runOnBoot.setSelection(configuration.getAttribute(ToitLaunch.ATTR_RUN_ON_BOOT, false));
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy configuration) {
        String text = device.getText().trim();
        configuration.setAttribute(ToitLaunch.ATTR_DEVICE, text.equals(DEFAULT_LABEL) ? KnownDevice.DEFAULT_SPEC : text);
        configuration.setAttribute(ToitLaunch.ATTR_RUN_ON_BOOT, runOnBoot.getSelection());
    }

    @Override
    public String getName() {
        return "Device";
    }
}
