package io.eave.debug;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import io.eave.debug.protocol.DebugCodec;
import io.eave.debug.protocol.DebugMessage;
import io.eave.debug.protocol.DebugMessage.*;
import io.eave.debug.protocol.ErrorCode;
import io.eave.debug.protocol.MalformedMessageException;
import io.eave.debug.protocol.Value;

/**
 * The host side of the debug agent protocol (docs/debug-protocol.md) over an {@link AgentChannel}:
 * every request a future that completes with its response or fails with an {@link AgentException}
 * (the agent's error, or no answer within the timeout); responses matched by request id; events
 * handed to the listeners. Responses and events are dispatched on one thread, in the order they
 * arrived, so a {@code STOPPED} after a {@code PAUSE}'s {@code OK} is seen after it. Listeners and
 * the futures' dependents run on that thread: they must not wait on another request.
 */
public final class AgentClient implements AutoCloseable {
    /** Entries asked for per page when the caller wants more (a page must fit one link message anyway). */
    static final int PAGE = 64;

    private final AgentChannel channel;
    private final Duration timeout;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "eave-debug-agent");
        t.setDaemon(true);
        return t;
    });
    private volatile String lastProtocolError;

    private record Pending(String what, CompletableFuture<Response> future) {}

    /** {@code timeout} bounds each request's round trip. */
    public AgentClient(AgentChannel channel, Duration timeout) {
        this.channel = channel;
        this.timeout = timeout;
        channel.onReceive(bytes -> {
            try {
                executor.execute(() -> received(bytes));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closed: what the agent still says is of no interest
            }
        });
    }

    public void addEventListener(Consumer<Event> listener) {
        listeners.add(listener);
    }

    /** What the last message from the agent that did not decode was; null if none. */
    public String lastProtocolError() {
        return lastProtocolError;
    }

    private void received(byte[] bytes) {
        DebugMessage message;
        try {
            message = DebugCodec.decode(bytes);
        } catch (MalformedMessageException e) {
            lastProtocolError = e.getMessage();
            Pending p = e.request() == 0 ? null : pending.remove(e.request());
            if (p != null) {
                p.future.completeExceptionally(new AgentException(ErrorCode.BAD_REQUEST,
                        "the debug agent's answer to " + p.what + " did not decode: " + e.getMessage()));
            }
            return;
        }
        switch (message) {
            case Event event -> {
                for (Consumer<Event> listener : listeners) {
                    try {
                        listener.accept(event);
                    } catch (RuntimeException e) {
                        lastProtocolError = "a listener failed on " + event + ": " + e;
                    }
                }
            }
            case Response response -> {
                Pending p = pending.remove(response.request());
                if (p == null) {
                    return; // answered after its timeout
                }
                if (response instanceof DebugMessage.Error error) {
                    p.future.completeExceptionally(new AgentException(error.code(), error.message()));
                } else {
                    p.future.complete(response);
                }
            }
            case Request request -> lastProtocolError = "the agent sent a request: " + request;
        }
    }

    /** Sends the request {@code make} builds for a fresh id; completes with the response. */
    public CompletableFuture<Response> request(LongFunction<Request> make) {
        long id = nextId.getAndUpdate(n -> n == DebugCodec.MAX_VARINT ? 1 : n + 1);
        Request request = make.apply(id);
        String what = request.getClass().getSimpleName().toUpperCase();
        CompletableFuture<Response> future = new CompletableFuture<>();
        Pending p = new Pending(what, future);
        pending.put(id, p);
        try {
            executor.schedule(() -> {
                if (pending.remove(id, p)) {
                    future.completeExceptionally(new AgentException(0, "no answer from the debug agent to " + what + " within "
                            + timeout.toMillis() + " ms: is the device connected and its firmware built with the debug agent?"));
                }
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pending.remove(id);
            return CompletableFuture.failedFuture(new AgentException(0, "the debug session is closed"));
        }
        channel.send(DebugCodec.encode(request)).whenComplete((done, failure) -> {
            if (failure != null && pending.remove(id, p)) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                future.completeExceptionally(new AgentException("could not send " + what + " to the debug agent: " + cause.getMessage(), cause));
            }
        });
        return future;
    }

    private <T extends Response> CompletableFuture<T> expect(LongFunction<Request> make, Class<T> type) {
        return request(make).thenApply(r -> {
            if (!type.isInstance(r)) {
                throw new CompletionException(new AgentException(ErrorCode.BAD_REQUEST, "the debug agent answered "
                        + r.getClass().getSimpleName() + " where " + type.getSimpleName() + " was expected"));
            }
            return type.cast(r);
        });
    }

    private CompletableFuture<Void> ok(LongFunction<Request> make) {
        return expect(make, Ok.class).thenApply(ok -> null);
    }

    public CompletableFuture<Attached> attach(String container) {
        return expect(id -> new Attach(id, container), Attached.class);
    }

    public CompletableFuture<Void> detach() {
        return ok(Detach::new);
    }

    /** Completes with the agent's breakpoint id. */
    public CompletableFuture<Long> setBreakpoint(long method, long offset) {
        return expect(id -> new SetBreakpoint(id, method, offset), BreakpointSet.class).thenApply(BreakpointSet::breakpoint);
    }

    public CompletableFuture<Void> clearBreakpoint(long breakpoint) {
        return ok(id -> new ClearBreakpoint(id, breakpoint));
    }

    public CompletableFuture<Void> setExceptionStops(int flags) {
        return ok(id -> new SetExceptionStops(id, flags));
    }

    public CompletableFuture<Void> pause() {
        return ok(Pause::new);
    }

    public CompletableFuture<Void> resume() {
        return ok(Continue::new);
    }

    public CompletableFuture<Void> step(long task, StepMode mode, long frame, List<Range> ranges) {
        return ok(id -> new Step(id, task, mode, frame, ranges));
    }

    public CompletableFuture<List<TaskInfo>> tasks() {
        return expect(Tasks::new, TaskList.class).thenApply(TaskList::tasks);
    }

    /** Frames {@code start} .. {@code start + count - 1} (fewer at the bottom of the stack), in as many pages as it takes. */
    public CompletableFuture<Frames> stack(long task, long start, long count) {
        return stackFrom(task, start, count, new ArrayList<>());
    }

    private CompletableFuture<Frames> stackFrom(long task, long start, long count, List<Frame> got) {
        return expect(id -> new Stack(id, task, start, Math.min(count, PAGE)), Frames.class).thenCompose(page -> {
            got.addAll(page.frames());
            long next = start + page.frames().size();
            if (page.frames().isEmpty() || page.frames().size() >= count || next >= page.total()) {
                return CompletableFuture.completedFuture(new Frames(page.request(), page.total(), got));
            }
            return stackFrom(task, next, count - page.frames().size(), got);
        });
    }

    /** The values of slots {@code start} .. {@code start + count - 1} of a frame (fewer when it has fewer). */
    public CompletableFuture<List<Value>> locals(long task, long frame, long start, long count) {
        return values((s, c) -> id -> new Locals(id, task, frame, s, c), start, count);
    }

    /** Fields, elements or bytes (as ints) {@code start} .. {@code start + count - 1} of an object. */
    public CompletableFuture<List<Value>> object(long reference, long start, long count) {
        return values((s, c) -> id -> new GetObject(id, reference, s, c), start, count);
    }

    public CompletableFuture<List<Value>> globals(long start, long count) {
        return values((s, c) -> id -> new Globals(id, s, c), start, count);
    }

    private interface PageRequest {
        LongFunction<Request> make(long start, long count);
    }

    private CompletableFuture<List<Value>> values(PageRequest page, long start, long count) {
        return valuesFrom(page, start, count, new ArrayList<>());
    }

    private CompletableFuture<List<Value>> valuesFrom(PageRequest page, long start, long count, List<Value> got) {
        if (count <= 0) {
            return CompletableFuture.completedFuture(got);
        }
        return expect(page.make(start, Math.min(count, PAGE)), Values.class).thenCompose(values -> {
            got.addAll(values.values());
            int n = values.values().size();
            if (n == 0 || n >= count) {
                return CompletableFuture.completedFuture(got);
            }
            return valuesFrom(page, start + n, count - n, got);
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
        for (Pending p : pending.values()) {
            p.future.completeExceptionally(new AgentException(0, "the debug session was closed"));
        }
        pending.clear();
    }
}
