package io.eave.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import java.nio.file.Files;
import java.nio.file.Path;

import io.eave.device.Device;
import io.eave.device.DeviceAddress;
import io.eave.link.Discovery;
import io.eave.link.LinkException;
import io.eave.link.Simulator;

/**
 * The options every device command shares: {@code --device D} (tcp:HOST:PORT, a serial port, or
 * a simulator's name; default: the one simulator running), {@code --secret S} and
 * {@code --timeout SECONDS}. Parsing removes them and leaves the command's own arguments.
 */
final class DeviceOptions {
    String device;
    String secret;
    Duration timeout = Duration.ofSeconds(5);
    final List<String> rest = new ArrayList<>();

    /** Returns null after printing what is wrong. */
    static DeviceOptions parse(List<String> args, String command, java.io.PrintStream err) {
        DeviceOptions o = new DeviceOptions();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("--device") || a.equals("--secret") || a.equals("--timeout")) && i + 1 >= args.size()) {
                err.println("eave " + command + ": " + a + " needs a value");
                return null;
            }
            switch (a) {
                case "--device" -> o.device = args.get(++i);
                case "--secret" -> o.secret = args.get(++i);
                case "--timeout" -> {
                    try {
                        o.timeout = Duration.ofMillis((long) (Double.parseDouble(args.get(++i)) * 1000));
                    } catch (NumberFormatException e) {
                        err.println("eave " + command + ": --timeout takes seconds, e.g. --timeout 10");
                        return null;
                    }
                }
                default -> o.rest.add(a);
            }
        }
        return o;
    }

    /** The simulated device this command started because no device was given nor running. */
    private static Simulator started;

    /**
     * Connects to the device named with --device; without one, to the one simulator running, or
     * to a simulator started on demand ('sim', its store in ~/.eave/sim), which ends with this
     * command.
     */
    Device connect(java.io.PrintStream err) throws IOException {
        if (device == null && Discovery.discover(DeviceAddress.DISCOVERY_WAIT).isEmpty()) {
            synchronized (DeviceOptions.class) {
                if (started == null) {
                    try {
                        Path store = SimulateCommand.defaultStore("sim", null);
                        Files.createDirectories(store.getParent());
                        started = Simulator.start(SimulateCommand.binary(err), "sim", store, null);
                        err.println("eave: no device given and none running: started the simulated device 'sim' for this command"
                                + " (./eave simulate keeps one running)");
                    } catch (LinkException e) {
                        throw new IOException("no device given, and the simulated device could not be started: " + e.getMessage(), e);
                    }
                }
            }
            try {
                return Device.connect(DeviceAddress.tcp("127.0.0.1", started.tcpPort()), started.secret(), timeout);
            } catch (LinkException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return Device.connect(DeviceAddress.resolve(device), secret, timeout);
    }
}
