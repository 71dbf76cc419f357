package io.eave.debug.ui.breakpoints;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.texteditor.ITextEditor;

/** Toggles Toit line breakpoints in the Toit editor (ruler double-click, Run > Toggle Breakpoint). */
public final class ToitToggleTarget implements IToggleBreakpointsTarget {

    /** The .toit file an editor shows, or null. */
    static IFile toitFile(IWorkbenchPart part) {
        if (part instanceof ITextEditor editor) {
            IFile file = editor.getEditorInput().getAdapter(IFile.class);
            if (file != null && "toit".equals(file.getFileExtension())) {
                return file;
            }
        }
        return null;
    }

    @Override
    public void toggleLineBreakpoints(IWorkbenchPart part, ISelection selection) throws CoreException {
        IFile file = toitFile(part);
        if (file == null || !(selection instanceof ITextSelection text)) {
            return;
        }
        toggle(file, text.getStartLine() + 1);
    }

    /** Removes the breakpoint on {@code line} (1-based) of {@code file}, or adds one; the added one, or null. */
    public static ToitLineBreakpoint toggle(IFile file, int line) throws CoreException {
        ToitLineBreakpoint existing = ToitBreakpoints.lineBreakpoint(file, line);
        if (existing != null) {
            existing.delete();
            return null;
        }
        return new ToitLineBreakpoint(file, line);
    }

    @Override
    public boolean canToggleLineBreakpoints(IWorkbenchPart part, ISelection selection) {
        return toitFile(part) != null && selection instanceof ITextSelection;
    }

    @Override
    public void toggleMethodBreakpoints(IWorkbenchPart part, ISelection selection) {
    }

    @Override
    public boolean canToggleMethodBreakpoints(IWorkbenchPart part, ISelection selection) {
        return false;
    }

    @Override
    public void toggleWatchpoints(IWorkbenchPart part, ISelection selection) {
    }

    @Override
    public boolean canToggleWatchpoints(IWorkbenchPart part, ISelection selection) {
        return false;
    }
}
