package io.eave.devices.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.IInputValidator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import io.eave.device.ContainerInfo;
import io.eave.device.ManagementException;
import io.eave.devices.ContainerLabels;
import io.eave.devices.DeviceRegistry;
import io.eave.devices.DevicesPlugin;
import io.eave.devices.IdeSimulator;
import io.eave.devices.KnownDevice;
import io.eave.devices.SharedDevice;
import io.eave.devices.ui.flash.FlashDeviceWizard;

/**
 * The Eave Devices view: the devices the IDE knows (top) and the containers of the selected one
 * (bottom), with Install, Start, Stop, Uninstall, Run on Boot and a console monitor.
 *
 * <p>Threading: every device round trip runs in a {@link Job} and waits there with a timeout;
 * the UI thread only reads what the jobs left and is updated with {@code asyncExec}. A refresh
 * job runs every {@link #REFRESH_PERIOD_MS} ms while the view is open, and at once after an
 * action or a device event.
 */
public final class DevicesView extends ViewPart {

    public static final String ID = "io.eave.devices.view";
    static final long REFRESH_PERIOD_MS = 2000;

    private DeviceRegistry registry;
    private TableViewer devices;
    private TableViewer containers;
    private Label containersTitle;
    private Label status;
    private final RefreshJob refreshJob = new RefreshJob();
    private final Runnable registryListener = () -> ui(() -> showDevices(registry.devices()));
    private volatile KnownDevice selected;
    private volatile boolean disposed;
    private SharedDevice listened;
    private Runnable stopListening;

    private Action addDevice;
    private Action removeDevice;
    private Action flashDevice;
    private Action install;
    private Action start;
    private Action stop;
    private Action uninstall;
    private Action runOnBoot;
    private Action console;

