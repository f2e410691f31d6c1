package dev.blacksky.core.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** Counts events within a trailing time window: "5 drops in 10 min", "3 bad sessions in 10 min". */
final class SlidingWindow {

    private final int limit;
    private final Duration window;
    private final Deque<Instant> events = new ArrayDeque<>();

    SlidingWindow(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** Adds an event at {@code now}; returns true once the window holds {@code limit} of them. */
    boolean add(Instant now) {
        events.addLast(now);
        Instant horizon = now.minus(window);
        while (!events.isEmpty() && !events.peekFirst().isAfter(horizon)) {
            events.removeFirst();
        }
        return events.size() >= limit;
    }

    void clear() {
        events.clear();
    }
}
