package dev.blacksky.core.schedule;

import java.time.Clock;
import java.time.Duration;

/** The host's notion of time: what time it is, and running something later. */
public interface TimeSource {

    Clock clock();

    /** Runs {@code task} once after {@code delay}; the task may block (it gets a thread of its own). */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled run that can be called off. */
    interface Cancellable {
        /** Returns true if this call prevented the run. */
        boolean cancel();
    }
}
