package io.eave.debug.protocol;

import java.util.List;

/** The debug agent protocol's messages (docs/debug-protocol.md), one record per type. */
public sealed interface DebugMessage {

    /** The request id (0 in events). */
    long request();

    /** Host to agent. */
    sealed interface Request extends DebugMessage {}

    /** Agent to host, answering the request with the same id. */
    sealed interface Response extends DebugMessage {}

    /** Agent to host, unsolicited; request id 0. */
    sealed interface Event extends DebugMessage {
        @Override
        default long request() {
            return 0;
        }
    }

    // --- requests ---
    record Attach(long request, String container) implements Request {}
    record Detach(long request) implements Request {}
    record SetBreakpoint(long request, long method, long offset) implements Request {}
    record ClearBreakpoint(long request, long breakpoint) implements Request {}
    /** flags: {@link #UNCAUGHT}, {@link #ALL}. */
    record SetExceptionStops(long request, int flags) implements Request {
        public static final int UNCAUGHT = 1, ALL = 2;
    }
    record Pause(long request) implements Request {}
    record Continue(long request) implements Request {}
    record Step(long request, long task, StepMode mode, long frame, List<Range> ranges) implements Request {
        public Step {
            ranges = List.copyOf(ranges);
        }
    }
    record Tasks(long request) implements Request {}
    record Stack(long request, long task, long start, long count) implements Request {}
    record Locals(long request, long task, long frame, long start, long count) implements Request {}
    record GetObject(long request, long reference, long start, long count) implements Request {}
    record Globals(long request, long start, long count) implements Request {}

    // --- responses ---
    record Ok(long request) implements Response {}
    record Error(long request, int code, String message) implements Response {}
    record Attached(long request, long containerId, byte[] imageId, ContainerState state) implements Response {
        public Attached {
            if (imageId.length != DebugCodec.IMAGE_ID_SIZE) {
                throw new IllegalArgumentException("an image id has 16 bytes, not " + imageId.length);
            }
            imageId = imageId.clone();
        }

        @Override
        public byte[] imageId() {
            return imageId.clone();
        }

        public String imageIdHex() {
            return java.util.HexFormat.of().formatHex(imageId);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Attached a && a.request == request && a.containerId == containerId
                    && java.util.Arrays.equals(a.imageId, imageId) && a.state == state;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(request, containerId, java.util.Arrays.hashCode(imageId), state);
        }

        @Override
        public String toString() {
            return "Attached[request=" + request + ", containerId=" + containerId + ", imageId=" + imageIdHex() + ", state=" + state + "]";
        }
    }
    record BreakpointSet(long request, long breakpoint) implements Response {}
    record TaskList(long request, List<TaskInfo> tasks) implements Response {
        public TaskList {
            tasks = List.copyOf(tasks);
        }
    }
    record Frames(long request, long total, List<Frame> frames) implements Response {
        public Frames {
            frames = List.copyOf(frames);
        }
    }
    record Values(long request, List<Value> values) implements Response {
        public Values {
            values = List.copyOf(values);
        }
    }

    // --- events ---
    record Stopped(long task, StopReason reason, long breakpoint, Value exception, boolean uncaught) implements Event {}
    record Continued() implements Event {}
    record Exited(long code, String reason) implements Event {}

    // --- parts ---
    /** A bytecode range [from, to) of a method. */
    record Range(long from, long to) {}
    record TaskInfo(long id, TaskState state) {}
    /** A stack frame: method index and the offset it executes. */
    record Frame(long method, long offset) {}

    enum StepMode { IN, OVER, OUT }

    enum ContainerState { RUNNING, STOPPED, NOT_STARTED }

    enum TaskState { RUNNABLE, SLEEPING, WAITING, STOPPED }

    enum StopReason { ENTRY, BREAKPOINT, STEP, PAUSE, EXCEPTION }
}
