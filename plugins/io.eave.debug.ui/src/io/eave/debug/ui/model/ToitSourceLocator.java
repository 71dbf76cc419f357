package io.eave.debug.ui.model;

import java.io.File;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.filesystem.IFileStore;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.debug.core.model.ISourceLocator;
import org.eclipse.debug.core.model.IStackFrame;

/** A frame's source: the workspace file at the frame's path, else the file outside the workspace. */
public final class ToitSourceLocator implements ISourceLocator {

    @Override
    public Object getSourceElement(IStackFrame stackFrame) {
        if (!(stackFrame instanceof ToitStackFrame frame) || frame.path() == null) {
            return null;
        }
        return sourceOf(frame.path());
    }

    /** The workspace file at {@code path}, the file store there when outside the workspace, or null. */
    public static Object sourceOf(String path) {
        File file = new File(path);
        if (!file.isAbsolute()) {
            return null;
        }
        IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(file.toURI());
        for (IFile f : files) {
            if (f.exists()) {
                return f;
            }
        }
        IFileStore store = EFS.getLocalFileSystem().getStore(file.toURI());
        return store.fetchInfo().exists() ? store : null;
    }
}
