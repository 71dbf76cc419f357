package io.eave.ui.tests.flash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.eave.devices.DeviceRegistry;
import io.eave.devices.DevicesPlugin;
import io.eave.devices.KnownDevice;
import io.eave.devices.SharedDevice;
import io.eave.devices.flash.DeviceFlashing;
import io.eave.devices.ui.DevicesView;
import io.eave.devices.ui.flash.FlashDeviceWizard;
import io.eave.flash.esp.EspChip;
import io.eave.flash.esp.emulator.Faults;
import io.eave.flash.esp.emulator.RomLoaderEmulator;
import io.eave.flash.port.SerialFlashPort;
import io.eave.ui.tests.devices.Waiting;

/**
 * The Flash Device wizard in the workbench: a QEMU board flashed with the bundled firmware starts
 * and answers in the Devices view; an ESP flash against our ROM-loader emulation on a socat pty
 * that does not verify, or that is cancelled midway, stays on the page with the flasher's message;
 * a serial port the IDE holds is handed over for the flash and the device comes back afterwards.
 */
public class FlashDeviceWizardTest {

    @TempDir
    static Path home;

    private WizardDialog dialog;
    private FlashDeviceWizard wizard;
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    @BeforeEach
    void isolatedEaveHome() {
        System.setProperty("eave.home", home.toString());   // device folders of this test only
    }

