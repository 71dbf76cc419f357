package io.eave.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** The link over TCP (the simulator on loopback, boards on WiFi). */
public final class TcpTransport implements Transport {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String address;

    private TcpTransport(Socket socket, String address) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.address = address;
    }

    /** Connects, or throws a {@link LinkException} that says which address did not answer. */
    public static TcpTransport connect(String host, int port, Duration timeout) throws LinkException {
        String address = host + ":" + port;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true); // small frames, one in flight: never wait for Nagle
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return new TcpTransport(socket, address);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to clean up
            }
            throw new LinkException("cannot connect to the device at " + address + ": " + e.getMessage()
                    + " (is the device or eave-sim running, and is the port right?)", e);
        }
    }

    @Override
    public void write(byte[] data) throws IOException {
        synchronized (out) {
            out.write(data);
            out.flush();
        }
    }

    @Override
    public int read(byte[] buffer, int timeoutMillis) throws IOException {
        socket.setSoTimeout(Math.max(1, timeoutMillis));
        try {
            return in.read(buffer);
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public LinkTiming timing() {
        return LinkTiming.TCP;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
