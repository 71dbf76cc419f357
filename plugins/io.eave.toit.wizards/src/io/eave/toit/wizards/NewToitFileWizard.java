package io.eave.toit.wizards;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;

/** File &gt; New &gt; Toit File: a {@code .toit} file with a main function, opened in the Toit editor. */
public class NewToitFileWizard extends BasicNewResourceWizard {

    private WizardNewFileCreationPage page;
    private IFile created;

    @Override
    public void init(IWorkbench workbench, IStructuredSelection currentSelection) {
        super.init(workbench, currentSelection);
        setWindowTitle("New Toit File");
    }

    @Override
    public void addPages() {
        page = new WizardNewFileCreationPage("toitFile", getSelection()) {
            @Override
            protected InputStream getInitialContents() {
                return new ByteArrayInputStream(template().getBytes(StandardCharsets.UTF_8));
            }
        };
        page.setTitle("Toit File");
        page.setDescription("Create a Toit source file.");
        page.setFileExtension("toit");
        addPage(page);
    }

    /** The new file's text. */
    static String template() {
        return """
                main:
                  print "Hello, Toit!"
                """;
    }

    /** For tests and other callers: the file name, with or without .toit. */
    public void setFileName(String name) {
        page.setFileName(name);
    }

    @Override
    public boolean performFinish() {
        created = page.createNewFile();
        if (created == null) return false;
        selectAndReveal(created);
        if (getWorkbench().getActiveWorkbenchWindow() != null) {
            try {
                IDE.openEditor(getWorkbench().getActiveWorkbenchWindow().getActivePage(), created, true);
            } catch (PartInitException e) {
                page.setErrorMessage("Created " + created.getName() + " but cannot open it: " + e.getMessage());
            }
        }
        return true;
    }

    /** The file the last finish created, or null. */
    public IFile createdFile() {
        return created;
    }
}