    @AfterEach
    void close() throws Exception {
        if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) {
            dialog.close();
        }
        for (AutoCloseable c : cleanup) {
            c.close();
        }
        System.clearProperty("eave.home");
    }

    private void open(DeviceFlashing.Prefill prefill) {
        wizard = new FlashDeviceWizard(prefill);
        dialog = new WizardDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
    }

    private void chooseBoard(String id) {
        Combo boards = wizard.page().boardCombo();
        for (int i = 0; i < boards.getItemCount(); i++) {
            if (boards.getItem(i).startsWith(id + " ") || boards.getItem(i).toLowerCase().startsWith(id + " ")) {
                boards.select(i);
                boards.notifyListeners(SWT.Selection, null);
                return;
            }
        }
        throw new AssertionError("no board " + id + " in " + List.of(boards.getItems()));
    }

    private static Button button(Composite parent, String text) {
        for (Control c : parent.getChildren()) {
            if (c instanceof Button b && b.getText().replace("&", "").equals(text)) {
                return b;
            }
            if (c instanceof Composite child) {
                Button found = button(child, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Presses Finish as a user does; returns once the flash ended (the wizard runs it in a modal context). */
    private void finish() {
        Button finish = button(dialog.getShell(), "Finish");
        assertNotNull(finish, "the wizard's Finish button");
        assertTrue(finish.isEnabled(), "Finish is enabled; the page says: " + wizard.page().getErrorMessage());
        finish.notifyListeners(SWT.Selection, null);
    }

    private boolean dialogClosed() {
        return dialog.getShell() == null || dialog.getShell().isDisposed();
    }

    @Test
    void theWizardIsOfferedInFileNewTheRunMenuCommandAndTheDevicesView() throws Exception {
        assertNotNull(PlatformUI.getWorkbench().getNewWizardRegistry().findWizard("io.eave.devices.flashDevice"),
                "File > New > Other > Eave > Flash Device");
        var commands = PlatformUI.getWorkbench().getService(org.eclipse.ui.commands.ICommandService.class);
        assertTrue(commands.getCommand("io.eave.devices.flashDevice").isDefined(), "the Flash Device... command");
        DevicesView view = (DevicesView) page().showView(DevicesView.ID);
        List<String> toolbar = new ArrayList<>();
        for (var item : view.getViewSite().getActionBars().getToolBarManager().getItems()) {
            if (item instanceof org.eclipse.jface.action.ActionContributionItem a) {
                toolbar.add(a.getAction().getText());
            }
        }
        assertTrue(toolbar.contains("Flash Device..."), toolbar.toString());
    }

    @Test
    void flashingAQemuBoardWithTheBundledFirmwareStartsItAndItAnswersInTheDevicesView() throws Exception {
        Assumptions.assumeTrue(onPath("qemu-system-arm"), "qemu-system-arm is not installed");
        open(DeviceFlashing.Prefill.NONE);
        chooseBoard("qemu-arm");
        wizard.page().nameText().setText("wizard-arm");
        assertFalse(wizard.page().portCombo().isEnabled(), "a QEMU board needs no serial port");
        assertNull(wizard.page().getErrorMessage());
        finish();
        assertTrue(dialogClosed(), "a verified flash closes the wizard; the page says: "
                + (dialogClosed() ? "" : wizard.page().getErrorMessage()));
        List<String> progress = wizard.progressSeen();
        assertTrue(progress.stream().anyMatch(p -> p.startsWith("writing ")), progress.toString());
        assertTrue(progress.contains("verifying 100%"), progress.toString());
        assertEquals("done 100%", progress.get(progress.size() - 1), progress.toString());
        assertTrue(Files.isRegularFile(home.resolve("boards/wizard-arm/firmware.elf")));
        try {
            DevicesView view = (DevicesView) page().showView(DevicesView.ID);
            Waiting.until("the Devices view listing the flashed board", Duration.ofSeconds(20),
                    () -> Waiting.row(view.devicesTable(), "wizard-arm") != null, () -> Waiting.rows(view.devicesTable()));
            TableItem row = Waiting.row(view.devicesTable(), "wizard-arm");
            assertEquals("QEMU board (started by the IDE)", row.getText(1));
            assertTrue(row.getText(2).startsWith("/dev/pts/"), row.getText(2));
            view.select("wizard-arm");
            Waiting.until("the view reading the board's containers", Duration.ofSeconds(30),
                    () -> view.containersTitle().startsWith("Containers on wizard-arm") && !view.containersTitle().endsWith("connecting..."),
                    view::containersTitle);
            assertFalse(view.containersTitle().contains("cannot"), view.containersTitle());
            KnownDevice board = DevicesPlugin.getDefault().registry().devices().stream().filter(d -> d.name().equals("wizard-arm"))
                    .findFirst().orElseThrow();
            SharedDevice link = DevicesPlugin.getDefault().registry().connect(board).get(10, TimeUnit.SECONDS);
            assertEquals("wizard-arm", link.name(), "the firmware says hello with the name the wizard wrote");
        } finally {
            DevicesPlugin.getDefault().emulatedBoards().stop("wizard-arm");
        }
    }

    @Test
    void anEspFlashThatDoesNotVerifyStaysOnThePageWithTheError() throws Exception {
        try (SocatPair pty = SocatPair.start(); RomLoaderEmulator chip = new RomLoaderEmulator(EspChip.ESP32_C3)) {
            chip.startInLoader();   // a pty has no modem lines: the chip waits in its loader as if BOOT were held
            chip.faults(Faults.corrupt());
            chip.serve(SerialFlashPort.open(pty.device, 115_200));
            Path image = firmwareLike(home.resolve("esp-image.bin"), 96 * 1024);
            open(DeviceFlashing.Prefill.NONE);
            chooseBoard("esp32-c3");
            assertTrue(wizard.page().portCombo().isEnabled());
            wizard.page().portCombo().setText(pty.host);
            wizard.page().imageText().setText(image.toString());
            wizard.page().nameText().setText("wizard-esp");
            finish();
            assertFalse(dialogClosed(), "a flash that did not verify never closes the wizard as a success");
            String error = wizard.page().getErrorMessage();
            assertNotNull(error);
            assertTrue(error.startsWith("verification failed: the image") && error.contains("ESP32-C3 on " + pty.host), error);
            assertNull(wizard.result());
            assertTrue(wizard.progressSeen().stream().anyMatch(p -> p.startsWith("writing ")), wizard.progressSeen().toString());
            assertFalse(wizard.progressSeen().stream().anyMatch(p -> p.startsWith("done")), wizard.progressSeen().toString());
            assertTrue(DevicesPlugin.getDefault().registry().devices().stream().noneMatch(d -> d.where().equals(pty.host)),
                    "a device that failed to flash is not listed");
        }
    }

    @Test
    void cancelMidFlashStopsTheWriteAndSaysTheBoardHoldsAnIncompleteImage() throws Exception {
        try (SocatPair pty = SocatPair.start(); RomLoaderEmulator chip = new RomLoaderEmulator(EspChip.ESP32_C3)) {
            chip.startInLoader();
            chip.faults(Faults.hangAt(4));   // the loader stops answering: only Cancel ends the flash before its timeout
            chip.serve(SerialFlashPort.open(pty.device, 115_200));
            Path image = firmwareLike(home.resolve("esp-image.bin"), 256 * 1024);
            open(DeviceFlashing.Prefill.NONE);
            chooseBoard("esp32-c3");
            wizard.page().portCombo().setText(pty.host);
            wizard.page().imageText().setText(image.toString());
            wizard.page().nameText().setText("wizard-cancel");
            Display display = Display.getCurrent();
            long[] cancelledAt = { 0 };
            Runnable[] pressCancel = new Runnable[1];
            pressCancel[0] = () -> {
                if (dialogClosed()) {
                    return;
                }
                if (wizard.progressSeen().stream().anyMatch(p -> p.startsWith("writing "))) {
                    cancelledAt[0] = System.nanoTime();
                    button(dialog.getShell(), "Cancel").notifyListeners(SWT.Selection, null);
                } else {
                    display.timerExec(20, pressCancel[0]);
                }
            };
            display.timerExec(20, pressCancel[0]);
            finish();
            assertTrue(cancelledAt[0] != 0, "Cancel was pressed while writing: " + wizard.progressSeen());
            long stopMillis = (System.nanoTime() - cancelledAt[0]) / 1_000_000;
            assertFalse(dialogClosed(), "a cancelled flash keeps the wizard open");
            String error = wizard.page().getErrorMessage();
            assertNotNull(error);
            assertTrue(error.contains("was cancelled while writing the image") && error.contains("incomplete image"), error);
            assertTrue(stopMillis < 2_500, "the flash stopped " + stopMillis + " ms after Cancel, before the loader's timeout");
            assertNull(wizard.result());
        }
    }

    @Test
    void aPortTheIdeHoldsIsHandedOverForTheFlashAndTheDeviceComesBackAfterwards() throws Exception {
        Waiting.forSimulator();
        DeviceRegistry registry = DevicesPlugin.getDefault().registry();
        String pty = registry.simulator().running().serialPath();
        KnownDevice device = registry.add(pty, "");
        cleanup.add(() -> registry.remove(device));
        SharedDevice before = registry.connect(device).get(10, TimeUnit.SECONDS);
        assertEquals(1, registry.links().ports().holdersOf(pty).size(), "the IDE's link holds " + pty);

        open(DevicesPlugin.getDefault().flashing().prefillFor(device));
        assertEquals(pty, wizard.page().portCombo().getText(), "the wizard opens on the selected device's port");
        chooseBoard("esp32-c3");
        wizard.page().imageText().setText(firmwareLike(home.resolve("esp-image.bin"), 8 * 1024).toString());
        wizard.page().nameText().setText("wizard-handover");
        Display display = Display.getCurrent();
        boolean[] linkClosedDuringFlash = { false };
        Runnable[] watch = new Runnable[1];
        watch[0] = () -> {
            if (registry.links().ports().isReleased(pty)) {
                linkClosedDuringFlash[0] |= !before.isOpen();
            }
            if (!dialogClosed()) {
                display.timerExec(50, watch[0]);
            }
        };
        display.timerExec(50, watch[0]);
        finish();
        // the simulator is no ESP ROM loader: the flash fails, but only after it had the port to itself
        String error = wizard.page().getErrorMessage();
        assertNotNull(error);
        assertTrue(error.startsWith("no answer from the ESP ROM loader on " + pty), error);
        assertTrue(linkClosedDuringFlash[0], "the IDE's link was closed while the flasher held the port");
        assertFalse(registry.links().ports().isReleased(pty));
        Waiting.until("the IDE's link to " + pty + " open again", Duration.ofSeconds(15),
                () -> registry.links().ports().holdersOf(pty).size() == 1, () -> registry.links().ports().holdersOf(pty).toString());
        SharedDevice after = registry.connect(device).get(10, TimeUnit.SECONDS);
        assertTrue(after.isOpen());
        assertEquals(before.name(), after.name(), "the device answers again after the flash");
        assertTrue(after.management().list().get(10, TimeUnit.SECONDS) != null);
    }

    /** An image like firmware: compressible, not trivially. */
    private static Path firmwareLike(Path file, int size) throws IOException {
        byte[] b = new byte[size];
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i % 7 == 0 ? random.nextInt(256) : "eave firmware ".charAt(i % 14));
        }
        Files.write(file, b);
        return file;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** A socat pty pair: the host's end (where the IDE flashes) and the device's (where the emulated chip listens). */
    private record SocatPair(Process process, String host, String device) implements AutoCloseable {
        private static final Pattern PTY = Pattern.compile("PTY is (\\S+)");

        static SocatPair start() throws Exception {
            Assumptions.assumeTrue(onPath("socat"), "socat is not installed");
            Process p = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0").start();
            CompletableFuture<List<String>> names = CompletableFuture.supplyAsync(() -> {
                List<String> found = new ArrayList<>();
                try {
                    BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
                    for (String line; (line = r.readLine()) != null && !line.contains("starting data transfer loop"); ) {
                        Matcher m = PTY.matcher(line);
                        if (m.find()) {
                            found.add(m.group(1));
                        }
                    }
                } catch (IOException e) {
                    // what was found so far
                }
                return found;
            });
            List<String> ptys = names.get(5, TimeUnit.SECONDS);
            assertEquals(2, ptys.size(), "socat's ptys: " + ptys);
            return new SocatPair(p, ptys.get(0), ptys.get(1));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
