package io.eave.flash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Keeps every progress event; checks the listener contract. */
public final class RecordingListener implements FlashListener {

    public record Event(FlashPhase phase, long done, long total, String message) { }

    public final List<Event> events = new ArrayList<>();
    private final Consumer<Event> also;

    public RecordingListener() {
        this(e -> { });
    }

    public RecordingListener(Consumer<Event> also) {
        this.also = also;
    }

    @Override
    public synchronized void progress(FlashPhase phase, long done, long total, String message) {
        Event e = new Event(phase, done, total, message);
        events.add(e);
        also.accept(e);
    }

    /** done never decreases, never passes total, phases never go back, and the last event is DONE at 100%. */
    public synchronized void assertMonotonicToCompletion() {
        assertMonotonic();
        Event last = events.get(events.size() - 1);
        assertEquals(FlashPhase.DONE, last.phase());
        assertEquals(last.total(), last.done(), "the last event reports 100%");
    }

    public synchronized void assertMonotonic() {
        long done = 0;
        for (Event e : events) {
            assertTrue(e.done() >= done, "progress went back from " + done + " to " + e.done() + " in " + events);
            assertTrue(e.done() <= e.total(), "progress passed the total: " + e);
            done = e.done();
        }
    }

    public synchronized boolean saw(FlashPhase phase) {
        return events.stream().anyMatch(e -> e.phase() == phase);
    }

    public synchronized String messages() {
        return String.join("\n", events.stream().map(Event::message).filter(m -> !m.isEmpty()).toList());
    }
}
