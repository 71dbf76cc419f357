package io.eave.launch.ui;

import java.util.Arrays;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut2;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;

import io.eave.devices.KnownDevice;
import io.eave.launch.ToitLaunch;

/**
 * Run As > Toit Application on a .toit file, a Toit project (its main.toit) or a Toit editor:
 * reuses the configuration for that file, or creates one on the default device.
 */
public final class ToitLaunchShortcut implements ILaunchShortcut2 {

    @Override
    public void launch(ISelection selection, String mode) {
        launch(mainOf(selection), mode);
    }

    @Override
    public void launch(IEditorPart editor, String mode) {
        launch(editor == null ? null : editor.getEditorInput().getAdapter(IFile.class), mode);
    }

    private void launch(IFile main, String mode) {
        if (main == null) {
            MessageDialog.openError(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "Run Toit Application",
                    "Choose a .toit file, or a Toit project with a main.toit.");
            return;
        }
        try {
            DebugUITools.launch(configurationFor(main), mode);
        } catch (CoreException e) {
            MessageDialog.openError(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "Run Toit Application", e.getMessage());
        }
    }

    /** The existing configuration that runs {@code main}, or a new saved one on the default device. */
    public static ILaunchConfiguration configurationFor(IFile main) throws CoreException {
        ILaunchConfiguration[] existing = existing(main);
        if (existing.length > 0) {
            return existing[0];
        }
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(ToitLaunch.TYPE_ID);
        String base = main.getName().equals("main.toit") ? main.getProject().getName() : main.getProject().getName() + " " + main.getName();
        ILaunchConfigurationWorkingCopy copy = type.newInstance(null, manager.generateLaunchConfigurationName(base));
        copy.setAttribute(ToitLaunch.ATTR_PROJECT, main.getProject().getName());
        copy.setAttribute(ToitLaunch.ATTR_MAIN, main.getProjectRelativePath().toString());
        copy.setAttribute(ToitLaunch.ATTR_DEVICE, KnownDevice.DEFAULT_SPEC);
        copy.setAttribute(ToitLaunch.ATTR_RUN_ON_BOOT, false);
        copy.setAttribute(ToitLaunch.ATTR_ARGUMENTS, "");
        copy.setMappedResources(new IResource[] { main });
        return copy.doSave();
    }

    private static ILaunchConfiguration[] existing(IFile main) throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(ToitLaunch.TYPE_ID);
        return Arrays.stream(manager.getLaunchConfigurations(type)).filter(c -> {
            try {
                return c.getAttribute(ToitLaunch.ATTR_PROJECT, "").equals(main.getProject().getName())
                        && c.getAttribute(ToitLaunch.ATTR_MAIN, "").equals(main.getProjectRelativePath().toString());
            } catch (CoreException e) {
                return false;
            }
        }).toArray(ILaunchConfiguration[]::new);
    }

    /** The main file a selection means: the .toit file, or a project's (or folder's) main.toit. */
    static IFile mainOf(ISelection selection) {
        if (!(selection instanceof IStructuredSelection s) || s.size() != 1) {
            return null;
        }
        IResource resource = Adapters.adapt(s.getFirstElement(), IResource.class);
        if (resource instanceof IFile file) {
            return "toit".equals(file.getFileExtension()) ? file : null;
        }
        if (resource instanceof IContainer container) {
            IFile main = container.getFile(new org.eclipse.core.runtime.Path("main.toit"));
            if (main.exists()) {
                return main;
            }
            try {
                for (IResource member : container.members()) {
                    if (member instanceof IFile f && "toit".equals(f.getFileExtension())) {
                        return f;
                    }
                }
            } catch (CoreException e) {
                return null;
            }
        }
        return null;
    }

    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(ISelection selection) {
        IFile main = mainOf(selection);
        try {
            return main == null ? null : existing(main);
        } catch (CoreException e) {
            return null;
        }
    }

    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(IEditorPart editor) {
        IFile main = editor.getEditorInput().getAdapter(IFile.class);
        try {
            return main == null ? null : existing(main);
        } catch (CoreException e) {
            return null;
        }
    }

    @Override
    public IResource getLaunchableResource(ISelection selection) {
        return mainOf(selection);
    }

    @Override
    public IResource getLaunchableResource(IEditorPart editor) {
        return editor.getEditorInput().getAdapter(IFile.class);
    }

    /** Whether {@code project} is a Toit project the shortcut can run. */
    static boolean isToit(IProject project) {
        try {
            return project.isOpen() && project.hasNature("io.eave.toit.wizards.nature");
        } catch (CoreException e) {
            return false;
        }
    }
}
