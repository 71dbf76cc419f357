package io.eave.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.eave.compiler.debug.DebugInfo;
import io.eave.debug.protocol.DebugCodec;
import io.eave.debug.protocol.DebugMessage;
import io.eave.debug.protocol.DebugMessage.*;
import io.eave.debug.protocol.ErrorCode;
import io.eave.debug.protocol.Value;

/** AgentClient over an in-memory channel, and SourceMap's step ranges. */
class AgentClientTest {

    /** A channel whose device answers with {@code answer} (null: silence). */
    static final class Loop implements AgentChannel {
        final List<Request> seen = new ArrayList<>();
        Consumer<byte[]> receiver;
        final Function<Request, List<DebugMessage>> answer;

        Loop(Function<Request, List<DebugMessage>> answer) {
            this.answer = answer;
        }

        @Override
        public CompletableFuture<Void> send(byte[] message) {
            Request r = DebugCodec.decodeRequest(message);
            seen.add(r);
            List<DebugMessage> replies = answer.apply(r);
            if (replies != null) replies.forEach(m -> receiver.accept(DebugCodec.encode(m)));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onReceive(Consumer<byte[]> receiver) {
            this.receiver = receiver;
        }
    }

    static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(5, TimeUnit.SECONDS);
    }

    @Test
    void theAgentsErrorArrivesWithItsCodeAndMessage() throws Exception {
        Loop loop = new Loop(r -> List.of(new DebugMessage.Error(r.request(), ErrorCode.NOT_STOPPED, "the container is running: pause it first")));
        try (AgentClient client = new AgentClient(loop, Duration.ofSeconds(5))) {
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> get(client.stack(1, 0, 5)));
            AgentException cause = (AgentException) e.getCause();
            assertEquals(ErrorCode.NOT_STOPPED, cause.code());
            assertEquals("the container is running: pause it first", cause.getMessage());
        }
    }

    @Test
    void aSilentAgentTimesOutWithAMessageSayingWhatToCheck() {
        try (AgentClient client = new AgentClient(new Loop(r -> null), Duration.ofMillis(100))) {
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> get(client.tasks()));
            assertTrue(e.getCause().getMessage().contains("no answer from the debug agent to TASKS within 100 ms"), e.getCause().getMessage());
        }
    }

    @Test
    void valuesArePagedUntilTheCountOrTheEndAndEventsReachListenersInOrder() throws Exception {
        // the agent answers at most 3 values per message, as if more would not fit; the object has 8
        Loop loop = new Loop(r -> switch (r) {
            case GetObject o -> {
                List<Value> v = new ArrayList<>();
                for (long i = o.start(); i < Math.min(8, o.start() + Math.min(3, o.count())); i++) v.add(new Value.Int(i * 10));
                yield List.of(new Values(r.request(), v));
            }
            case Pause p -> List.of(new Ok(r.request()), new Stopped(1, StopReason.PAUSE, 0, Value.NULL_VALUE, false));
            default -> List.of(new Ok(r.request()));
        });
        try (AgentClient client = new AgentClient(loop, Duration.ofSeconds(5))) {
            List<Value> values = get(client.object(7, 2, 100));
            assertEquals(List.of(20L, 30L, 40L, 50L, 60L, 70L), values.stream().map(v -> ((Value.Int) v).value()).toList());
            assertEquals(List.of(2L, 5L, 8L), loop.seen.stream().map(r -> ((GetObject) r).start()).toList(), "asks again where each page ended");

            CompletableFuture<Event> stopped = new CompletableFuture<>();
            client.addEventListener(stopped::complete);
            get(client.pause());
            assertEquals(StopReason.PAUSE, ((Stopped) get(stopped)).reason());
        }
    }

    @Test
    void stepRangesCoverEveryStretchOfTheCurrentLine() throws Exception {
        DebugInfo info = DebugInfo.fromJson("""
                { "format": 1, "imageId": "00", "files": [ { "path": "/a.toit", "sha256": "" } ], "classes": [], "globals": [],
                  "selectors": [], "methods": [ { "name": "loop", "kind": "static", "file": 0, "start": [1, 1], "end": [9, 1], "outer": -1,
                  "lines": [ [2, 2], [6, 3], [9, 4], [14, 3], [18, 5] ], "locals": [] } ] }
                """);
        SourceMap map = new SourceMap(info);
        assertEquals(List.of(new Range(6, 9), new Range(14, 18)), map.lineRanges(0, 7), "a loop condition on line 3 twice");
        assertEquals(List.of(new Range(0, 2)), map.lineRanges(0, 0), "before the first statement");
        assertEquals(List.of(new Range(18, SourceMap.END)), map.lineRanges(0, 30), "the last statement runs to the end");
        assertTrue(map.statementStart(0, 14));
        assertEquals(3, map.line(0, 15));
    }
}
