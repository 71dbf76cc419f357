package io.eave.debug.ui.model;

import org.eclipse.core.filesystem.IFileStore;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.ui.IDebugModelPresentation;
import org.eclipse.debug.ui.IValueDetailListener;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IEditorDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.FileStoreEditorInput;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.FileEditorInput;

import io.eave.debug.ui.breakpoints.ToitExceptionBreakpoint;
import io.eave.debug.ui.breakpoints.ToitLineBreakpoint;

/** Labels of Toit breakpoints, value details, and which editor shows a frame's source. */
public final class ToitModelPresentation extends LabelProvider implements IDebugModelPresentation {
    static final String TOIT_EDITOR = "org.eclipse.ui.genericeditor.GenericEditor";

    @Override
    public void setAttribute(String attribute, Object value) {
    }

    @Override
    public Image getImage(Object element) {
        return null;
    }

    @Override
    public String getText(Object element) {
        if (element instanceof ToitLineBreakpoint b) {
            IResource resource = b.getMarker().getResource();
            try {
                return resource.getName() + " [line: " + b.getLineNumber() + "]";
            } catch (CoreException e) {
                return resource.getName();
            }
        }
        if (element instanceof ToitExceptionBreakpoint b) {
            return ToitExceptionBreakpoint.label(b.filter());
        }
        return null;
    }

    @Override
    public void computeDetail(IValue value, IValueDetailListener listener) {
        String detail;
        try {
            detail = value.getValueString();
        } catch (org.eclipse.debug.core.DebugException e) {
            detail = e.getMessage();
        }
        listener.detailComputed(value, detail);
    }

    @Override
    public IEditorInput getEditorInput(Object element) {
        if (element instanceof ToitLineBreakpoint b) {
            element = b.getMarker().getResource();
        }
        if (element instanceof IFile file) {
            return new FileEditorInput(file);
        }
        if (element instanceof IFileStore store) {
            return new FileStoreEditorInput(store);
        }
        return null;
    }

    @Override
    public String getEditorId(IEditorInput input, Object element) {
        if (element instanceof ToitLineBreakpoint b) {
            element = b.getMarker().getResource();
        }
        if (element instanceof IFile file) {
            try {
                IEditorDescriptor descriptor = IDE.getEditorDescriptor(file, true, true);
                return descriptor.getId();
            } catch (PartInitException e) {
                return TOIT_EDITOR;
            }
        }
        return TOIT_EDITOR;
    }
}
