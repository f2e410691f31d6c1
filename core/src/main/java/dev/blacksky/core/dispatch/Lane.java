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

    /** What to do for one message, given the lane and job it runs in. */
    @FunctionalInterface
    interface Work {
        void run(Lane lane, Job job);
    }

    /** A unit of work and the completion signal of the message it belongs to. */
    static final class Job {
        private final Work work;
        private final CompletableFuture<Void> done;
        // Set by the lane thread itself when it lost its call to the watchdog: then the watchdog completes
        // the job and hands the lane on, and this thread must leave. Written and read by one thread.
        private boolean abandoned;

        Job(Work work, CompletableFuture<Void> done) {
            this.work = work;
            this.done = done;
        }

        Work work() {
            return work;
        }

        CompletableFuture<Void> done() {
            return done;
        }

        void abandon() {
            abandoned = true;
        }

        boolean abandoned() {
            return abandoned;
        }
    }

    /** A plugin call in progress: when it is slow, when it must end, and what to do then. */
    record Call(long slowNanos, long deadlineNanos, Job job, Thread thread, Runnable onSlow, Runnable onTimeout,
                AtomicBoolean warned) {
    }

    final ConcurrentLinkedQueue<Job> queue = new ConcurrentLinkedQueue<>();
    /** True while the lane is waiting in the workers' ready queue or being drained. */
    final AtomicBoolean scheduled = new AtomicBoolean();
    final AtomicReference<Call> call = new AtomicReference<>();
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
