package dev.blacksky.core.dispatch;

import dev.blacksky.api.message.ChatId;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each chat's work in arrival order, chats in parallel, on a {@link WorkerPool}. A watchdog ticks:
 * a job that has held its worker for {@code handoff} gets that worker replaced in the pool, so a slow
 * plugin delays only its own chat; a plugin call past its deadline is interrupted and abandoned, the user
 * is told, and the chat's queue goes back to the pool. Event listeners run beside the lanes, each call on
 * a virtual thread of its own, under the same deadlines.
 */
final class ChatLanes implements AutoCloseable {

    /** What {@link #guarded} returns when the call ran past its deadline. */
    static final Throwable TIMED_OUT = new Throwable("timed out", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    private static final Logger log = LoggerFactory.getLogger(ChatLanes.class);
    private static final long TICK_MILLIS = 10;
    private static final long MAX_TICK_CREDIT_NANOS = TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS * 3 / 2);
    private static final long IDLE_LANE_NANOS = Duration.ofMinutes(2).toNanos();

    private final ConcurrentHashMap<ChatId, Lane> lanes = new ConcurrentHashMap<>();
    private final Set<Lane> detached = ConcurrentHashMap.newKeySet();
    private final Set<Thread> abandoned = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory());
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("blacksky-watchdog").daemon(true).factory());
    private final Runnable onJobDone;
    private final long handoffNanos;
    private final WorkerPool pool;
    private long lastSweep = System.nanoTime();
    private long lastCheck = System.nanoTime();

    /**
     * {@code onJobDone} runs after each job's completion signal, wherever it completes. {@code workers}
     * threads drain the lanes; an idle one polls for {@code spin} before it parks, and one whose job
     * has run for {@code handoff} is replaced in the pool.
     */
    ChatLanes(Runnable onJobDone, int workers, Duration spin, Duration handoff) {
        this(onJobDone, workers, spin, handoff, true);
    }

    /** {@code watch} false leaves the watchdog's ticks to the caller ({@link #check}): tests with their own clock. */
    ChatLanes(Runnable onJobDone, int workers, Duration spin, Duration handoff, boolean watch) {
        this.onJobDone = onJobDone;
        this.handoffNanos = handoff.toNanos();
        this.pool = new WorkerPool(workers, spin, this::finish);
        if (watch) {
            watchdog.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS); // starts its thread now, with the host's context loader
        }
    }

    /** Queues work behind everything already queued for the chat. */
    void submit(ChatId chat, Lane.Job job) {
        while (true) {
            Lane lane = lanes.get(chat);
            if (lane == null) {
                lane = lanes.computeIfAbsent(chat, c -> new Lane(false));
            }
            lane.queue.offer(job);
            if (lane.retired && lane.queue.remove(job)) {
                continue; // the sweeper dropped this lane between our lookup and our offer: use a fresh one
            }
            if (!lane.scheduled.get() && lane.scheduled.compareAndSet(false, true)) { // read first: a busy lane's flag stays unwritten
                pool.schedule(lane);
            }
            return;
        }
    }

    /** Runs one job on a thread of its own (event listeners), with the same deadline handling. */
    void detached(Lane.Job job) {
        Lane lane = new Lane(true);
        detached.add(lane);
        threads.execute(() -> {
            try {
                job.run(lane);
            } catch (RuntimeException | Error e) {
                log.error("Unexpected failure while delivering an event", e);
            } finally {
                detached.remove(lane);
            }
            if (!job.abandoned()) {
                finish(job);
            }
        });
    }

    // After a job's completion signal, wherever it completed.
    private void finish(Lane.Job job) {
        job.complete(null);
        onJobDone.run();
    }

    /**
     * Runs a plugin call on the current lane thread under a deadline. Returns null when it returned, what it
     * threw, or {@link #TIMED_OUT}: then the caller must return at once and not touch the message again.
     */
    static Throwable guarded(Lane lane, Lane.Job job, GuardedCall call) {
        call.start(job);
        lane.call.set(call); // publishes what start() wrote to the watchdog
        Throwable failure = null;
        try {
            call.run();
        } catch (Throwable t) {
            failure = t;
        }
        if (!lane.call.compareAndSet(call, null)) {
            job.abandon(); // the watchdog won: it finishes the job and hands the lane back to the pool
            return TIMED_OUT;
        }
        return failure;
    }

    // Every tick: replace workers stuck in a long job, time out overdue calls; now and then, drop lanes of chats that went quiet. Nothing may
    // escape: an exception would cancel the periodic tick, and with it every deadline.
    private void tick() {
        try {
            check(System.nanoTime());
        } catch (Throwable t) {
            log.error("The call watchdog hit an unexpected error; it keeps running", t);
        }
    }

    // A job's time on its worker is what the watchdog saw pass between its own ticks, each counted for at most
    // MAX_TICK_CREDIT: when the whole process stood still (a GC pause, a starved CPU), the job was not the
    // one holding anything up, and replacing workers then would only add threads. Deadlines stay wall-clock.
    void check(long now) {
        long credit = Math.max(0, Math.min(now - lastCheck, MAX_TICK_CREDIT_NANOS));
        lastCheck = now;
        for (DispatchWorker worker : pool.workers()) {
            if (worker.watch(now, credit) >= handoffNanos) {
                pool.detach(worker);
            }
            expire(worker.current, now, worker);
        }
        for (DispatchWorker worker : pool.detachedWorkers()) {
            expire(worker.current, now, worker);
        }
        for (Lane lane : detached) {
            expire(lane, now, null);
        }
        abandoned.removeIf(thread -> !thread.isAlive());
        if (now - lastSweep > IDLE_LANE_NANOS / 4) {
            lastSweep = now;
            sweepQuietLanes(now);
        }
    }

    // Drops the lanes of chats quiet for IDLE_LANE_NANOS; a message arriving meanwhile keeps its lane.
    private void sweepQuietLanes(long now) {
        lanes.forEach((chat, lane) -> {
            if (lane.idle() && now - lane.lastActiveNanos > IDLE_LANE_NANOS) {
                lanes.computeIfPresent(chat, (c, l) -> {
                    if (!l.idle()) {
                        return l;
                    }
                    l.retired = true;
                    if (!l.idle()) { // a message arrived meanwhile: its sender may not have seen "retired"
                        l.retired = false;
                        return l;
                    }
                    return null;
                });
            }
        });
    }

    // worker: the pool worker draining the lane, or null for a listener's own thread.
    private void expire(Lane lane, long now, DispatchWorker worker) {
        if (lane == null) {
            return;
        }
        GuardedCall call = lane.call.get();
        if (call != null && now - call.slowAtNanos > 0 && call.claimWarning()) {
            threads.execute(call::onSlow);
        }
        if (call != null && now - call.deadlineNanos > 0) {
            if (worker != null && !worker.detached) {
                // Before the call is taken from it: a worker whose call returns just now must already see
                // that it left the pool, or it could go on to another chat and get this call's interrupt there.
                pool.detach(worker);
            }
            if (!lane.call.compareAndSet(call, null)) {
                return; // the call returned in time after all
            }
            lane.generation++;
            abandoned.add(call.thread);
            // Off the watchdog thread: reporting may block (a send, a store write), and no deadline may wait.
            threads.execute(() -> {
                try {
                    call.onTimeout(); // first: it revokes the call's context, so nothing it sends after counts
                } catch (RuntimeException e) {
                    log.warn("Reporting a timed-out call failed", e);
                }
                call.thread.interrupt();
                finish(call.job);
                if (!lane.detached) {
                    pool.schedule(lane); // the lane stays scheduled; the pool drains its new generation
                }
            });
        }
    }

    /** Threads of timed-out calls that have not ended yet, despite the interrupt. */
    int abandonedThreadsAlive() {
        abandoned.removeIf(thread -> !thread.isAlive());
        return abandoned.size();
    }

    /** Gives every chat fresh worker threads (see {@link WorkerPool#renew}). */
    void renewWorkers() {
        pool.renew();
    }

    /** The workers currently in the pool. */
    DispatchWorker[] workers() {
        return pool.workers();
    }

    /** Chats that currently have a lane. */
    int lanes() {
        return lanes.size();
    }

    @Override
    public void close() {
        pool.close();
        watchdog.shutdownNow();
        threads.shutdownNow();
    }

}
