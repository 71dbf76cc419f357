package io.eave.ui.tests.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.preference.IPreferenceNode;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eave.devices.DeviceRegistry;
import io.eave.devices.DevicesPlugin;
import io.eave.devices.IdeSimulator;
import io.eave.devices.KnownDevice;
import io.eave.devices.ui.DevicesPreferencePage;
import io.eave.devices.ui.DevicesView;
import io.eave.launch.build.CompilerPreferences;
import io.eave.launch.ui.CompilerPreferencePage;
import io.eave.ui.tests.devices.Waiting;

/** Preferences > Toit and its pages, and a preference that changes what the IDE does. */
public class ToitPreferencesTest {

    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
        DevicesPlugin.preferences().remove(DevicesPlugin.PREF_DEFAULT_DEVICE);
        CompilerPreferences.node().remove(CompilerPreferences.BUILD_ON_SAVE);
    }

    @Test
    void theToitRootHoldsTheCompilerDevicesAndLanguageServerPages() {
        IPreferenceNode root = PlatformUI.getWorkbench().getPreferenceManager().find("io.eave.preferences");
        assertNotNull(root, "Preferences > Toit");
        assertEquals("Toit", root.getLabelText());
        List<String> pages = Arrays.stream(root.getSubNodes()).map(IPreferenceNode::getLabelText).sorted().toList();
        assertEquals(List.of("Compiler", "Devices", "Language Server"), pages);
    }

    /** The field editor's text after the label that starts with {@code label}. */
    private static Text field(Composite parent, String label) {
        Control[] children = parent.getChildren();
        for (int i = 0; i < children.length - 1; i++) {
            if (children[i] instanceof Label l && l.getText().replace("&", "").startsWith(label) && children[i + 1] instanceof Text t) {
                return t;
            }
            if (children[i] instanceof Composite c) {
                Text t = field(c, label);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    private static Button checkbox(Composite parent, String label) {
        for (Control c : parent.getChildren()) {
            if (c instanceof Button b && b.getText().replace("&", "").startsWith(label)) {
                return b;
            }
            if (c instanceof Composite child) {
                Button found = checkbox(child, label);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void theDefaultDeviceChosenOnTheDevicesPageIsWhereLaunchesGo() throws Exception {
        Waiting.forSimulator();
        DeviceRegistry registry = DevicesPlugin.getDefault().registry();
        KnownDevice added = registry.add("tcp:127.0.0.1:9", "");
        try {
            assertEquals(KnownDevice.Kind.IDE_SIMULATOR, registry.resolve("").kind(), "the simulated device is the default at first");
            shell = new Shell(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
            shell.setLayout(new FillLayout());
            DevicesPreferencePage page = new DevicesPreferencePage();
            page.createControl(shell);
            Text defaultDevice = field((Composite) page.getControl(), "Default device");
            assertNotNull(defaultDevice, "the Default device field");
            defaultDevice.setText("tcp:127.0.0.1:9");
            assertTrue(page.performOk());
            assertEquals("tcp:127.0.0.1:9", DevicesPlugin.preferences().get(DevicesPlugin.PREF_DEFAULT_DEVICE, ""), "persisted");

            assertEquals(added, registry.resolve(""), "a launch without a device of its own goes to the chosen default");
            DevicesView view = (DevicesView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().showView(DevicesView.ID);
            view.refresh();
            Waiting.until("the view marking the chosen default", Duration.ofSeconds(10),
                    () -> Waiting.row(view.devicesTable(), "tcp:127.0.0.1:9 (default)") != null
                            && Waiting.row(view.devicesTable(), IdeSimulator.NAME + " (default)") == null,
                    () -> Waiting.rows(view.devicesTable()));
        } finally {
            registry.remove(added);
        }
    }

    @Test
    void theCompilerPageStoresBuildOnSaveWhereTheBuilderReadsIt() {
        shell = new Shell(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
        shell.setLayout(new FillLayout());
        CompilerPreferencePage page = new CompilerPreferencePage();
        page.createControl(shell);
        Button buildOnSave = checkbox((Composite) page.getControl(), "Build when a file is saved");
        assertNotNull(buildOnSave);
        assertTrue(buildOnSave.getSelection(), "on by default");
        assertTrue(CompilerPreferences.buildOnSave());
        buildOnSave.setSelection(false);
        buildOnSave.notifyListeners(SWT.Selection, null);
        assertTrue(page.performOk());
        assertEquals(false, CompilerPreferences.buildOnSave(), "the builder reads what the page stored");
        Text output = field((Composite) page.getControl(), "Output folder");
        output.setText("../outside");
        assertEquals(false, page.isValid(), "an output folder outside the project is refused: " + page.getErrorMessage());
    }
}
