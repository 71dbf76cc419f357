package io.eave.toit.wizards;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectNature;

/**
 * Marks a project as Toit code. The compile-on-save builder attaches here when the compiler lands;
 * until then the nature only identifies Toit projects (wizards, launch shortcuts, Devices view).
 */
public class ToitNature implements IProjectNature {

    /** The nature id: the bundle's symbolic name and the extension id in plugin.xml. */
    public static final String ID = "io.eave.toit.wizards.nature";

    private IProject project;

    @Override
    public void configure() {
    }

    @Override
    public void deconfigure() {
    }

    @Override
    public IProject getProject() {
        return project;
    }

    @Override
    public void setProject(IProject project) {
        this.project = project;
    }
}
