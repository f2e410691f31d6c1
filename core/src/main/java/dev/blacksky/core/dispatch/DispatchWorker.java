package dev.blacksky.core.dispatch;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One of the threads that drain chat lanes. It stays busy while messages keep coming, so handing a message
 * over costs a queue offer rather than a thread wake-up. Its thread is virtual: a plugin call it abandons
 * at a timeout is interrupted even in a blocking socket read (which closes the socket), and replacing a
 * worker stuck in a slow call costs next to nothing.
 */
final class DispatchWorker {

    /** Set by the worker before it parks; whoever clears it owes the worker an unpark. */
    final AtomicBoolean parked = new AtomicBoolean();
    /** The lane being drained, or null; read by the watchdog. */
    volatile Lane current;
    /** When the job in progress started (System.nanoTime), or 0 between jobs; read by the watchdog. */
    volatile long jobStartedNanos;
    // The job the watchdog saw last (its start time) and how long it has watched it run; the watchdog's own.
    private long watchedJob;
    private long watchedNanos;
    /** No longer part of the pool: finishes the job in hand, hands its lane back and ends. */
    volatile boolean detached;
    private final Thread thread;

    DispatchWorker(String name, Consumer<DispatchWorker> loop) {
        this.thread = Thread.ofVirtual().name(name).unstarted(() -> loop.accept(this));
        thread.setContextClassLoader(DispatchWorker.class.getClassLoader());
    }

    /**
     * Called by the watchdog each tick: how long the job in hand has held this worker, as the watchdog saw it
     * (0 between jobs). Each tick adds at most {@code credit}; a job first seen mid-way is credited with its
     * age so far, at most one {@code credit}.
     */
    long watch(long now, long credit) {
        long started = jobStartedNanos;
        if (started != watchedJob) {
            watchedJob = started;
            watchedNanos = started == 0 ? 0 : Math.min(Math.max(0, now - started), credit);
        } else if (started != 0) {
            watchedNanos += credit;
        }
        return watchedNanos;
    }

    Thread thread() {
        return thread;
    }

    void start() {
        thread.start();
    }
}
