package io.eave.devices.ui.flash;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import io.eave.devices.DevicesPlugin;
import io.eave.devices.flash.DeviceFlashing;
import io.eave.devices.flash.DeviceFlashing.Prefill;
import io.eave.devices.ui.DevicesView;
import io.eave.flash.CancelSignal;
import io.eave.flash.FlashException;
import io.eave.flash.FlashListener;
import io.eave.flash.FlashPhase;
import io.eave.flash.FlashResult;

/**
 * Flash Device: writes the bundled VM firmware (or a chosen image) with a device name and secret
 * to a board. The flash runs in the wizard's forked runnable (never on the UI thread) with the
 * flasher's progress in the dialog's progress bar; Cancel (or the stop button beside the bar)
 * stops it at once. A failure
 * stays on the page with the flasher's message; only a verified flash closes the wizard, and then
 * the Devices view shows the device.
 */
public final class FlashDeviceWizard extends Wizard implements INewWizard {

    /** How often the runnable looks at Cancel while the flash runs on its own thread. */
    private static final long CANCEL_POLL_MILLIS = 100;
    /** A flash that takes longer than this is stuck (every step of a flasher has its own, shorter timeout). */
    private static final long FLASH_LIMIT_MINUTES = 30;
    private static final int TICKS = 1000;

    private Prefill prefill = Prefill.NONE;
    private FlashDevicePage page;
    private final List<String> progressSeen = new CopyOnWriteArrayList<>();
    private volatile FlashResult result;

    public FlashDeviceWizard() {
        setWindowTitle("Flash Device");
        setNeedsProgressMonitor(true);
    }

    public FlashDeviceWizard(Prefill prefill) {
        this();
        this.prefill = prefill;
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        // File > New > Other: nothing to pre-fill
    }

    @Override
    public void addPages() {
        page = new FlashDevicePage(DevicesPlugin.getDefault().flashing(), prefill);
        addPage(page);
    }

    public FlashDevicePage page() {
        return page;
    }

    /** The progress the bar showed, as "phase percent%" lines (for the UI tests). */
    public List<String> progressSeen() {
        return List.copyOf(progressSeen);
    }

    /** The verified flash, once Finish succeeded. */
    public FlashResult result() {
        return result;
    }

    @Override
    public boolean performFinish() {
        DeviceFlashing.Settings settings = page.settings();
        DeviceFlashing flashing = DevicesPlugin.getDefault().flashing();
        AtomicReference<FlashException> failure = new AtomicReference<>();
        page.flashFailed(null);
        // The dialog cancels a running operation with the stop button beside its progress bar and only
        // disables its Cancel button; a user presses Cancel, so that stops the flash too.
        AtomicBoolean cancelPressed = new AtomicBoolean();
        Button cancelButton = button(getShell(), IDialogConstants.CANCEL_LABEL);
        Listener onCancel = e -> cancelPressed.set(true);
        if (cancelButton != null) {
            cancelButton.addListener(SWT.Selection, onCancel);
        }
        try {
            getContainer().run(true, true, monitor -> {
                try {
                    result = flash(flashing, settings, monitor, cancelPressed);
                } catch (FlashException e) {
                    failure.set(e);
                }
            });
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            failure.set(new FlashException(FlashException.Kind.IO, "the flash failed: " + cause, cause));
        } catch (InterruptedException e) {
            failure.set(new FlashException(FlashException.Kind.CANCELLED, "the flash was cancelled"));
        } finally {
            if (cancelButton != null && !cancelButton.isDisposed()) {
                cancelButton.removeListener(SWT.Selection, onCancel);
            }
        }
        if (failure.get() != null) {
            DevicesPlugin.log(Status.warning("Flash Device: " + failure.get().getMessage(), failure.get()));
            page.flashFailed(failure.get().getMessage());
            return false;
        }
        showDevice(settings.name());
        return true;
    }

    /** Runs in the forked runnable: the flash on its own thread, this one watching Cancel. */
    private FlashResult flash(DeviceFlashing flashing, DeviceFlashing.Settings settings, IProgressMonitor monitor, AtomicBoolean cancelPressed)
            throws FlashException {
        monitor.beginTask("Flashing " + settings.name() + " (" + settings.board() + ")", TICKS);
        CancelSignal cancel = new CancelSignal();
        int[] shown = { 0 };
        FlashListener listener = (phase, done, total, message) -> {
            int ticks = total == 0 ? TICKS : (int) (TICKS * done / total);
            synchronized (shown) {
                if (ticks > shown[0]) {
                    monitor.worked(ticks - shown[0]);
                    shown[0] = ticks;
                }
            }
            String line = phase.label() + " " + (total == 0 ? 100 : done * 100 / total) + "%";
            monitor.subTask(capitalized(phase) + (message.isEmpty() ? "" : ": " + message));
            if (progressSeen.isEmpty() || !progressSeen.get(progressSeen.size() - 1).equals(line)) {
                progressSeen.add(line);
            }
        };
        CompletableFuture<FlashResult> running = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                running.complete(flashing.flash(settings, listener, cancel));
            } catch (FlashException | RuntimeException e) {
                running.completeExceptionally(e);
            }
        }, "eave-flash-wizard " + settings.name());
        thread.setDaemon(true);
        thread.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(FLASH_LIMIT_MINUTES);
        try {
            while (true) {
                if (monitor.isCanceled() || cancelPressed.get()) {
                    cancel.cancel();   // the flasher stops at the next block and fails with CANCELLED
                }
                if (System.nanoTime() > deadline) {
                    cancel.cancel();
                }
                try {
                    return running.get(CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // keep watching
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FlashException f) {
                throw f;
            }
            throw new FlashException(FlashException.Kind.IO, "the flash failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            cancel.cancel();
            Thread.currentThread().interrupt();
            throw new FlashException(FlashException.Kind.CANCELLED, "the flash was interrupted");
        } finally {
            monitor.done();
        }
    }

    private static Button button(Composite parent, String label) {
        for (Control c : parent.getChildren()) {
            if (c instanceof Button b && b.getText().equals(label)) {
                return b;
            }
            if (c instanceof Composite child) {
                Button found = button(child, label);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String capitalized(FlashPhase phase) {
        String l = phase.label();
        return Character.toUpperCase(l.charAt(0)) + l.substring(1);
    }

    /** Opens the Devices view on the flashed device (it connects in the background). */
    private static void showDevice(String name) {
        try {
            var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            if (window != null && window.getActivePage() != null) {
                DevicesView view = (DevicesView) window.getActivePage().showView(DevicesView.ID);
                view.refresh();
                view.select(name);
            }
        } catch (PartInitException e) {
            DevicesPlugin.log(e.getStatus());
        }
    }
}
