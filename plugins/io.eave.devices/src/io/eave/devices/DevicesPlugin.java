package io.eave.devices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Plugin;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.osgi.framework.BundleContext;
import org.osgi.service.prefs.BackingStoreException;

import io.eave.device.DeviceAddress;
import io.eave.devices.flash.DeviceFlashing;
import io.eave.devices.flash.EmulatedBoards;
import io.eave.flash.DeviceFolder;
import io.eave.firmware.SimulatorBinary;

/**
 * The device model of the IDE, one per workbench: the {@link DeviceRegistry} with its links and
 * the simulated device. Starting the simulator is the startup extension's job (off the UI
 * thread); stopping it is this plugin's, when the IDE ends.
 */
public final class DevicesPlugin extends Plugin {

    public static final String ID = "io.eave.devices";
    /** Preference: start the simulated device with the IDE (default true). */
    public static final String PREF_START_SIMULATOR = "startSimulator";
    /** Preference: the default device of launches, "" for the simulated device (a name or an address). */
    public static final String PREF_DEFAULT_DEVICE = "defaultDevice";
    /** Preference: the devices added by hand, one address a line. */
    public static final String PREF_MANUAL_DEVICES = "manualDevices";
    /** How long a link waits for the device: to connect, and then for each answer. */
    public static final Duration LINK_TIMEOUT = Duration.ofSeconds(5);

    private static volatile DevicesPlugin instance;
    private DeviceRegistry registry;
    private EmulatedBoards boards;
    private IEclipsePreferences.IPreferenceChangeListener preferenceListener;

    public static DevicesPlugin getDefault() {
        return instance;
    }

    @Override
    public void start(BundleContext context) throws Exception {
        super.start(context);
        instance = this;
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        DeviceRegistry r;
        EmulatedBoards b;
        synchronized (this) {
            r = registry;
            b = boards;
            registry = null;
            boards = null;
        }
        if (b != null) {
            b.close();
        }
        if (r != null) {
            preferences().removePreferenceChangeListener(preferenceListener);
            r.links().close();
            r.simulator().dispose();
        }
        instance = null;
        super.stop(context);
    }

    /** The IDE's devices; created on first use (cheap: nothing connects or starts here). */
    public synchronized DeviceRegistry registry() {
        if (registry == null) {
            Path state = getStateLocation().toPath();
            IdeSimulator simulator = new IdeSimulator(() -> simulatorBinary(state.resolve("bin")),
                    state.resolve("sim").resolve(IdeSimulator.NAME + ".store"), IdeSimulator.NAME);
            registry = new DeviceRegistry(simulator, new PreferenceManualDevices(), new SecureStorageSecrets(secureStorage(state.resolve("secure"))),
                    new DeviceLinks(LINK_TIMEOUT), DeviceAddress.DISCOVERY_WAIT);
            preferenceListener = event -> {
                if (PREF_START_SIMULATOR.equals(event.getKey())) {
                    applySimulatorPreference();
                }
            };
            preferences().addPreferenceChangeListener(preferenceListener);
            registry.setDefaultDevice(() -> preferences().get(PREF_DEFAULT_DEVICE, ""));
            registry.links().ports().onProblem(message -> log(Status.warning(message)));
        }
        return registry;
    }

    /** The QEMU boards the IDE started after flashing them. */
    public synchronized EmulatedBoards emulatedBoards() {
        if (boards == null) {
            boards = new EmulatedBoards(registry());
        }
        return boards;
    }

    /** Flashes boards for the Flash Device wizard; devices go to {@code <eave home>/boards} like {@code eave flash}'s. */
    public DeviceFlashing flashing() {
        return new DeviceFlashing(registry(), emulatedBoards(), DeviceFolder.boardsRoot());
    }

    /** Starts or stops the simulated device as the preference says; returns at once. */
    public void applySimulatorPreference() {
        IdeSimulator simulator = registry().simulator();
        if (preferences().getBoolean(PREF_START_SIMULATOR, true)) {
            simulator.start().whenComplete((s, e) -> {
                if (e != null) {
                    log(Status.warning(simulator.problem(), e));
                }
            });
        } else {
            simulator.stop();
        }
    }

    public static IEclipsePreferences preferences() {
        return InstanceScope.INSTANCE.getNode(ID);
    }

    /**
     * Eclipse secure storage. An installation without a password provider (the Linux keyring and
     * the master-password prompt are separate bundles, not in the Eave IDE) cannot encrypt in the
     * default storage; then the secrets go to a storage of this plugin whose password is a random
     * key in a file only the user can read, as the simulator keeps its own secret.
     */
    private static ISecurePreferences secureStorage(Path folder) {
        var point = Platform.getExtensionRegistry().getExtensionPoint("org.eclipse.equinox.security", "secureStorage");
        if (point != null && point.getExtensions().length > 0) {
            return SecurePreferencesFactory.getDefault();
        }
        try {
            Files.createDirectories(folder);
            Path keyFile = folder.resolve("key");
            if (!Files.exists(keyFile)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(keyFile, HexFormat.of().formatHex(random));
            }
            String key = Files.readString(keyFile).trim();
            Map<String, Object> options = new HashMap<>();
            options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(key.toCharArray()));
            options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
            return SecurePreferencesFactory.open(folder.resolve("secure_storage").toUri().toURL(), options);
        } catch (IOException | UnsupportedOperationException e) {
            log(Status.warning("cannot open the device secrets' storage in " + folder + ": " + e.getMessage(), e));
            return SecurePreferencesFactory.getDefault();
        }
    }

    /** EAVE_SIM or -Deave.sim when set (a simulator being worked on), else the bundled one. */
    private static Path simulatorBinary(Path folder) throws IOException {
        String given = System.getProperty("eave.sim", System.getenv("EAVE_SIM"));
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        return SimulatorBinary.extractTo(folder);
    }

    public static void log(org.eclipse.core.runtime.IStatus status) {
        ILog.of(DevicesPlugin.class).log(status);
    }

    /** The devices added by hand in the instance preferences. */
    private static final class PreferenceManualDevices implements DeviceRegistry.ManualDevices {
        @Override
        public List<String> load() {
            String value = preferences().get(PREF_MANUAL_DEVICES, "");
            return Arrays.stream(value.split("\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }

        @Override
        public void save(List<String> specs) {
            IEclipsePreferences node = preferences();
            node.put(PREF_MANUAL_DEVICES, String.join("\n", specs));
            try {
                node.flush();
            } catch (BackingStoreException e) {
                log(Status.warning("cannot save the devices added by hand: " + e.getMessage(), e));
            }
        }
    }
}
