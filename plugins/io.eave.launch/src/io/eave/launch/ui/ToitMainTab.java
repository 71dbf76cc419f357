package io.eave.launch.ui;

import java.util.Arrays;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.ElementListSelectionDialog;
import org.eclipse.ui.dialogs.FilteredResourcesSelectionDialog;
import org.eclipse.jface.viewers.LabelProvider;

import io.eave.launch.ToitLaunch;

/** The Main tab: the project, its main file, and the program's arguments. */
public final class ToitMainTab extends AbstractLaunchConfigurationTab {
    private Text project;
    private Text main;
    private Text arguments;

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(3, false));
        setControl(page);

        new Label(page, SWT.NONE).setText("&Project:");
        project = text(page);
        Button browseProject = new Button(page, SWT.PUSH);
        browseProject.setText("&Browse...");
        browseProject.addListener(SWT.Selection, e -> chooseProject());

        new Label(page, SWT.NONE).setText("&Main file:");
        main = text(page);
        Button browseMain = new Button(page, SWT.PUSH);
        browseMain.setText("B&rowse...");
        browseMain.addListener(SWT.Selection, e -> chooseMain());

        new Label(page, SWT.NONE).setText("&Arguments:");
        arguments = text(page);
        new Label(page, SWT.NONE);
        Label note = new Label(page, SWT.WRAP);
        note.setText("The program's arguments, separated by spaces (quote those with spaces); at most 8.");
        note.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
    }

    private Text text(Composite page) {
        Text text = new Text(page, SWT.BORDER);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        text.addModifyListener(e -> updateLaunchConfigurationDialog());
        return text;
    }

    private void chooseProject() {
        ElementListSelectionDialog dialog = new ElementListSelectionDialog(getShell(), new LabelProvider() {
            @Override
            public String getText(Object element) {
                return ((IProject) element).getName();
            }
        });
        dialog.setTitle("Project");
        dialog.setMessage("The Toit project to run:");
        dialog.setElements(Arrays.stream(ResourcesPlugin.getWorkspace().getRoot().getProjects()).filter(IProject::isOpen).toArray());
        if (dialog.open() == Window.OK) {
            project.setText(((IProject) dialog.getFirstResult()).getName());
        }
    }

    private void chooseMain() {
        IProject p = project();
        FilteredResourcesSelectionDialog dialog = new FilteredResourcesSelectionDialog(getShell(), false,
                p != null ? p : ResourcesPlugin.getWorkspace().getRoot(), IResource.FILE);
        dialog.setTitle("Main File");
        dialog.setInitialPattern("*.toit");
        if (dialog.open() == Window.OK && dialog.getFirstResult() instanceof IFile file) {
            project.setText(file.getProject().getName());
            main.setText(file.getProjectRelativePath().toString());
        }
    }

    private IProject project() {
        String name = project.getText().trim();
        if (name.isEmpty()) {
            return null;
        }
        IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        return p.exists() ? p : null;
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
        configuration.setAttribute(ToitLaunch.ATTR_ARGUMENTS, "");
    }

    @Override
    public void initializeFrom(ILaunchConfiguration configuration) {
        try {
            project.setText(configuration.getAttribute(ToitLaunch.ATTR_PROJECT, ""));
            main.setText(configuration.getAttribute(ToitLaunch.ATTR_MAIN, ""));
            arguments.setText(configuration.getAttribute(ToitLaunch.ATTR_ARGUMENTS, ""));
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy configuration) {
        configuration.setAttribute(ToitLaunch.ATTR_PROJECT, project.getText().trim());
        configuration.setAttribute(ToitLaunch.ATTR_MAIN, main.getText().trim());
        configuration.setAttribute(ToitLaunch.ATTR_ARGUMENTS, arguments.getText());
    }

    @Override
    public boolean isValid(ILaunchConfiguration configuration) {
        setErrorMessage(null);
        String name = project.getText().trim();
        if (name.isEmpty()) {
            setErrorMessage("Choose the project to run.");
            return false;
        }
        IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (!p.exists() || !p.isOpen()) {
            setErrorMessage("There is no open project " + name + ".");
            return false;
        }
        String file = main.getText().trim();
        if (file.isEmpty()) {
            setErrorMessage("Choose the main file, e.g. main.toit.");
            return false;
        }
        if (!p.getFile(file).exists()) {
            setErrorMessage("There is no " + file + " in " + name + ".");
            return false;
        }
        return true;
    }

    @Override
    public String getName() {
        return "Main";
    }
}
