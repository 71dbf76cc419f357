package io.eave.toit.ide;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Starts the Toit language server: over stdio by default, or with {@code --port N} on a loopback
 * socket (one client). Logging goes to stderr; stdout carries the protocol.
 */
public final class ToitServerLauncher {
    private ToitServerLauncher() {
    }

    public static void main(String[] args) throws Exception {
        int port = -1;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) port = Integer.parseInt(args[++i]);
        }
        if (port < 0) {
            run(System.in, System.out).get();
            return;
        }
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            System.err.println("eave-toit language server on 127.0.0.1:" + server.getLocalPort());
            try (Socket socket = server.accept()) {
                run(socket.getInputStream(), socket.getOutputStream()).get();
            }
        }
    }

    /** Serves one client on the given streams; the future ends when the input closes. */
    public static Future<Void> run(InputStream in, OutputStream out) {
        ToitLanguageServer server = new ToitLanguageServer();
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        return launcher.startListening();
    }
}
