package io.eave.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.eave.device.Device;
import io.eave.device.DeviceAddress;

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

    Device connect() throws IOException {
        return Device.connect(DeviceAddress.resolve(device), secret, timeout);
    }
}
