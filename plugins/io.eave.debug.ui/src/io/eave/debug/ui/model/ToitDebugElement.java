package io.eave.debug.ui.model;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.DebugElement;
import org.eclipse.debug.core.model.IDebugTarget;

import io.eave.debug.ui.breakpoints.ToitBreakpoints;

/** What every element of the Toit debug model shares: the model id, its target, waiting for answers. */
abstract class ToitDebugElement extends DebugElement {
    /** How long a view's request (frames, variables) waits for the adapter; never on the UI thread. */
    static final long ANSWER_WAIT_S = 10;

    ToitDebugElement(IDebugTarget target) {
        super(target);
    }

    @Override
    public String getModelIdentifier() {
        return ToitBreakpoints.MODEL_ID;
    }

    @Override
    public ILaunch getLaunch() {
        return getDebugTarget().getLaunch();
    }

    ToitDebugTarget target() {
        return (ToitDebugTarget) getDebugTarget();
    }

    /**
     * The adapter's answer, for the debug views' content providers (which call the model on their
     * own worker threads): waits at most {@link #ANSWER_WAIT_S} seconds.
     */
    static <T> T answer(CompletableFuture<T> future, String what) throws DebugException {
        try {
            return future.get(ANSWER_WAIT_S, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new DebugException(Status.error(what + ": the debugger did not answer within " + ANSWER_WAIT_S + " s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DebugException(Status.error(what + ": interrupted"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DebugException(Status.error(what + ": " + cause.getMessage(), cause));
        }
    }
}
