package io.eave.devices;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.eave.device.DeviceAddress;
import io.eave.link.Discovery;
import io.eave.link.Simulator;

/**
 * The devices the IDE knows, in the order the Devices view shows them: the simulated device
 * the IDE started (the default device), other simulators answering discovery on this host, and
 * the devices added by hand (their addresses kept by a {@link ManualDevices}, their secrets in
 * {@link DeviceSecrets}). {@link #refresh()} runs discovery and blocks for it: call it from a
 * Job, never from the UI thread. Also opens the links ({@link #connect}).
 */
public final class DeviceRegistry {

    /** Keeps the addresses of the devices added by hand (the plugin's preferences in the IDE). */
    public interface ManualDevices {
        List<String> load();

        void save(List<String> specs);
    }

    private final IdeSimulator simulator;
    private final ManualDevices manual;
    private final DeviceSecrets secrets;
    private final DeviceLinks links;
    private final Duration discoveryWait;
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile List<KnownDevice> devices = List.of();
    private final CopyOnWriteArrayList<KnownDevice> boards = new CopyOnWriteArrayList<>();
    private volatile String discoveryProblem = "";
    private volatile java.util.function.Supplier<String> defaultSpec = () -> "";

    public DeviceRegistry(IdeSimulator simulator, ManualDevices manual, DeviceSecrets secrets, DeviceLinks links,
            Duration discoveryWait) {
        this.simulator = simulator;
        this.manual = manual;
        this.secrets = secrets;
        this.links = links;
        this.discoveryWait = discoveryWait;
        simulator.addListener(this::simulatorChanged);
    }

    /**
     * Where the default device's spec comes from (Preferences > Toit > Devices): "" keeps the
     * IDE's simulated device as the default; a name or address makes that device the default.
     */
    public void setDefaultDevice(java.util.function.Supplier<String> spec) {
        defaultSpec = spec;
    }

    /** Whether {@code d} is the device a launch without a device of its own goes to. */
    public boolean isDefault(KnownDevice d) {
        String preferred = defaultSpec.get().trim();
        return preferred.isEmpty() ? d.kind() == KnownDevice.Kind.IDE_SIMULATOR : matches(d, preferred);
    }

    private static boolean matches(KnownDevice d, String s) {
        return d.spec().equals(s) || d.name().equals(s) || d.key().equals(s) || d.where().equals(s);
    }

    public IdeSimulator simulator() {
        return simulator;
    }

    public DeviceLinks links() {
        return links;
    }

    /** The devices as of the last refresh (or change); never blocks. */
    public List<KnownDevice> devices() {
        return devices;
    }

    /** Why discovery failed last time, or "". */
    public String discoveryProblem() {
        return discoveryProblem;
    }

    /** Told (on any thread) when the list may have changed. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** Runs discovery (blocks up to the discovery wait) and rebuilds the list. */
    public List<KnownDevice> refresh() {
        List<Discovery.Device> found;
        try {
            found = Discovery.discover(discoveryWait);
            discoveryProblem = "";
        } catch (IOException e) {
            found = List.of();
            discoveryProblem = "discovery failed: " + e.getMessage();
        }
        return rebuild(found);
    }

