package io.eave.debug;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.eave.link.DeviceConnection;
import io.eave.link.LinkException;
import io.eave.link.SerialTransport;
import io.eave.link.TcpTransport;
import io.eave.link.Transport;

/** Opens the device link for a {@code device} argument: {@code host:port} over TCP, anything else a serial port. */
public interface DeviceConnector {

    CompletableFuture<DeviceConnection> connect(String device, String secret);

    /** The real link: TCP for {@code host:port} (eave-sim), else a serial port path. */
    static DeviceConnector link(Duration timeout) {
        return (device, secret) -> CompletableFuture.supplyAsync(() -> {
            try {
                return open(device, timeout);
            } catch (LinkException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }).thenCompose(transport -> DeviceConnection.connectAsync(transport,
                new DeviceConnection.Options(secret, timeout)));
    }

    private static Transport open(String device, Duration timeout) throws LinkException {
        int colon = device.lastIndexOf(':');
        if (colon > 0 && device.substring(colon + 1).matches("\\d{1,5}") && !device.startsWith("/")) {
            return TcpTransport.connect(device.substring(0, colon), Integer.parseInt(device.substring(colon + 1)), timeout);
        }
        return SerialTransport.open(device);
    }
}
