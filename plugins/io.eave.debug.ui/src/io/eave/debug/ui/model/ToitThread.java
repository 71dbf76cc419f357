package io.eave.debug.ui.model;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;

/**
 * A task of the debugged container. Its frames are read once per stop (on the target's event
 * thread before the suspend event, or by a view's worker) and kept by depth: the frame objects
 * stay the same across stops, only their contents change.
 */
public final class ToitThread extends ToitDebugElement implements IThread {
    private final int id;
    private volatile String name;
    private volatile boolean suspended;
    private volatile String stopReason;
    private final List<ToitStackFrame> frames = new ArrayList<>();
    private boolean framesCurrent;

    ToitThread(ToitDebugTarget target, int id) {
        super(target);
        this.id = id;
        this.name = "task " + (id - 1);
    }

    /** The DAP thread id (task id + 1). */
    public int id() {
        return id;
    }

    void setName(String name) {
        this.name = name;
    }

    synchronized void suspended(String reason) {
        suspended = true;
        stopReason = reason;
        framesCurrent = false;
    }

    synchronized void resumed() {
        suspended = false;
        stopReason = null;
        framesCurrent = false;
    }

    @Override
    public synchronized IStackFrame[] getStackFrames() throws DebugException {
        if (!suspended || target().isTerminated()) {
            return new IStackFrame[0];
        }
        if (!framesCurrent) {
            StackTraceArguments args = new StackTraceArguments();
            args.setThreadId(id);
            args.setStartFrame(0);
            args.setLevels(0);
            StackTraceResponse response = answer(target().server().stackTrace(args), "Reading the frames of " + name);
            StackFrame[] read = response.getStackFrames();
            for (int depth = 0; depth < read.length; depth++) {
                if (depth == frames.size()) {
                    frames.add(new ToitStackFrame(this, depth));
                }
                frames.get(depth).update(read[depth]);
            }
            while (frames.size() > read.length) {
                frames.remove(frames.size() - 1);
            }
            framesCurrent = true;
        }
        return frames.toArray(IStackFrame[]::new);
    }

    @Override
    public boolean hasStackFrames() {
        return suspended && !target().isTerminated();
    }

    @Override
    public int getPriority() {
        return 0;
    }

    @Override
    public IStackFrame getTopStackFrame() throws DebugException {
        IStackFrame[] all = getStackFrames();
        return all.length == 0 ? null : all[0];
    }

    @Override
    public String getName() {
        String reason = stopReason;
        if (!suspended) {
            return name + " (running)";
        }
        return name + " (suspended" + (reason == null || reason.isBlank() ? "" : ": " + reason) + ")";
    }

    @Override
    public IBreakpoint[] getBreakpoints() {
        return new IBreakpoint[0];
    }

    @Override
    public boolean canResume() {
        return suspended && !target().isTerminated();
    }

    @Override
    public boolean canSuspend() {
        return !suspended && !target().isTerminated();
    }

    @Override
    public boolean isSuspended() {
        return suspended;
    }

    @Override
    public void resume() {
        target().resume();
    }

    @Override
    public void suspend() {
        target().suspend(id);
    }

    @Override
    public boolean canStepInto() {
        return canResume();
    }

    @Override
    public boolean canStepOver() {
        return canResume();
    }

    @Override
    public boolean canStepReturn() {
        return canResume();
    }

    @Override
    public boolean isStepping() {
        return false;
    }

    @Override
    public void stepInto() {
        target().step(this, DebugEvent.STEP_INTO);
    }

    @Override
    public void stepOver() {
        target().step(this, DebugEvent.STEP_OVER);
    }

    @Override
    public void stepReturn() {
        target().step(this, DebugEvent.STEP_RETURN);
    }

    @Override
    public boolean canTerminate() {
        return target().canTerminate();
    }

    @Override
    public boolean isTerminated() {
        return target().isTerminated();
    }

    @Override
    public void terminate() {
        target().terminate();
    }
}
