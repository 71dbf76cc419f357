package io.eave.toit.wizards;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;

/**
 * Marks a project as Toit code (wizards, launch shortcuts) and puts the Toit builder (compile on
 * save, problem markers; in io.eave.launch, which has the compiler) in its build spec.
 */
public class ToitNature implements IProjectNature {

    /** The nature id: the bundle's symbolic name and the extension id in plugin.xml. */
    public static final String ID = "io.eave.toit.wizards.nature";
    /** The Toit builder's id (io.eave.launch.build.ToitBuilder.ID). */
    public static final String BUILDER_ID = "io.eave.launch.toitBuilder";

    private IProject project;

    @Override
    public void configure() throws CoreException {
        IProjectDescription description = project.getDescription();
        if (addBuilder(description)) {
            project.setDescription(description, null);
        }
    }

    /** Puts the Toit builder in {@code description}'s build spec; false when it was there already. */
    static boolean addBuilder(IProjectDescription description) {
        List<ICommand> commands = new ArrayList<>(List.of(description.getBuildSpec()));
        if (commands.stream().anyMatch(c -> BUILDER_ID.equals(c.getBuilderName()))) {
            return false;
        }
        ICommand command = description.newCommand();
        command.setBuilderName(BUILDER_ID);
        commands.add(command);
        description.setBuildSpec(commands.toArray(ICommand[]::new));
        return true;
    }

    @Override
    public void deconfigure() throws CoreException {
        IProjectDescription description = project.getDescription();
        List<ICommand> commands = new ArrayList<>(List.of(description.getBuildSpec()));
        if (commands.removeIf(c -> BUILDER_ID.equals(c.getBuilderName()))) {
            description.setBuildSpec(commands.toArray(ICommand[]::new));
            project.setDescription(description, null);
        }
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
