package io.eave.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

import io.eave.link.Discovery;

/** {@code eave devices}: lists the simulated devices that answer discovery on this host. */
final class DevicesCommand {

    /** Answers come from the same host within milliseconds; this leaves room for a loaded machine. */
    private static final Duration WAIT = Duration.ofMillis(300);

    private final PrintStream out;
    private final PrintStream err;

    DevicesCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        if (!args.isEmpty()) {
            err.println("eave devices: takes no arguments");
            return 2;
        }
        List<Discovery.Device> devices;
        try {
            devices = Discovery.discover(WAIT);
        } catch (IOException e) {
            err.println("eave devices: discovery failed: " + e.getMessage());
            return 1;
        }
        if (devices.isEmpty()) {
            out.println("no devices found on this host (start one with ./eave simulate)");
            return 0;
        }
        out.printf("%-16s %-16s %-22s %-14s %s%n", "NAME", "ID", "TCP", "SERIAL", "FIRMWARE");
        for (Discovery.Device d : devices) {
            out.printf("%-16s %-16s %-22s %-14s %s%n", d.name(), d.id(), d.tcpPort() > 0 ? d.tcpHost() + ":" + d.tcpPort() : "-",
                    d.serial() != null ? d.serial() : "-", d.firmware());
        }
        return 0;
    }
}
