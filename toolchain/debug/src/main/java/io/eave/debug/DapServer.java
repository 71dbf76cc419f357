package io.eave.debug;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/** Runs the adapter over a pair of streams (stdio) or one TCP client at a time ({@code eave dap --port N}). */
public final class DapServer {
    private DapServer() {
    }

    /** Serves one DAP client on these streams; the future ends when the input ends. */
    public static Future<Void> serve(EaveDebugAdapter adapter, InputStream in, OutputStream out) {
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "eave-dap");
            t.setDaemon(true);
            return t;
        });
        Launcher<IDebugProtocolClient> launcher = DSPLauncher.createServerLauncher(adapter, in, out, threads, null);
        adapter.connect(launcher.getRemoteProxy());
        return launcher.startListening();
    }

    /** A loopback server socket for DAP clients (port 0: any free port). */
    public static ServerSocket listen(int port) throws IOException {
        return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
    }

    /** Accepts one client on the socket and serves it with a fresh adapter until it disconnects. */
    public static void serveOne(ServerSocket server, java.util.function.Supplier<EaveDebugAdapter> adapters) throws IOException {
        try (Socket socket = server.accept()) {
            socket.setTcpNoDelay(true);
            Future<Void> done = serve(adapters.get(), socket.getInputStream(), socket.getOutputStream());
            try {
                done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                // the client went away
            }
        }
    }
}
