package dev.blacksky.core.dispatch;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A platform thread that drains chat lanes. It stays on its core while messages keep coming, so handing a
 * message over costs a queue offer rather than a thread wake-up; a job that runs long gets the worker
 * detached from the pool (a fresh worker takes its place), so a slow plugin holds up only its own chat.
 */
final class DispatchWorker extends Thread {

    /** Set by the worker before it parks; whoever clears it owes the worker an unpark. */
    final AtomicBoolean parked = new AtomicBoolean();
    /** The lane being drained, or null; read by the watchdog. */
    volatile Lane current;
    /** When the job in progress started (System.nanoTime), or 0 between jobs; read by the watchdog. */
    volatile long jobStartedNanos;
    /** No longer part of the pool: finishes the job in hand, hands its lane back and ends. */
    volatile boolean detached;

    DispatchWorker(String name, Runnable loop) {
        super(null, loop, name, 0, false); // no inherited thread locals: plugins' MDC and the like stay out
        setDaemon(true);
        setContextClassLoader(DispatchWorker.class.getClassLoader());
    }
}
