package io.eave.launch.build;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

/**
 * The compiler's preferences (Preferences > Toit > Compiler), in the instance scope of
 * {@code io.eave.launch}: whether saving a file builds its project, and the project folder the
 * builder writes program images to.
 */
public final class CompilerPreferences {

    public static final String NODE = "io.eave.launch";
    /** Build Toit projects when a file is saved (the workspace's automatic build); default true. */
    public static final String BUILD_ON_SAVE = "buildOnSave";
    /** The project folder for program images and their debug info; default "build". */
    public static final String OUTPUT_FOLDER = "outputFolder";
    public static final String DEFAULT_OUTPUT_FOLDER = "build";

    private CompilerPreferences() {
    }

    public static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }

    public static boolean buildOnSave() {
        return node().getBoolean(BUILD_ON_SAVE, true);
    }

    /** The output folder, a project-relative path without leading or trailing slashes. */
    public static String outputFolder() {
        String folder = node().get(OUTPUT_FOLDER, DEFAULT_OUTPUT_FOLDER).trim().replaceAll("^/+|/+$", "");
        return folder.isEmpty() ? DEFAULT_OUTPUT_FOLDER : folder;
    }

    /** Why {@code folder} cannot be the output folder, or null. */
    public static String checkOutputFolder(String folder) {
        String f = folder.trim();
        if (f.isEmpty()) {
            return "Give a folder of the project, e.g. build.";
        }
        if (f.startsWith("/") || f.contains("..") || f.contains("\\")) {
            return "The output folder is a folder inside each project, e.g. build or out/images: no '..', no leading '/'.";
        }
        return null;
    }
}
