package io.eave.debug.ui.model;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IIndexedValue;
import org.eclipse.debug.core.model.IVariable;

/** An array or byte array: the Variables view pages its elements (in ranges of 100), read when shown. */
public final class ToitIndexedValue extends ToitValue implements IIndexedValue {
    private final int size;

    ToitIndexedValue(ToitDebugTarget target, String text, String type, int reference, int size) {
        super(target, text, type, reference);
        this.size = size;
    }

    @Override
    public IVariable getVariable(int offset) throws DebugException {
        IVariable[] one = read(offset, 1);
        if (one.length == 0) {
            throw new DebugException(org.eclipse.core.runtime.Status.error("no element " + offset));
        }
        return one[0];
    }

    @Override
    public IVariable[] getVariables(int offset, int length) throws DebugException {
        return read(offset, length);
    }

    @Override
    public int getSize() {
        return size;
    }

    @Override
    public int getInitialOffset() {
        return 0;
    }
}
