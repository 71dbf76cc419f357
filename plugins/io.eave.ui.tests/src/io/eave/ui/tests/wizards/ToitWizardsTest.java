package io.eave.ui.tests.wizards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.IWizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.ResourceUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eave.toit.wizards.NewToitFileWizard;
import io.eave.toit.wizards.NewToitProjectWizard;
import io.eave.toit.wizards.ToitNature;
import io.eave.toit.wizards.ToitProjects;

/** The New Toit Project and New Toit File wizards, driven through their dialogs' widgets. */
public class ToitWizardsTest {

    private WizardDialog dialog;

    @AfterEach
    void closeEverything() {
        if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) dialog.close();
        page().closeAllEditors(false);
    }

    @Test
    void newProjectFromTheBlinkSampleHasTheNatureTheFilesAndOpensMain() throws Exception {
        NewToitProjectWizard wizard = new NewToitProjectWizard();
        wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
        open(wizard);
        type(firstText(), "blinker");
        click(button(b -> b.getText().equals("Blinking LED")));
        click(button(b -> b.getText().replace("&", "").equals("Finish")));

        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("blinker");
        assertTrue(project.isOpen(), "the project exists and is open");
        assertTrue(project.hasNature(ToitNature.ID), "the project has the Toit nature");
        String main = contents(project.getFile("main.toit"));
        assertTrue(main.contains("led := gpio.Pin LED-PIN --output"), main);
        assertTrue(project.getFile("README.md").exists());
        assertEquals(project.getFile("main.toit"), activeFile(), "main.toit is open in the editor");
        assertEquals("org.eclipse.ui.genericeditor.GenericEditor", page().getActiveEditor().getSite().getId());
    }

    @Test
    void anExistingProjectNameKeepsFinishDisabledAndSaysWhy() throws Exception {
        IProject existing = ResourcesPlugin.getWorkspace().getRoot().getProject("taken");
        if (!existing.exists()) existing.create(null);
        NewToitProjectWizard wizard = new NewToitProjectWizard();
        wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
        open(wizard);
        type(firstText(), "taken");
        assertFalse(button(b -> b.getText().replace("&", "").equals("Finish")).isEnabled());
        String error = dialog.getCurrentPage().getErrorMessage();
        assertTrue(error != null && error.contains("already exists"), "the page says why: " + error);
    }

    @Test
    void newFileGetsTheToitExtensionAMainAndOpensInTheToitEditor() throws Exception {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("files");
        if (!project.exists()) project.create(null);
        project.open(null);
        NewToitFileWizard wizard = new NewToitFileWizard();
        wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
        open(wizard);
        wizard.setFileName("sensor");
        flush();
        click(button(b -> b.getText().replace("&", "").equals("Finish")));

        IFile file = project.getFile("sensor.toit");
        assertTrue(file.exists(), "sensor.toit was created");
        assertEquals("main:\n  print \"Hello, Toit!\"\n", contents(file));
        assertEquals(file, activeFile());
    }

    @Test
    void aTakenFileNameIsRefused() throws Exception {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("files2");
        if (!project.exists()) project.create(null);
        project.open(null);
        IFile taken = project.getFile("app.toit");
        if (!taken.exists()) taken.create(new ByteArrayInputStream(new byte[0]), true, null);
        NewToitFileWizard wizard = new NewToitFileWizard();
        wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
        open(wizard);
        wizard.setFileName("app");
        flush();
        assertFalse(button(b -> b.getText().replace("&", "").equals("Finish")).isEnabled());
    }

    @Test
    void anExistingFolderIsAddedInPlaceOnceAsAToitProject() throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("eave-sample").resolve("hello-toit");
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Files.writeString(folder.resolve("main.toit"), "main:\n  print 1\n");

        IProject project = ToitProjects.addExisting(folder, null);
        assertNotNull(project);
        assertEquals("hello-toit", project.getName());
        assertEquals(folder.toRealPath().toString(), project.getLocation().toFile().getCanonicalPath());
        assertTrue(project.hasNature(ToitNature.ID));
        assertTrue(project.getFile("main.toit").exists());
        assertEquals(null, ToitProjects.addExisting(folder, null), "a second start adds nothing");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void open(IWizard wizard) {
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        dialog = new WizardDialog(shell, wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        flush();
    }

    private Text firstText() {
        Text text = find(dialog.getShell(), Text.class, t -> true);
        assertNotNull(text, "a text field in the wizard");
        return text;
    }

    private Button button(Predicate<Button> which) {
        Button button = find(dialog.getShell(), Button.class, which);
        assertNotNull(button, "the button");
        return button;
    }

    private static void type(Text text, String value) {
        text.setText(value);   // fires the page's modify listener, as typing does
        flush();
    }

    private static void click(Button button) {
        if ((button.getStyle() & SWT.RADIO) != 0) button.setSelection(true);
        button.notifyListeners(SWT.Selection, null);
        flush();
    }

    private static <T extends Control> T find(Composite parent, Class<T> type, Predicate<T> which) {
        for (Control child : parent.getChildren()) {
            if (type.isInstance(child) && which.test(type.cast(child))) return type.cast(child);
            if (child instanceof Composite composite) {
                T found = find(composite, type, which);
                if (found != null) return found;
            }
        }
        return null;
    }

    private static IFile activeFile() {
        IEditorPart editor = page().getActiveEditor();
        return editor == null ? null : ResourceUtil.getFile(editor.getEditorInput());
    }

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private static String contents(IFile file) throws CoreException, IOException {
        try (InputStream in = file.getContents()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void flush() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // run pending UI work
        }
    }
}
