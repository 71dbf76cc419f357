package io.eave.debug.ui.model;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IRegisterGroup;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;

/**
 * A frame of a task at one depth. The adapter's frame id changes at every stop; this object
 * stays. Variables: the live locals at the top, then This and Globals as expandable entries,
 * each read once per stop when the Variables view asks.
 */
public final class ToitStackFrame extends ToitDebugElement implements IStackFrame {
    private final ToitThread thread;
    private final int depth;
    private volatile int frameId;
    private volatile String name = "";
    private volatile int line;
    private volatile String path;
    private IVariable[] variables;

    ToitStackFrame(ToitThread thread, int depth) {
        super(thread.getDebugTarget());
        this.thread = thread;
        this.depth = depth;
    }

    synchronized void update(StackFrame frame) {
        frameId = frame.getId();
        name = frame.getName();
        line = frame.getLine();
        path = frame.getSource() == null ? null : frame.getSource().getPath();
        variables = null;
    }

    /** The source file's path (absolute), or null for code without source. */
    public String path() {
        return path;
    }

    public int depth() {
        return depth;
    }

    @Override
    public synchronized IVariable[] getVariables() throws DebugException {
        if (variables != null) {
            return variables;
        }
        if (!thread.isSuspended()) {
            return new IVariable[0];
        }
        ScopesArguments args = new ScopesArguments();
        args.setFrameId(frameId);
        Scope[] scopes = answer(target().server().scopes(args), "Reading the scopes of " + name).getScopes();
        List<IVariable> result = new ArrayList<>();
        for (Scope scope : scopes) {
            if ("Locals".equals(scope.getName())) {
                VariablesArguments locals = new VariablesArguments();
                locals.setVariablesReference(scope.getVariablesReference());
                for (Variable v : answer(target().server().variables(locals), "Reading the locals of " + name).getVariables()) {
                    result.add(new ToitVariable(target(), v.getName(), ToitValue.of(target(), v)));
                }
            } else {
                result.add(new ToitVariable(target(), scope.getName(),
                        new ToitValue(target(), "", scope.getName().toLowerCase(), scope.getVariablesReference())));
            }
        }
        variables = result.toArray(IVariable[]::new);
        return variables;
    }

    @Override
    public boolean hasVariables() {
        return thread.isSuspended();
    }

    @Override
    public IThread getThread() {
        return thread;
    }

    @Override
    public int getLineNumber() {
        return line;
    }

    @Override
    public int getCharStart() {
        return -1;
    }

    @Override
    public int getCharEnd() {
        return -1;
    }

    @Override
    public String getName() {
        String file = path == null ? null : java.nio.file.Path.of(path).getFileName().toString();
        return file == null ? name : name + " (" + file + ":" + line + ")";
    }

    @Override
    public IRegisterGroup[] getRegisterGroups() {
        return new IRegisterGroup[0];
    }

    @Override
    public boolean hasRegisterGroups() {
        return false;
    }

    @Override
    public boolean canStepInto() {
        return thread.canStepInto();
    }

    @Override
    public boolean canStepOver() {
        return thread.canStepOver();
    }

    @Override
    public boolean canStepReturn() {
        return thread.canStepReturn();
    }

    @Override
    public boolean isStepping() {
        return false;
    }

    @Override
    public void stepInto() {
        thread.stepInto();
    }

    @Override
    public void stepOver() {
        thread.stepOver();
    }

    @Override
    public void stepReturn() {
        thread.stepReturn();
    }

    @Override
    public boolean canResume() {
        return thread.canResume();
    }

    @Override
    public boolean canSuspend() {
        return thread.canSuspend();
    }

    @Override
    public boolean isSuspended() {
        return thread.isSuspended();
    }

    @Override
    public void resume() {
        thread.resume();
    }

    @Override
    public void suspend() {
        thread.suspend();
    }

    @Override
    public boolean canTerminate() {
        return thread.canTerminate();
    }

    @Override
    public boolean isTerminated() {
        return thread.isTerminated();
    }

    @Override
    public void terminate() {
        thread.terminate();
    }
}
