package io.eave.toit.editor.lsp;

import io.eave.toit.ide.ToitLanguageServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.ILog;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

import io.eave.toit.editor.preferences.LanguageServerPreferences;

/**
 * The one Toit language server of the workspace, started on first use inside the IDE: the
 * server's classes (bundle {@code io.eave.toit.server}) on daemon threads, connected to our
 * client by a loopback socket (a socket rather than {@code PipedInputStream}, which breaks once
 * the last thread that wrote to it ends — and our writers are short-lived workbench threads).
 *
 * <p>Everything sent to the server goes through one ordered daemon thread ({@link #send}), so
 * a change always reaches the server before the request that follows it, and no caller ever
 * waits for the socket. Requests answer futures; callers wait on them only off the UI thread.
 */
public final class ToitLanguageServers {
    private static final ILog LOG = ILog.of(ToitLanguageServers.class);
    private static ToitLanguageServers instance;

    private final ExecutorService outgoing = Executors.newSingleThreadExecutor(r -> daemon(r, "toit-lsp-client"));
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> daemon(r, "toit-lsp-io"));
    private final CompletableFuture<LanguageServer> server = new CompletableFuture<>();
    private final CompletableFuture<ServerCapabilities> capabilities = new CompletableFuture<>();
    private final ToitLanguageClient client = new ToitLanguageClient();
    private volatile Socket socket;
    /** A delay added to every answer and diagnostic of the server, to try the editor against a slow server. */
    private static volatile long latencyMs = Long.getLong("eave.lsp.latencyMs", 0);

    private ToitLanguageServers() {
        outgoing.execute(this::start);
        if (org.eclipse.ui.PlatformUI.isWorkbenchRunning()) {
            org.eclipse.ui.PlatformUI.getWorkbench().addWorkbenchListener(new org.eclipse.ui.IWorkbenchListener() {
                @Override
                public boolean preShutdown(org.eclipse.ui.IWorkbench workbench, boolean forced) {
                    return true;
                }

                @Override
                public void postShutdown(org.eclipse.ui.IWorkbench workbench) {
                    stop();
                }
            });
        }
    }

    /** The workspace's server, started on the first call. */
    public static synchronized ToitLanguageServers get() {
        if (instance == null) instance = new ToitLanguageServers();
        return instance;
    }

    /**
     * Makes the server look slow: every answer and every diagnostic arrives {@code ms} later
     * (0: as fast as it is). Also {@code -Deave.lsp.latencyMs=N}. For tests and trying the editor.
     */
    public static void setLatency(long ms) {
        latencyMs = ms;
    }

    /** Runs {@code arrival} after the configured latency (at once without one), off the caller's thread. */
    static void arrive(Runnable arrival) {
        long ms = latencyMs;
        if (ms <= 0) arrival.run();
        else CompletableFuture.delayedExecutor(ms, TimeUnit.MILLISECONDS).execute(arrival);
    }

    /** Stops the server if it was started (the workbench is closing). */
    public static synchronized void stop() {
        if (instance == null) return;
        ToitLanguageServers s = instance;
        instance = null;
        ToitFileWatcher.stop();
        s.send(server -> {
            try {
                server.shutdown().get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                // ending anyway
            }
            try {
                if (s.socket != null) s.socket.close();   // both readers end: ours, and the server's at end of input
            } catch (IOException e) {
                // closed anyway
            }
            s.threads.shutdown();
        });
        s.outgoing.shutdown();
    }

    /**
     * Sends a notification on the client's own thread, in order with every other message (the
     * thread's first task starts the server, so later tasks find it ready).
     */
    public void send(Consumer<LanguageServer> notification) {
        outgoing.execute(() -> {
            try {
                notification.accept(server.join());
            } catch (RuntimeException e) {
                LOG.error("Toit language server: " + e.getMessage(), e);
            }
        });
    }

    /** What the server said it can do, once it has answered {@code initialize}. */
    public CompletableFuture<ServerCapabilities> capabilities() {
        return capabilities;
    }

    /** Sends a request after every message sent before it; the answer arrives on LSP4J's reader. */
    public <T> CompletableFuture<T> request(Function<LanguageServer, CompletableFuture<T>> request) {
        CompletableFuture<T> result = new CompletableFuture<>();
        outgoing.execute(() -> {
            try {
                CompletableFuture<T> answer = request.apply(server.join());
                result.whenComplete((v, e) -> {
                    if (result.isCancelled()) answer.cancel(true);   // LSP4J sends $/cancelRequest
                });
                answer.whenComplete((v, e) -> arrive(() -> {
                    if (e != null) result.completeExceptionally(e);
                    else result.complete(v);
                }));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private void start() {
        try {
            System.setProperty("eave.lsp.embedded", "true");   // exit() must not end the IDE
            ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> serve(listener), threads);
            socket = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            Launcher.Builder<LanguageServer> builder = new LSPLauncher.Builder<LanguageServer>()
                    .setLocalService(client).setRemoteInterface(LanguageServer.class)
                    .setInput(socket.getInputStream()).setOutput(socket.getOutputStream())
                    .setExecutorService(threads);
            if (LanguageServerPreferences.traceMessages()) {   // Preferences > Toit > Language Server
                java.nio.file.Path trace = LanguageServerPreferences.traceFile();
                java.nio.file.Files.createDirectories(trace.getParent());
                builder.traceMessages(new java.io.PrintWriter(java.nio.file.Files.newBufferedWriter(trace), true));
            }
            Launcher<LanguageServer> launcher = builder.create();
            launcher.startListening();
            LanguageServer remote = launcher.getRemoteProxy();
            InitializeParams params = new InitializeParams();
            params.setProcessId((int) ProcessHandle.current().pid());
            params.setCapabilities(ToitClientCapabilities.of());
            String root = ResourcesPlugin.getWorkspace().getRoot().getLocationURI().toString();
            params.setWorkspaceFolders(List.of(new WorkspaceFolder(root, "workspace")));
            params.setClientInfo(new org.eclipse.lsp4j.ClientInfo("Eave IDE"));
            // the server builds the front end (Xtext injector, core library) before answering
            InitializeResult result = remote.initialize(params).get(120, TimeUnit.SECONDS);
            capabilities.complete(result.getCapabilities() == null ? new ServerCapabilities() : result.getCapabilities());
            remote.initialized(new InitializedParams());
            serving.exceptionally(e -> {
                LOG.error("Toit language server ended", e);
                return null;
            });
            server.complete(remote);
        } catch (Exception e) {
            LOG.error("Toit language server did not start", e);
            server.completeExceptionally(e);
            capabilities.completeExceptionally(e);
        }
    }

    private void serve(ServerSocket listener) {
        try (listener; Socket socket = listener.accept()) {
            ToitLanguageServer languageServer = new ToitLanguageServer();
            Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>()
                    .setLocalService(languageServer).setRemoteInterface(LanguageClient.class)
                    .setInput(socket.getInputStream()).setOutput(socket.getOutputStream())
                    .setExecutorService(threads).create();
            languageServer.connect(launcher.getRemoteProxy());
            launcher.startListening().get();
        } catch (IOException | InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
