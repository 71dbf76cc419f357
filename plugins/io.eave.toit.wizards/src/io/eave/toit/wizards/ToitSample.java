package io.eave.toit.wizards;

/** The projects the New Toit Project wizard can start from; each is a folder under samples/ in this bundle. */
public enum ToitSample {
    EMPTY("empty", "Empty project", "A main.toit that prints a greeting."),
    HELLO("hello", "Hello, Toit", "A tour of the language: classes, blocks, string interpolation, named arguments."),
    BLINK("blink", "Blinking LED", "Toggles a GPIO pin every 500 ms; on the simulated device the pin is simulated."),
    MESSAGES("messages", "Two containers", "Two programs in two containers exchanging messages: run receiver.toit, then main.toit.");

    private final String folder;
    private final String label;
    private final String description;

    ToitSample(String folder, String label, String description) {
        this.folder = folder;
        this.label = label;
        this.description = description;
    }

    /** The folder of this sample inside the bundle. */
    public String bundlePath() {
        return "samples/" + folder;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
