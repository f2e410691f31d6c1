package dev.blacksky.core.dispatch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One chat's queue of work, drained in order by at most one thread at a time. A plugin call in progress is
 * published as {@link #call} so the watchdog can time it out; a lane whose call timed out gets a new
 * generation and goes back to the workers, and the old thread leaves without touching it again.
 */
final class Lane {

    /**
     * A unit of work, and the completion signal of the message it belongs to: one object per message, which the
     * caller gets back as the message's future.
     */
    abstract static class Job extends CompletableFuture<Void> {
        // Set by the lane thread itself when it lost its call to the watchdog: then the watchdog completes
        // the job and hands the lane on, and this thread must leave. Written and read by one thread.
        private boolean abandoned;

        /** Does the work, on the thread that drains the lane. */
        abstract void run(Lane lane);

        void abandon() {
            abandoned = true;
        }

        boolean abandoned() {
            return abandoned;
        }
    }

    final ConcurrentLinkedQueue<Job> queue = new ConcurrentLinkedQueue<>();
    /** True while the lane is waiting in the workers' ready queue or being drained. */
    final AtomicBoolean scheduled = new AtomicBoolean();
    final AtomicReference<GuardedCall> call = new AtomicReference<>();
    final boolean detached; // a one-off call (an event listener), not a chat's queue
    volatile int generation;
    volatile boolean retired;
    volatile long lastActiveNanos = System.nanoTime();

    Lane(boolean detached) {
        this.detached = detached;
    }

    boolean idle() {
        return !scheduled.get() && queue.isEmpty();
    }
}
