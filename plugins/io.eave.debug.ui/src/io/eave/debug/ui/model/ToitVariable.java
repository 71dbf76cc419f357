package io.eave.debug.ui.model;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;

/** A local, field, element or global as the adapter shows it; read-only. */
public final class ToitVariable extends ToitDebugElement implements IVariable {
    private final String name;
    private final ToitValue value;

    ToitVariable(ToitDebugTarget target, String name, ToitValue value) {
        super(target);
        this.name = name;
        this.value = value;
    }

    @Override
    public IValue getValue() {
        return value;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getReferenceTypeName() {
        return value.getReferenceTypeName();
    }

    @Override
    public boolean hasValueChanged() {
        return false;
    }

    @Override
    public void setValue(String expression) throws DebugException {
        throw new DebugException(org.eclipse.core.runtime.Status.error("values cannot be changed yet"));
    }

    @Override
    public void setValue(IValue value) throws DebugException {
        setValue("");
    }

    @Override
    public boolean supportsValueModification() {
        return false;
    }

    @Override
    public boolean verifyValue(String expression) {
        return false;
    }

    @Override
    public boolean verifyValue(IValue value) {
        return false;
    }
}