    @Override
    public void createPartControl(Composite parent) {
        registry = DevicesPlugin.getDefault().registry();
        Composite root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        root.setLayout(layout);
        SashForm sash = new SashForm(root, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

        devices = table(sash);
        column(devices, "Device", 160, d -> ((KnownDevice) d).name() + (registry.isDefault((KnownDevice) d) ? " (default)" : ""));
        column(devices, "Kind", 200, d -> ((KnownDevice) d).kind().description());
        column(devices, "Address", 170, d -> ((KnownDevice) d).where());
        column(devices, "Firmware", 100, d -> ((KnownDevice) d).firmware());
        devices.addSelectionChangedListener(e -> {
            Object first = e.getStructuredSelection().getFirstElement();
            KnownDevice device = (KnownDevice) first;
            if (device == null ? selected != null : !device.equals(selected)) {
                selected = device;
                containers.setInput(List.of());
                containersTitle.setText(device == null ? "Containers" : "Containers on " + device.name() + ": connecting...");
                refreshJob.schedule();
            }
            updateActions();
        });

        Composite bottom = new Composite(sash, SWT.NONE);
        bottom.setLayout(layout);
        containersTitle = new Label(bottom, SWT.NONE);
        containersTitle.setText("Containers");
        containersTitle.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        containers = table(bottom);
        containers.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        column(containers, "Name", 160, c -> ((ContainerInfo) c).name());
        column(containers, "State", 160, c -> ContainerLabels.state((ContainerInfo) c));
        column(containers, "Memory", 130, c -> ContainerLabels.memory((ContainerInfo) c));
        column(containers, "Uptime", 100, c -> ContainerLabels.uptime((ContainerInfo) c));
        column(containers, "Run on boot", 90, c -> ContainerLabels.runOnBoot((ContainerInfo) c));
        containers.addSelectionChangedListener(e -> updateActions());
        sash.setWeights(2, 3);

        status = new Label(root, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        createActions();
        registry.addListener(registryListener);
        registry.simulator().addListener(registryListener);
        showDevices(registry.devices());
        refreshJob.schedule();
    }

    private static TableViewer table(Composite parent) {
        TableViewer viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        return viewer;
    }

    private static void column(TableViewer viewer, String title, int width, Function<Object, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }
        });
    }

    private void createActions() {
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        Action refresh = action("Refresh", "Looks for devices and reads the containers again", () -> refreshJob.schedule());
        refresh.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_ELCL_SYNCED));
        addDevice = action("Add Device...", "Adds a device by its serial port or tcp:HOST:PORT", this::addDevice);
        addDevice.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_OBJ_ADD));
        removeDevice = action("Remove Device", "Forgets a device added by hand and its secret", this::removeDevice);
        removeDevice.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_ETOOL_DELETE));
        flashDevice = action("Flash Device...", "Writes the Eave firmware to the selected board (or another one)", this::flashDevice);
        install = action("Install...", "Installs a compiled program image (.img) on the device", this::install);
        start = action("Start", "Starts the selected container", () -> containerAction("Starting", "started",
                (d, c) -> d.management().start(c.name(), List.of())));
        stop = action("Stop", "Stops the selected container", () -> containerAction("Stopping", "stopped",
                (d, c) -> d.management().stop(c.name())));
        uninstall = action("Uninstall", "Removes the selected container from the device", this::uninstall);
        runOnBoot = action("Run on Boot", "Whether the selected container starts when the device boots",
                () -> containerAction("Changing run on boot of", "changed",
                        (d, c) -> d.management().setRunOnBoot(c.name(), !c.runOnBoot())));
        console = action("Open Console", "Shows the selected container's console output", this::openConsole);

        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(refresh);
        toolbar.add(addDevice);
        toolbar.add(removeDevice);
        toolbar.add(flashDevice);
        MenuManager deviceMenu = new MenuManager();
        deviceMenu.add(refresh);
        deviceMenu.add(addDevice);
        deviceMenu.add(removeDevice);
        deviceMenu.add(new Separator());
        deviceMenu.add(flashDevice);
        devices.getTable().setMenu(deviceMenu.createContextMenu(devices.getTable()));
        MenuManager containerMenu = new MenuManager();
        for (Action a : List.of(install, start, stop, uninstall)) {
            containerMenu.add(a);
        }
        containerMenu.add(new Separator());
        containerMenu.add(runOnBoot);
        containerMenu.add(console);
        containers.getTable().setMenu(containerMenu.createContextMenu(containers.getTable()));
        var menu = getViewSite().getActionBars().getMenuManager();
        for (Action a : List.of(install, start, stop, uninstall, runOnBoot, console)) {
            menu.add(a);
        }
        updateActions();
    }

    private static Action action(String text, String tooltip, Runnable run) {
        Action action = new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
        action.setToolTipText(tooltip);
        return action;
    }

    private void updateActions() {
        KnownDevice device = selected;
        ContainerInfo container = selectedContainer();
        removeDevice.setEnabled(device != null && device.kind() == KnownDevice.Kind.ADDED);
        install.setEnabled(device != null);
        boolean running = container != null && container.state() == ContainerInfo.State.RUNNING;
        start.setEnabled(container != null && !running);
        stop.setEnabled(running);
        uninstall.setEnabled(container != null);
        runOnBoot.setEnabled(container != null);
        runOnBoot.setText(container != null && container.runOnBoot() ? "Do Not Run on Boot" : "Run on Boot");
        console.setEnabled(container != null);
    }

    private ContainerInfo selectedContainer() {
        return (ContainerInfo) containers.getStructuredSelection().getFirstElement();
    }

    /** The devices table, as a person sees it (for tests). */
    public Table devicesTable() {
        return devices.getTable();
    }

    /** The containers table of the selected device (for tests). */
    public Table containersTable() {
        return containers.getTable();
    }

    /** The title over the containers: whose they are, or why they cannot be read (for tests). */
    public String containersTitle() {
        return containersTitle.getText();
    }

    /** The line under the tables: what went wrong last, or the simulator's state (for tests). */
    public String statusText() {
        return status.getText();
    }

    /** Selects the device shown in the table with this name (for tests and the launch). */
    public void select(String deviceName) {
        for (KnownDevice d : registry.devices()) {
            if (d.name().equals(deviceName)) {
                devices.setSelection(new StructuredSelection(d), true);
            }
        }
    }

    /** Refreshes now rather than at the next period. */
    public void refresh() {
        refreshJob.schedule();
    }

    private void showDevices(List<KnownDevice> list) {
        if (devices.getTable().isDisposed()) {
            return;
        }
        IStructuredSelection before = devices.getStructuredSelection();
        devices.setInput(list);
        KnownDevice keep = (KnownDevice) before.getFirstElement();
        KnownDevice next = keep != null && list.contains(keep) ? keep
                : keep != null ? list.stream().filter(d -> d.spec().equals(keep.spec()) && d.kind() == keep.kind()).findFirst().orElse(null)
                : null;
        if (next == null && !list.isEmpty()) {
            next = list.get(0);
        }
        if (next != null) {
            devices.setSelection(new StructuredSelection(next), true);
        } else if (selected != null) {
            devices.setSelection(StructuredSelection.EMPTY);
        }
        IdeSimulator sim = registry.simulator();
        String text = switch (sim.state()) {
            case FAILED -> sim.problem();
            case STARTING -> "Starting the simulated device...";
            case OFF -> "The simulated device is off (Preferences > Toit > Devices).";
            case RUNNING -> "";
        };
        if (!registry.discoveryProblem().isEmpty()) {
            text = (text.isEmpty() ? "" : text + " ") + registry.discoveryProblem();
        }
        setStatus(text);
    }

    private void showContainers(KnownDevice device, List<ContainerInfo> list, String problem) {
        if (containers.getTable().isDisposed() || device != selected) {
            return;
        }
        ContainerInfo before = selectedContainer();
        containers.setInput(list);
        if (before != null) {
            list.stream().filter(c -> c.name().equals(before.name())).findFirst()
                    .ifPresent(c -> containers.setSelection(new StructuredSelection(c)));
        }
        containersTitle.setText(problem != null ? "Containers on " + device.name() + ": " + problem
                : "Containers on " + device.name() + (list.isEmpty() ? ": none installed" : ""));
        updateActions();
    }

    private void setStatus(String text) {
        if (!status.isDisposed() && !status.getText().equals(text)) {
            status.setText(text);
            status.getParent().layout();
        }
    }

    private void ui(Runnable runnable) {
        Display display = PlatformUI.getWorkbench().getDisplay();
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                if (!disposed) {
                    runnable.run();
                }
            });
        }
    }

    /** Discovery, then the selected device's containers; every wait is in this job, with a timeout. */
    private final class RefreshJob extends Job {
        RefreshJob() {
            super("Refreshing Eave devices");
            setSystem(true);
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            List<KnownDevice> list = registry.refresh();
            ui(() -> showDevices(list));
            KnownDevice device = selected;
            if (device != null && !monitor.isCanceled()) {
                Duration wait = registry.links().timeout();
                try {
                    SharedDevice shared = await(registry.connect(device), wait.multipliedBy(2));
                    listenTo(shared);
                    List<ContainerInfo> found = await(shared.management().list(), wait);
                    ui(() -> showContainers(device, found, null));
                } catch (IOException e) {
                    ui(() -> showContainers(device, List.of(), e.getMessage()));
                }
            }
            if (!disposed) {
                schedule(REFRESH_PERIOD_MS);
            }
            return Status.OK_STATUS;
        }
    }

    /** Refreshes at once when the device says a container started or ended. */
    private synchronized void listenTo(SharedDevice shared) {
        if (shared == listened) {
            return;
        }
        if (stopListening != null) {
            stopListening.run();
        }
        listened = shared;
        stopListening = shared.onEvent(event -> refreshJob.schedule(100));
    }

    /** Waits in a job for a device answer; the device's refusal or silence becomes an IOException saying so. */
    static <T> T await(CompletableFuture<T> future, Duration wait) throws IOException {
        try {
            return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IOException("no answer within " + wait.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof ManagementException m) {
                throw new IOException(m.getMessage(), m);
            }
            throw new IOException(String.valueOf(cause.getMessage()), cause);
        }
    }

    private void addDevice() {
        AddDeviceDialog dialog = new AddDeviceDialog(getSite().getShell());
        if (dialog.open() != AddDeviceDialog.OK) {
            return;
        }
        String spec = dialog.address();
        String secret = dialog.secret();
        run("Adding the device " + spec, monitor -> {
            registry.add(spec, secret);
            ui(() -> select(spec));
            return "added " + spec;
        });
    }

    /** Opens the Flash Device wizard with the selected device's board, port and name. */
    private void flashDevice() {
        new WizardDialog(getSite().getShell(), new FlashDeviceWizard(DevicesPlugin.getDefault().flashing().prefillFor(selected))).open();
    }

    private void removeDevice() {
        KnownDevice device = selected;
        if (device == null || device.kind() != KnownDevice.Kind.ADDED) {
            return;
        }
        if (!MessageDialog.openConfirm(getSite().getShell(), "Remove Device",
                "Forget " + device.name() + " and its secret? Its programs stay on it.")) {
            return;
        }
        run("Removing the device " + device.name(), monitor -> {
            registry.remove(device);
            return "removed " + device.name();
        });
    }

    private void install() {
        KnownDevice device = selected;
        if (device == null) {
            return;
        }
        FileDialog files = new FileDialog(getSite().getShell(), SWT.OPEN);
        files.setText("Install a Program on " + device.name());
        files.setFilterExtensions(new String[] { "*.img", "*.bin", "*" });
        files.setFilterNames(new String[] { "Program images (*.img)", "Program images (*.bin)", "All files" });
        String chosen = files.open();
        if (chosen == null) {
            return;
        }
        Path image = Path.of(chosen);
        String suggested = containerName(image);
        IInputValidator valid = text -> text.isBlank() ? "Give the container a name"
                : text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 31 ? "At most 31 bytes" : null;
        InputDialog name = new InputDialog(getSite().getShell(), "Install " + image.getFileName(),
                "Container name (installing replaces a container of that name):", suggested, valid);
        if (name.open() != InputDialog.OK) {
            return;
        }
        installImage(device, image, name.getValue().trim());
    }

    /** Installs {@code image} on {@code device} as {@code name}, in a job with progress. */
    public void installImage(KnownDevice device, Path image, String name) {
        run("Installing " + image.getFileName() + " as " + name + " on " + device.name(), monitor -> {
            byte[] bytes = Files.readAllBytes(image);
            SubMonitor progress = SubMonitor.convert(monitor, bytes.length);
            Duration wait = registry.links().timeout();
            SharedDevice shared = await(registry.connect(device), wait.multipliedBy(2));
            int[] done = { 0 };
            CompletableFuture<?> installing = shared.management().install(name, bytes, false, (sent, all) -> {
                progress.worked((int) sent - done[0]);
                done[0] = (int) sent;
            });
            await(installing, wait.multipliedBy(2 + bytes.length / 400));
            return "installed " + name + " (" + bytes.length + " bytes) on " + device.name();
        });
    }

    /** A container name from a file name: hello.img → hello. */
    static String containerName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private void uninstall() {
        ContainerInfo container = selectedContainer();
        KnownDevice device = selected;
        if (container == null || device == null) {
            return;
        }
        if (!MessageDialog.openConfirm(getSite().getShell(), "Uninstall",
                "Uninstall " + container.name() + " from " + device.name() + "? Its program is removed from the device.")) {
            return;
        }
        containerAction("Uninstalling", "uninstalled", (d, c) -> d.management().uninstall(c.name()));
    }

    private void containerAction(String doing, String done, java.util.function.BiFunction<SharedDevice, ContainerInfo, CompletableFuture<?>> request) {
        ContainerInfo container = selectedContainer();
        KnownDevice device = selected;
        if (container == null || device == null) {
            return;
        }
        run(doing + " " + container.name() + " on " + device.name(), monitor -> {
            Duration wait = registry.links().timeout();
            SharedDevice shared = await(registry.connect(device), wait.multipliedBy(2));
            await(request.apply(shared, container), wait);
            return done + " " + container.name();
        });
    }

    private void openConsole() {
        ContainerInfo container = selectedContainer();
        KnownDevice device = selected;
        if (container == null || device == null) {
            return;
        }
        CompletableFuture<SharedDevice> link = registry.connect(device);
        link.whenComplete((shared, error) -> ui(() -> {
            if (error != null) {
                setStatus("Cannot open the console of " + container.name() + ": " + error.getCause().getMessage());
            } else {
                ContainerConsoles.open(shared, container.name());
            }
        }));
    }

    /** A step that talks to a device: runs in a job; returns what to show when it worked. */
    @FunctionalInterface
    private interface DeviceStep {
        String run(IProgressMonitor monitor) throws IOException;
    }

    private void run(String title, DeviceStep step) {
        Job job = Job.create(title, monitor -> {
            try {
                String result = step.run(monitor);
                ui(() -> setStatus(capitalized(result) + "."));
            } catch (IOException e) {
                ui(() -> {
                    setStatus(title + " failed: " + e.getMessage());
                    MessageDialog.openError(getSite().getShell(), "Eave Devices", title + " failed:\n" + e.getMessage());
                });
            }
            refreshJob.schedule();
            return Status.OK_STATUS;
        });
        job.schedule();
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    public void setFocus() {
        devices.getTable().setFocus();
    }

    @Override
    public void dispose() {
        disposed = true;
        refreshJob.cancel();
        registry.removeListener(registryListener);
        registry.simulator().removeListener(registryListener);
        synchronized (this) {
            if (stopListening != null) {
                stopListening.run();
            }
        }
        super.dispose();
    }
}