    private synchronized List<KnownDevice> rebuild(List<Discovery.Device> found) {
        List<KnownDevice> list = new ArrayList<>();
        Simulator ide = simulator.running();
        if (ide != null) {
            list.add(new KnownDevice(KnownDevice.Kind.IDE_SIMULATOR, KnownDevice.DEFAULT_SPEC, simulator.name(),
                    DeviceAddress.tcp("127.0.0.1", ide.tcpPort()), firmwareOf(found, ide.tcpPort())));
        }
        for (Discovery.Device d : found) {
            if (d.tcpPort() < 0 || ide != null && d.tcpPort() == ide.tcpPort()) {
                continue;
            }
            String secretFile = d.fields().get("secret-file");
            DeviceAddress address = new DeviceAddress(d.tcpHost(), d.tcpPort(), null, d.name(),
                    secretFile == null || secretFile.isEmpty() ? null : Path.of(secretFile));
            if (d.name().equals(simulator.name())) {
                // Another IDE's simulated device (same default name): listed and chosen by its
                // address, so it is never taken for this IDE's own.
                String spec = "tcp:" + d.tcpHost() + ":" + d.tcpPort();
                list.add(new KnownDevice(KnownDevice.Kind.SIMULATOR, spec, spec + " (" + d.name() + ")", address, d.firmware()));
                continue;
            }
            list.add(new KnownDevice(KnownDevice.Kind.SIMULATOR, d.name(), d.name(), address, d.firmware()));
        }
        list.addAll(boards);
        for (String spec : manual.load()) {
            try {
                DeviceAddress address = parse(spec);
                list.add(new KnownDevice(KnownDevice.Kind.ADDED, spec, spec, address, ""));
            } catch (IOException e) {
                // kept as typed; cannot be reached until corrected
            }
        }
        List<KnownDevice> before = devices;
        devices = List.copyOf(list);
        if (!devices.equals(before)) {
            listeners.forEach(Runnable::run);
        }
        return devices;
    }

    private static String firmwareOf(List<Discovery.Device> found, int port) {
        return found.stream().filter(d -> d.tcpPort() == port).map(Discovery.Device::firmware).findFirst().orElse("");
    }

    private void simulatorChanged() {
        rebuild(currentlyDiscovered());
    }

