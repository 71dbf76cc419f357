package io.eave.device;

import java.util.List;

/** The management protocol's messages (docs/management-protocol.md), one record per type. */
public sealed interface Message {

    /** Requests carry the id their response echoes. */
    sealed interface Request extends Message {
        long request();
    }

    /** Responses answer the request with the same id. */
    sealed interface Response extends Message {
        long request();
    }

    /** Unsolicited events from the device. */
    sealed interface Event extends Message {}

    record Info(long request) implements Request {}
    record InstallBegin(long request, String name, long size, long crc32, boolean runOnBoot) implements Request {}
    record InstallData(long request, long offset, byte[] data) implements Request {}
    record InstallEnd(long request) implements Request {}
    record InstallAbort(long request) implements Request {}
    record ListContainers(long request, long first) implements Request {}
    record Start(long request, String name, List<String> args) implements Request {}
    record Stop(long request, String name) implements Request {}
    record Uninstall(long request, String name) implements Request {}
    record SetRunOnBoot(long request, String name, boolean runOnBoot) implements Request {}

    record Ok(long request) implements Response {}
    record InfoResult(long request, long protocol, long maxChunk, long capacity, long free, long maxEntries,
            long entries) implements Response {}
    record Installed(long request, ImageId imageId, long sequence) implements Response {}
    record ListResult(long request, long total, List<ContainerInfo> containers) implements Response {}
    record Error(long request, int code, String message) implements Response {}

    record Started(String name, ImageId imageId) implements Event {}
    /** {@code trace} holds (method index, bytecode offset) pairs, innermost frame first. */
    record Exited(String name, long exitCode, EndKind kind, String reason, List<TraceEntry> trace) implements Event {}

    /** One frame of an uncaught exception's trace. */
    record TraceEntry(long method, long offset) {}

    /** Why a container ended. */
    enum EndKind {
        CODE, EXCEPTION, OUT_OF_MEMORY, STOPPED, VM_ERROR;

        static EndKind of(int value) {
            if (value < 0 || value >= values().length) throw new IllegalArgumentException("unknown end kind " + value);
            return values()[value];
        }
    }
}
