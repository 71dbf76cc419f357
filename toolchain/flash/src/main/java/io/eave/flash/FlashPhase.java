package io.eave.flash;

/** The steps of a flash, in the order a flasher goes through them. */
public enum FlashPhase {
    /** Opening the port, resetting the board into its loader, synchronising, identifying the chip. */
    CONNECTING("connecting"),
    /** Erasing the region the image goes to (the ESP ROM erases inside FLASH_BEGIN). */
    ERASING("erasing"),
    /** Writing the firmware image. */
    WRITING("writing"),
    /** Writing the device configuration (name and secret). */
    CONFIGURING("configuring"),
    /** Reading back a digest of what was written and comparing it with what was sent. */
    VERIFYING("verifying"),
    /** Resetting the board so that it runs the new firmware. */
    RESETTING("resetting"),
    /** Everything was written and verified. */
    DONE("done");

    private final String label;

    FlashPhase(String label) {
        this.label = label;
    }

    /** A lower-case word for progress lines, e.g. "writing". */
    public String label() {
        return label;
    }
}
