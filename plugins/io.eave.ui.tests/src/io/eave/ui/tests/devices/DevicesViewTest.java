package io.eave.ui.tests.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eave.devices.DeviceRegistry;
import io.eave.devices.DevicesPlugin;
import io.eave.devices.IdeSimulator;
import io.eave.devices.KnownDevice;
import io.eave.devices.ui.DevicesView;

/** The Eave Devices view in the workbench, with the simulated device the IDE started. */
public class DevicesViewTest {

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    @AfterEach
    void hideView() {
        var view = page().findView(DevicesView.ID);
        if (view != null) {
            page().hideView(view);
        }
    }

    @Test
    void theViewListsTheSimulatedDeviceAsTheDefaultAndReadsItsContainers() throws Exception {
        Waiting.forSimulator();
        DevicesView view = (DevicesView) page().showView(DevicesView.ID);
        Waiting.until("the Devices view listing the simulated device", Duration.ofSeconds(20),
                () -> Waiting.row(view.devicesTable(), IdeSimulator.NAME) != null, () -> Waiting.rows(view.devicesTable()));
        TableItem sim = Waiting.row(view.devicesTable(), IdeSimulator.NAME);
        assertEquals(IdeSimulator.NAME + " (default)", sim.getText(0));
        assertEquals("simulator (started by the IDE)", sim.getText(1));
        assertTrue(sim.getText(2).startsWith("127.0.0.1:"), sim.getText(2));
        assertEquals("Device", view.devicesTable().getColumn(0).getText());
        assertEquals(5, view.containersTable().getColumnCount());
        assertEquals("Name State Memory Uptime Run on boot", java.util.Arrays.stream(view.containersTable().getColumns())
                .map(c -> c.getText()).reduce((a, b) -> a + " " + b).orElseThrow());
        Waiting.until("the view connecting to the simulated device and listing its containers", Duration.ofSeconds(20),
                () -> view.containersTitle().startsWith("Containers on " + IdeSimulator.NAME)
                        && !view.containersTitle().endsWith("connecting..."),
                view::containersTitle);
        assertTrue(!view.containersTitle().contains("cannot"), view.containersTitle());
    }

    @Test
    void aDeviceAddedByHandIsListedKeepsItsSecretAndCanBeRemoved() throws Exception {
        DevicesView view = (DevicesView) page().showView(DevicesView.ID);
        DeviceRegistry registry = DevicesPlugin.getDefault().registry();
        // a port where nothing answers: the device is listed all the same, and the view says it cannot connect
        KnownDevice added = registry.add("tcp:127.0.0.1:9", "s3cret");
        Waiting.until("the added device in the table", Duration.ofSeconds(10),
                () -> Waiting.row(view.devicesTable(), "tcp:127.0.0.1:9") != null, () -> Waiting.rows(view.devicesTable()));
        TableItem row = Waiting.row(view.devicesTable(), "tcp:127.0.0.1:9");
        assertEquals("added by hand", row.getText(1));
        view.select("tcp:127.0.0.1:9");
        Waiting.until("the view saying it cannot connect", Duration.ofSeconds(20),
                () -> view.containersTitle().contains("cannot connect"), view::containersTitle);
        assertTrue(DevicesPlugin.preferences().get(DevicesPlugin.PREF_MANUAL_DEVICES, "").contains("tcp:127.0.0.1:9"));
        registry.remove(added);
        Waiting.until("the removed device gone from the table", Duration.ofSeconds(10),
                () -> Waiting.row(view.devicesTable(), "tcp:127.0.0.1:9") == null, () -> Waiting.rows(view.devicesTable()));
        assertNull(Waiting.row(view.devicesTable(), "tcp:127.0.0.1:9"));
        assertNotNull(Waiting.row(view.devicesTable(), IdeSimulator.NAME), "the simulated device stays");
    }

    @Test
    void turningThePreferenceOffStopsTheSimulatedDeviceAndOnStartsItAgain() throws Exception {
        Waiting.forSimulator();
        DevicesView view = (DevicesView) page().showView(DevicesView.ID);
        IdeSimulator sim = DevicesPlugin.getDefault().registry().simulator();
        Process before = sim.running().process();
        try {
            DevicesPlugin.preferences().putBoolean(DevicesPlugin.PREF_START_SIMULATOR, false);
            Waiting.until("the simulated device stopping", Duration.ofSeconds(10), () -> !before.isAlive() && sim.running() == null,
                    () -> sim.state().toString());
            Waiting.until("the view saying the simulated device is off", Duration.ofSeconds(10),
                    () -> view.statusText().contains("off") && Waiting.row(view.devicesTable(), IdeSimulator.NAME) == null,
                    () -> view.statusText() + " / " + Waiting.rows(view.devicesTable()));
        } finally {
            DevicesPlugin.preferences().putBoolean(DevicesPlugin.PREF_START_SIMULATOR, true);
        }
        Waiting.forSimulator();
        Waiting.until("the view listing the simulated device again", Duration.ofSeconds(10),
                () -> Waiting.row(view.devicesTable(), IdeSimulator.NAME) != null, () -> Waiting.rows(view.devicesTable()));
        assertEquals("", view.statusText());
    }

    /** A second simulator with the IDE's own name (another IDE on this host): listed by its address, never taken for ours. */
    @Test
    void anotherSimulatorWithTheSameNameIsListedByItsAddressAndNotTakenForTheIdesOwn() throws Exception {
        Waiting.forSimulator();
        DeviceRegistry registry = DevicesPlugin.getDefault().registry();
        int ours = registry.simulator().running().tcpPort();
        java.nio.file.Path binary = io.eave.firmware.SimulatorBinary.extractTo(
                java.nio.file.Files.createTempDirectory("other-ide-bin"));
        java.nio.file.Path store = java.nio.file.Files.createTempDirectory("other-ide").resolve(IdeSimulator.NAME + ".store");
        try (io.eave.link.Simulator other = io.eave.link.Simulator.start(binary, IdeSimulator.NAME, store, null)) {
            String spec = "tcp:127.0.0.1:" + other.tcpPort();
            java.util.List<KnownDevice> listed = registry.refresh();
            KnownDevice theOther = listed.stream().filter(d -> d.spec().equals(spec)).findFirst()
                    .orElseThrow(() -> new AssertionError("the other simulator is not listed: " + listed));
            assertEquals(KnownDevice.Kind.SIMULATOR, theOther.kind());
            assertEquals(spec + " (" + IdeSimulator.NAME + ")", theOther.name(), "listed by its address, with the name it announced");
            java.util.List<KnownDevice> named = listed.stream().filter(d -> d.name().equals(IdeSimulator.NAME)).toList();
            assertEquals(1, named.size(), "one device is called " + IdeSimulator.NAME + ": " + listed);
            assertEquals(KnownDevice.Kind.IDE_SIMULATOR, named.get(0).kind());
            assertEquals(ours, named.get(0).address().port(), "and it is the IDE's own, not the other one");
        }
    }
}
