package io.eave.launch;

import java.nio.charset.StandardCharsets;

/** The Toit Application launch configuration type: its id and attributes. */
public final class ToitLaunch {
    private ToitLaunch() {
    }

    public static final String TYPE_ID = "io.eave.launch.toitApplication";
    /** The process type of a running container: consoles with it get source links in traces. */
    public static final String PROCESS_TYPE = "io.eave.toit";

    /** The project's name. */
    public static final String ATTR_PROJECT = "io.eave.launch.project";
    /** The main file, relative to the project (main.toit, or a compiled image). */
    public static final String ATTR_MAIN = "io.eave.launch.main";
    /** The device as {@code eave --device} takes it; "" for the IDE's simulated device. */
    public static final String ATTR_DEVICE = "io.eave.launch.device";
    /** Whether the program starts again when the device boots. */
    public static final String ATTR_RUN_ON_BOOT = "io.eave.launch.runOnBoot";
    /** The program's arguments, as one command-line string. */
    public static final String ATTR_ARGUMENTS = "io.eave.launch.arguments";

    /** The longest container name the device takes, in UTF-8 bytes. */
    public static final int MAX_CONTAINER_NAME = 31;

    /**
     * The container a launch installs: the main file's name without extension, or the project's
     * name when the file is main.toit (most projects have one main.toit); at most 31 bytes.
     */
    public static String containerName(String project, String mainFile) {
        String file = mainFile.substring(mainFile.lastIndexOf('/') + 1);
        int dot = file.indexOf('.');
        String base = dot > 0 ? file.substring(0, dot) : file;
        String name = base.equals("main") && project != null && !project.isBlank() ? project : base;
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (c >= 0x20 && c != 0x7F && (clean + Character.toString(c)).getBytes(StandardCharsets.UTF_8).length <= MAX_CONTAINER_NAME) {
                clean.appendCodePoint(c);
            }
        });
        return clean.isEmpty() ? "program" : clean.toString();
    }
}
