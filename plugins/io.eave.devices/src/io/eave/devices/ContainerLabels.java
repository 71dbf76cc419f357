package io.eave.devices;

import java.util.Locale;

import io.eave.device.ContainerInfo;

/** The columns of the Devices view's container table, as people read them. */
public final class ContainerLabels {
    private ContainerLabels() {
    }

    /** installed, running, paused, exited (code 3), crashed (reason). */
    public static String state(ContainerInfo c) {
        String state = c.state().name().toLowerCase(Locale.ROOT);
        return switch (c.state()) {
            case EXITED -> state + " (code " + c.exitCode() + ")";
            case CRASHED -> state + (c.reason().isEmpty() ? " (code " + c.exitCode() + ")" : " (" + c.reason() + ")");
            default -> state;
        };
    }

    /** "1.5 of 64 KB" while it runs; "-" when the device reports no quota. */
    public static String memory(ContainerInfo c) {
        if (c.quota() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f of %.0f KB", c.memoryUsed() / 1024.0, c.quota() / 1024.0);
    }

    /** How long it has run: "42 s", "3 min 5 s", "2 h 7 min"; "-" when it is not running. */
    public static String uptime(ContainerInfo c) {
        if (c.state() != ContainerInfo.State.RUNNING && c.state() != ContainerInfo.State.PAUSED) {
            return "-";
        }
        return duration(c.uptimeMs());
    }

    static String duration(long ms) {
        long s = ms / 1000;
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + s % 3600 / 60 + " min";
    }

    public static String runOnBoot(ContainerInfo c) {
        return c.runOnBoot() ? "yes" : "no";
    }
}
