package io.eave.link;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds simulated devices on this host (docs/link-protocol.md, section 6): a query to UDP 47800..47815 on loopback. */
public final class Discovery {

    public static final int FIRST_PORT = 47800;
    public static final int PORTS = 16;
    private static final byte[] QUERY = "EAVE?\n".getBytes(StandardCharsets.US_ASCII);

    /** One answer: the device's fields; {@code tcpPort} -1 or {@code serial} null when it has no such address. */
    public record Device(String name, String id, String firmware, String tcpHost, int tcpPort, String serial, Map<String, String> fields) {

        static Device parse(String text) {
            Map<String, String> fields = new LinkedHashMap<>();
            String[] lines = text.split("\n");
            if (lines.length == 0 || !lines[0].startsWith("eave-device ")) {
                return null;
            }
            for (int i = 1; i < lines.length; i++) {
                int equals = lines[i].indexOf('=');
                if (equals > 0) {
                    fields.put(lines[i].substring(0, equals), lines[i].substring(equals + 1));
                }
            }
            String tcp = fields.getOrDefault("tcp", "");
            int colon = tcp.lastIndexOf(':');
            int port = -1;
            try {
                port = colon > 0 ? Integer.parseInt(tcp.substring(colon + 1)) : -1;
            } catch (NumberFormatException e) {
                // no usable TCP address
            }
            return new Device(fields.getOrDefault("name", "?"), fields.getOrDefault("id", ""), fields.getOrDefault("firmware", ""),
                    colon > 0 ? tcp.substring(0, colon) : null, port, fields.get("serial"), Map.copyOf(fields));
        }
    }

    private Discovery() {
    }

    /** Asks every discovery port and collects the answers that come within {@code wait}. */
    public static List<Device> discover(Duration wait) throws IOException {
        List<Device> devices = new ArrayList<>();
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < PORTS; i++) {
                socket.send(new DatagramPacket(QUERY, QUERY.length, InetAddress.getLoopbackAddress(), FIRST_PORT + i));
            }
            long deadline = System.nanoTime() + wait.toNanos();
            byte[] buffer = new byte[2048];
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                socket.setSoTimeout((int) left);
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    break;
                }
                Device device = Device.parse(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
                if (device != null) {
                    devices.add(device);
                }
            }
        }
        return devices;
    }
}
