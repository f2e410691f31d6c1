package dev.blacksky.core.dispatch;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that drain chat lanes. Lanes with work wait in one ready queue; a worker takes a
 * lane, runs up to 64 of its jobs in order, and puts it back if more are waiting. An idle
 * worker polls for {@code spin} before it parks, so a steady stream of messages never pays for a thread
 * wake-up. A worker stuck in one job can be {@linkplain #detach detached}: a fresh one takes its place.
 */
final class WorkerPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
    private static final int BATCH = 64; // jobs from one lane before the worker moves on: fairness across chats

    private final ConcurrentLinkedQueue<Lane> ready = new ConcurrentLinkedQueue<>();
    private volatile DispatchWorker[] pool; // replaced (copy on write) only by detach, which the watchdog calls
    private final Set<DispatchWorker> detachedWorkers = ConcurrentHashMap.newKeySet();
    private final Consumer<Lane.Job> onFinished;
    private final long spinNanos;
    private final AtomicInteger workerNames = new AtomicInteger();
    private volatile boolean closed;

    /** Starts {@code workers} threads; {@code onFinished} runs after each job that was not abandoned. */
    WorkerPool(int workers, Duration spin, Consumer<Lane.Job> onFinished) {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one dispatch worker is needed, got " + workers);
        }
        this.onFinished = onFinished;
        this.spinNanos = spin.toNanos();
        DispatchWorker[] initial = new DispatchWorker[workers];
        for (int i = 0; i < workers; i++) {
            initial[i] = newWorker();
        }
        this.pool = initial;
        for (DispatchWorker worker : initial) {
            worker.start();
        }
    }

    /** Worker count for a configured value: 0 means half the cores, at least one. */
    static int workersFor(int configured) {
        return configured > 0 ? configured : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** The workers currently in the pool. */
    DispatchWorker[] workers() {
        return pool;
    }

    /** Workers that left the pool and are still finishing their job. */
    Set<DispatchWorker> detachedWorkers() {
        return detachedWorkers;
    }

    private DispatchWorker newWorker() {
        return new DispatchWorker("blacksky-dispatch-" + workerNames.incrementAndGet(), this::work);
    }

    /** Puts a lane whose scheduled flag the caller set in line for a worker. */
    void schedule(Lane lane) {
        ready.offer(lane);
        wakeOne();
    }

    private void wakeOne() {
        for (DispatchWorker worker : pool) {
            if (worker.parked.get() && worker.parked.compareAndSet(true, false)) {
                LockSupport.unpark(worker.thread());
                return;
            }
        }
    }

    private void work(DispatchWorker self) {
        try {
            while (!closed && !self.detached) {
                Lane lane = ready.poll();
                if (lane == null) {
                    idle(self);
                } else {
                    drain(self, lane);
                }
            }
        } finally {
            detachedWorkers.remove(self);
            if (!closed && !ready.isEmpty()) {
                wakeOne(); // a schedule() that read the pool before this worker left may have woken only it
            }
        }
    }

    // A chat that just spoke often speaks again within microseconds: polling a little before parking saves
    // a futex wake-up per message. The parked flag is set before the last look, so no offer goes unseen.
    private void idle(DispatchWorker self) {
        long until = System.nanoTime() + spinNanos;
        while (ready.isEmpty() && System.nanoTime() - until < 0) {
            Thread.onSpinWait();
        }
        if (!ready.isEmpty()) {
            return;
        }
        self.parked.set(true);
        if (!ready.isEmpty() || closed || self.detached) {
            self.parked.set(false);
            return;
        }
        LockSupport.park(this);
        self.parked.set(false);
    }

    private void drain(DispatchWorker self, Lane lane) {
        int generation = lane.generation;
        self.current = lane;
        try {
            for (int n = 0; n < BATCH; n++) {
                Lane.Job job = lane.queue.poll();
                if (job == null) {
                    break;
                }
                self.jobStartedNanos = System.nanoTime();
                try {
                    job.run(lane);
                } catch (RuntimeException | Error e) {
                    log.error("Unexpected failure while handling a message", e);
                } finally {
                    self.jobStartedNanos = 0;
                }
                if (job.abandoned() || lane.generation != generation) {
                    Thread.interrupted(); // the watchdog's interrupt was for the abandoned call
                    return; // timed out: the watchdog completed this job and handed the lane on
                }
                onFinished.accept(job);
                if (self.detached) {
                    break;
                }
            }
        } finally {
            self.current = null;
        }
        release(lane);
    }

    // The drainer is done with the lane for now: it goes back in line if work is left, or rests otherwise.
    private void release(Lane lane) {
        if (!lane.queue.isEmpty()) {
            schedule(lane);
            return;
        }
        lane.lastActiveNanos = System.nanoTime();
        lane.scheduled.set(false);
        if (!lane.queue.isEmpty() && lane.scheduled.compareAndSet(false, true)) {
            schedule(lane);
        }
    }

    // The worker stays busy with its job, so the pool gets a fresh one; this one ends once the job returns.
    // Synchronized: the watchdog and renew() both replace the array, and no replacement may be lost.
    synchronized void detach(DispatchWorker worker) {
        DispatchWorker[] current = pool;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == worker) {
                // The replacement runs before anything changes: if it cannot start, the pool stays as it was
                // (and the watchdog tries again next tick) rather than keeping a worker that never runs.
                DispatchWorker replacement = newWorker();
                replacement.start();
                DispatchWorker[] next = current.clone();
                next[i] = replacement;
                pool = next; // before the flag: a leaving worker hands any wake-up it got to the pool it sees
                detachedWorkers.add(worker); // before the flag too: a worker that sees it leaves and removes itself
                worker.detached = true;
                LockSupport.unpark(worker.thread()); // if its job ended meanwhile and it went idle, it must see it left
                log.debug("Dispatch worker {} leaves the pool (a long job, or a plugin unloaded); {} takes its place",
                        worker.thread().getName(), replacement.thread().getName());
                return;
            }
        }
    }

    /**
     * Replaces every worker with a fresh thread; each old one ends after its current job. Called when a plugin
     * is unloaded: thread-local values its code left on a worker would otherwise keep its class loader alive.
     */
    synchronized void renew() {
        for (DispatchWorker worker : pool) {
            detach(worker);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (DispatchWorker worker : pool) {
            LockSupport.unpark(worker.thread());
        }
    }
}
