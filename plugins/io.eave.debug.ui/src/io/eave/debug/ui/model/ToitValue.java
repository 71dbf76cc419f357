package io.eave.debug.ui.model;

import java.util.Arrays;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;

/** A value; an object's fields are read when the Variables view expands it (once). */
public class ToitValue extends ToitDebugElement implements IValue {
    private final String text;
    private final String type;
    final int reference;
    private IVariable[] children;

    ToitValue(ToitDebugTarget target, String text, String type, int reference) {
        super(target);
        this.text = text == null ? "" : text;
        this.type = type == null ? "" : type;
        this.reference = reference;
    }

    static ToitValue of(ToitDebugTarget target, Variable v) {
        Integer indexed = v.getIndexedVariables();
        if (indexed != null && indexed > 0 && v.getVariablesReference() > 0) {
            return new ToitIndexedValue(target, v.getValue(), v.getType(), v.getVariablesReference(), indexed);
        }
        return new ToitValue(target, v.getValue(), v.getType(), v.getVariablesReference());
    }

    @Override
    public String getReferenceTypeName() {
        return type;
    }

    @Override
    public String getValueString() {
        return text;
    }

    @Override
    public boolean isAllocated() {
        return true;
    }

    @Override
    public synchronized IVariable[] getVariables() throws DebugException {
        if (reference <= 0) {
            return new IVariable[0];
        }
        if (children == null) {
            children = read(null, null);
        }
        return children;
    }

    /** Children from {@code start}, at most {@code count} (null: all). */
    IVariable[] read(Integer start, Integer count) throws DebugException {
        VariablesArguments args = new VariablesArguments();
        args.setVariablesReference(reference);
        args.setStart(start);
        args.setCount(count);
        Variable[] read = answer(target().server().variables(args), "Reading " + text).getVariables();
        return Arrays.stream(read).map(v -> new ToitVariable(target(), v.getName(), of(target(), v))).toArray(IVariable[]::new);
    }

    @Override
    public boolean hasVariables() {
        return reference > 0;
    }
}
