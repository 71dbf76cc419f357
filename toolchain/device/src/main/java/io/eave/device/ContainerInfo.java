package io.eave.device;

/** One container of a LIST answer. */
public record ContainerInfo(String name, ImageId imageId, long size, State state, boolean runOnBoot, long exitCode,
        String reason, long memoryUsed, long quota, long uptimeMs) {

    public enum State {
        INSTALLED, RUNNING, PAUSED, EXITED, CRASHED;

        static State of(int value) {
            if (value < 0 || value >= values().length) throw new IllegalArgumentException("unknown state " + value);
            return values()[value];
        }
    }
}
