package io.eave.toit.editor.lsp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;

/** Waiting for a server's answer off the UI thread, and what a failed answer says. */
public final class Answers {
    private Answers() {
    }

    /** Waits up to {@code seconds}, checking the monitor for Cancel every 100 ms (cancel sends $/cancelRequest). */
    public static <T> T await(CompletableFuture<T> answer, IProgressMonitor monitor, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            if (monitor != null && monitor.isCanceled()) {
                answer.cancel(true);
                throw new OperationCanceledException();
            }
            try {
                return answer.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    answer.cancel(true);
                    throw new TimeoutException("The Toit language server did not answer within " + seconds + " s");
                }
            }
        }
    }

    /** The message of a failure: the server's error message when it refused. */
    public static String message(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) t = t.getCause();
        if (t instanceof ResponseErrorException r) return r.getResponseError().getMessage();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
