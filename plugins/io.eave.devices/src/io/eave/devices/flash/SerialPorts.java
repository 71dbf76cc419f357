package io.eave.devices.flash;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fazecast.jSerialComm.SerialPort;

/**
 * The serial ports of this machine for the Flash Device wizard, and which one is most likely the
 * board: a USB-UART bridge that ESP boards carry (Espressif's own USB-Serial-JTAG, Silicon Labs
 * CP210x, WCH CH340, FTDI), then any USB serial port ({@code ttyUSB}, {@code ttyACM}), then the
 * rest (built-in UARTs, {@code ttyS*}, are almost never a board).
 */
public final class SerialPorts {

    /** A port as the wizard lists it. */
    public record Port(String path, String description, int vendorId) {
        public String label() {
            return description.isBlank() || description.equals(path) ? path : path + " (" + description + ")";
        }
    }

    /** USB vendor ids of the bridges found on ESP32 boards. */
    static final Set<Integer> BOARD_BRIDGES = Set.of(0x303A, 0x10C4, 0x1A86, 0x0403);

    private SerialPorts() {
    }

    /** The ports now, the likeliest first; lists the system's ports (fast, but call it off the UI thread). */
    public static List<Port> list() {
        List<Port> ports = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            ports.add(new Port(p.getSystemPortPath(), p.getDescriptivePortName(), p.getVendorID()));
        }
        ports.sort(Comparator.comparingInt(SerialPorts::rank));
        return ports;
    }

    /** The port to pre-select: {@code preferred} when it is listed or given, else the likeliest. */
    public static Optional<String> likely(List<Port> ports, String preferred) {
        if (preferred != null && !preferred.isBlank()) {
            return Optional.of(preferred);
        }
        return ports.stream().min(Comparator.comparingInt(SerialPorts::rank)).filter(p -> rank(p) < 2).map(Port::path);
    }

    /** 0 a known board bridge, 1 another USB serial port, 2 anything else. */
    static int rank(Port p) {
        if (BOARD_BRIDGES.contains(p.vendorId())) {
            return 0;
        }
        String name = p.path();
        return name.contains("ttyUSB") || name.contains("ttyACM") || name.contains("cu.usb") ? 1 : 2;
    }
}
