package io.eave.devices;

import io.eave.device.DeviceAddress;

/**
 * A device the IDE knows: the simulated device it started, another simulator that answered
 * discovery on this host, or a device added by hand.
 *
 * @param kind     how the IDE knows it
 * @param spec     how a launch configuration names it: "" for the IDE's simulated device (the
 *                 default), a simulator's or an emulated board's name, or the address typed by hand (tcp:HOST:PORT or a
 *                 serial port path), as {@code eave --device} takes it
 * @param name     the name people see
 * @param address  where the link goes
 * @param firmware the firmware version it reported, "" when not known yet
 */
public record KnownDevice(Kind kind, String spec, String name, DeviceAddress address, String firmware) {

    public enum Kind {
        /** The simulated device the IDE started (the default device). */
        IDE_SIMULATOR("simulator (started by the IDE)"),
        /** A simulator found by discovery on this host. */
        SIMULATOR("simulator"),
        /** A device added by hand: a serial port or tcp:HOST:PORT. */
        ADDED("added by hand"),
        /** A QEMU board the IDE flashed and started (its serial line is a pty that changes at each boot). */
        EMULATED_BOARD("QEMU board (started by the IDE)");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** The spec of the default device, the simulated device the IDE starts. */
    public static final String DEFAULT_SPEC = "";

    /** One key per link end: host:port for TCP, the path for a serial port. */
    public String key() {
        return key(address);
    }

    static String key(DeviceAddress address) {
        return address.isTcp() ? "tcp:" + address.host() + ":" + address.port() : address.serialPath();
    }

    /** Where it is, as people read it: 127.0.0.1:4711 or /dev/ttyUSB0. */
    public String where() {
        return address.isTcp() ? address.host() + ":" + address.port() : address.serialPath();
    }
}
