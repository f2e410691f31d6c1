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
    /** The job the watchdog saw last (its start time) and how long it has watched it run; the watchdog's own. */
    long watchedJob;
    long watchedNanos;
    /** No longer part of the pool: finishes the job in hand, hands its lane back and ends. */
    volatile boolean detached;
    private final Thread thread;

    DispatchWorker(String name, Consumer<DispatchWorker> loop) {
        this.thread = Thread.ofVirtual().name(name).unstarted(() -> loop.accept(this));
        thread.setContextClassLoader(DispatchWorker.class.getClassLoader());
    }

    Thread thread() {
        return thread;
    }

    void start() {
        thread.start();
    }
}
