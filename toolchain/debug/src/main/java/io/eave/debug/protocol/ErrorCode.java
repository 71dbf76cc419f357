package io.eave.debug.protocol;

/** The agent's ERROR codes (docs/debug-protocol.md). */
public final class ErrorCode {
    public static final int BAD_REQUEST = 1;
    public static final int NO_SUCH_CONTAINER = 2;
    public static final int NOT_ATTACHED = 3;
    public static final int NOT_STOPPED = 4;
    public static final int BAD_LOCATION = 5;
    public static final int NO_SUCH_TASK = 6;
    public static final int NO_SUCH_FRAME = 7;
    public static final int STALE_REFERENCE = 8;
    public static final int TOO_MANY_BREAKPOINTS = 9;
    public static final int ALREADY_ATTACHED = 10;

    private static final String[] NAMES = {"", "BAD_REQUEST", "NO_SUCH_CONTAINER", "NOT_ATTACHED", "NOT_STOPPED",
            "BAD_LOCATION", "NO_SUCH_TASK", "NO_SUCH_FRAME", "STALE_REFERENCE", "TOO_MANY_BREAKPOINTS", "ALREADY_ATTACHED"};

    private ErrorCode() {
    }

    public static String name(int code) {
        return code > 0 && code < NAMES.length ? NAMES[code] : "error " + code;
    }
}