    /**
     * Parses an address typed by hand: tcp:HOST:PORT (or HOST:PORT) or a serial port path.
     * Names are not accepted here: discovered simulators are listed without being added.
     */
    public static DeviceAddress parse(String spec) throws IOException {
        String s = spec.trim();
        if (s.isEmpty()) {
            throw new IOException("give a serial port path (/dev/ttyUSB0) or tcp:HOST:PORT");
        }
        if (s.startsWith("/") || s.startsWith("serial:")) {
            return DeviceAddress.resolve(s);
        }
        String hostPort = s.startsWith("tcp:") ? s.substring(4) : s;
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || !hostPort.substring(colon + 1).matches("\\d{1,5}")
                || Integer.parseInt(hostPort.substring(colon + 1)) > 65535) {
            throw new IOException("'" + spec + "' is not a device address: give a serial port path (/dev/ttyUSB0) or tcp:HOST:PORT");
        }
        return DeviceAddress.tcp(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /** Adds a device by hand (its secret, when given, goes to secure storage). */
    public synchronized KnownDevice add(String spec, String secret) throws IOException {
        String s = spec.trim();
        DeviceAddress address = parse(s);
        List<String> specs = new ArrayList<>(manual.load());
        if (!specs.contains(s)) {
            specs.add(s);
        }
        secrets.put(s, secret);
        manual.save(specs);
        rebuild(currentlyDiscovered());
        return new KnownDevice(KnownDevice.Kind.ADDED, s, s, address, "");
    }

    /**
     * Lists a QEMU board the IDE started, named {@code name}, on the pty {@code serialPath}; it
     * replaces an earlier board of that name (the board was flashed again and rebooted).
     */
    public synchronized KnownDevice putBoard(String name, String serialPath, String firmware) {
        KnownDevice board = new KnownDevice(KnownDevice.Kind.EMULATED_BOARD, name, name, DeviceAddress.serial(serialPath), firmware);
        boards.removeIf(b -> b.name().equals(name));
        boards.add(board);
        rebuild(currentlyDiscovered());
        return board;
    }

    /** Forgets the QEMU board {@code name} (it stopped) and closes its link. */
    public synchronized void removeBoard(String name) {
        for (KnownDevice b : boards) {
            if (b.name().equals(name)) {
                boards.remove(b);
                links.disconnect(b);
            }
        }
        rebuild(currentlyDiscovered());
    }

    /** Forgets a device added by hand, its secret too, and closes its link. */
    public synchronized void remove(KnownDevice device) throws IOException {
        if (device.kind() != KnownDevice.Kind.ADDED) {
            throw new IOException(device.name() + " was not added by hand: only those can be removed");
        }
        List<String> specs = new ArrayList<>(manual.load());
        specs.remove(device.spec());
        manual.save(specs);
        secrets.put(device.spec(), null);
        links.disconnect(device);
        rebuild(currentlyDiscovered());
    }

    /** The last discovery's answers, rebuilt from the list (no new discovery). */
    private List<Discovery.Device> currentlyDiscovered() {
        List<Discovery.Device> list = new ArrayList<>();
        for (KnownDevice d : devices) {
            if (d.kind() == KnownDevice.Kind.SIMULATOR || d.kind() == KnownDevice.Kind.IDE_SIMULATOR) {
                Path secretFile = d.address().secretFile();
                String name = d.address().name() != null ? d.address().name() : d.name();   // as the device announced it
                list.add(new Discovery.Device(name, "", d.firmware(), d.address().host(), d.address().port(), null,
                        secretFile == null ? Map.of() : Map.of("secret-file", secretFile.toString())));
            }
        }
        return list;
    }

    /**
     * The device a launch configuration names: "" for the IDE's simulated device, a simulator's
     * name, or an address. Blocks for discovery when the name is not known yet: call it off the
     * UI thread. Fails with what to do when the device cannot be found.
     */
    public KnownDevice resolve(String spec) throws IOException {
        String s = spec == null ? "" : spec.trim();
        if (s.isEmpty() && !defaultSpec.get().isBlank()) {
            s = defaultSpec.get().trim();   // the default device chosen in the preferences
        }
        if (s.isEmpty()) {
            KnownDevice ide = ideDevice();
            if (ide != null) {
                return ide;
            }
            String why = simulator.state() == IdeSimulator.State.FAILED ? " (" + simulator.problem() + ")" : "";
            throw new IOException("the simulated device is not running" + why + ": turn on 'Start the simulated device with the IDE' in"
                    + " Preferences > Toit > Devices, or choose a device on the launch configuration's Device tab");
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            for (KnownDevice d : devices) {
                if (matches(d, s)) {
                    return d;
                }
            }
            if (attempt == 0) {
                refresh();
            }
        }
        try {
            DeviceAddress address = parse(s);
            return new KnownDevice(KnownDevice.Kind.ADDED, s, s, address, "");
        } catch (IOException e) {
            throw new IOException("no device named '" + s + "' answers on this host, and it is not an address"
                    + " (tcp:HOST:PORT or a serial port path): start it, or add it in the Eave Devices view");
        }
    }

    private KnownDevice ideDevice() {
        for (KnownDevice d : devices) {
            if (d.kind() == KnownDevice.Kind.IDE_SIMULATOR) {
                return d;
            }
        }
        Simulator ide = simulator.running();
        if (ide == null) {
            return null;
        }
        return rebuild(currentlyDiscovered()).stream().filter(d -> d.kind() == KnownDevice.Kind.IDE_SIMULATOR).findFirst()
                .orElse(null);
    }

    /** Opens (or reuses) the link to {@code device}; never blocks. */
    public CompletableFuture<SharedDevice> connect(KnownDevice device) {
        return links.connect(device, () -> secretOf(device));
    }

    /** The link secret of {@code device} (a debug session opens a link of its own); reads files or secure storage: not on the UI thread. */
    public String secretOf(KnownDevice device) throws Exception {
        return switch (device.kind()) {
            case IDE_SIMULATOR -> {
                Simulator ide = simulator.running();
                if (ide == null) {
                    throw new IOException("the simulated device is not running");
                }
                yield ide.secret();
            }
            case SIMULATOR -> device.address().secret(null);
            case ADDED -> secrets.get(device.spec());
            case EMULATED_BOARD -> null;   // a serial line: trusted by physical access, no secret
        };
    }
}
