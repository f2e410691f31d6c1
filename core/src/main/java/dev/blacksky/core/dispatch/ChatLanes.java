package dev.blacksky.core.dispatch;

import dev.blacksky.api.message.ChatId;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each chat's work in arrival order, chats in parallel. Lanes with work wait in one ready queue that a
 * small pool of platform workers drains; an idle worker spins briefly before it parks, so a steady stream
 * of messages never pays for a thread wake-up. A job that runs longer than {@code handoff} detaches its
 * worker from the pool and a new worker takes its place, so a slow plugin delays only its own chat. A
 * plugin call runs under a deadline that a watchdog checks every tick: past it, the thread is interrupted
 * and abandoned, the user is told, and the chat's queue goes back to the pool.
 */
final class ChatLanes implements AutoCloseable {

    /** What {@link #guarded} returns when the call ran past its deadline. */
    static final Throwable TIMED_OUT = new Throwable("timed out", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    private static final Logger log = LoggerFactory.getLogger(ChatLanes.class);
    private static final long TICK_MILLIS = 10;
    private static final long IDLE_LANE_NANOS = Duration.ofMinutes(2).toNanos();
    private static final int BATCH = 64; // jobs from one lane before the worker moves on: fairness across chats

    private final ConcurrentHashMap<ChatId, Lane> lanes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Lane> ready = new ConcurrentLinkedQueue<>();
    private volatile DispatchWorker[] pool; // replaced (copy on write) only by the watchdog
    private final Set<DispatchWorker> detachedWorkers = ConcurrentHashMap.newKeySet();
    private final Set<Lane> detached = ConcurrentHashMap.newKeySet();
    private final Set<Thread> abandoned = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory());
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("blacksky-watchdog").daemon(true).factory());
    private final Runnable onJobDone;
    private final long spinNanos;
    private final long handoffNanos;
    private final AtomicInteger workerNames = new AtomicInteger();
    private volatile boolean closed;
    private long lastSweep = System.nanoTime();

    /**
     * {@code onJobDone} runs after each job's completion signal, wherever it completes. {@code workers}
     * platform threads drain the lanes; an idle one polls for {@code spin} before it parks, and one whose job
     * has run for {@code handoff} is replaced in the pool.
     */
    ChatLanes(Runnable onJobDone, int workers, Duration spin, Duration handoff) {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one dispatch worker is needed, got " + workers);
        }
        this.onJobDone = onJobDone;
        this.spinNanos = spin.toNanos();
        this.handoffNanos = handoff.toNanos();
        DispatchWorker[] initial = new DispatchWorker[workers];
        for (int i = 0; i < workers; i++) {
            initial[i] = newWorker();
        }
        this.pool = initial;
        for (DispatchWorker worker : initial) {
            worker.start();
        }
        watchdog.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS); // starts its thread now, with the host's context loader
    }

    /** Worker count for a configured value: 0 means half the cores, at least one. */
    static int workersFor(int configured) {
        return configured > 0 ? configured : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** When a call is slow (warn once) and when it is over (cancel), and what to do at each point. */
    record Deadline(Duration slow, Duration timeout, Runnable onSlow, Runnable onTimeout) {
    }

    /** A plugin call: returns normally or throws. */
    @FunctionalInterface
    interface PluginCall {
        void run() throws Exception;
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
                schedule(lane);
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
                job.work().run(lane, job);
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

    private DispatchWorker newWorker() {
        return new DispatchWorker("blacksky-dispatch-" + workerNames.incrementAndGet(), this::work);
    }

    private void schedule(Lane lane) {
        ready.offer(lane);
        for (DispatchWorker worker : pool) {
            if (worker.parked.get() && worker.parked.compareAndSet(true, false)) {
                LockSupport.unpark(worker);
                return;
            }
        }
    }

    private void work() {
        DispatchWorker self = (DispatchWorker) Thread.currentThread();
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
                    job.work().run(lane, job);
                } catch (RuntimeException | Error e) {
                    log.error("Unexpected failure while handling a message", e);
                } finally {
                    self.jobStartedNanos = 0;
                }
                if (job.abandoned() || lane.generation != generation) {
                    Thread.interrupted(); // the watchdog's interrupt was for the abandoned call
                    return; // timed out: the watchdog completed this job and handed the lane on
                }
                finish(job);
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

    private void finish(Lane.Job job) {
        job.done().complete(null);
        onJobDone.run();
    }

    /**
     * Runs a plugin call on the current lane thread under a deadline. Returns null when it returned, what it
     * threw, or {@link #TIMED_OUT}: then the caller must return at once and not touch the message again.
     */
    static Throwable guarded(Lane lane, Lane.Job job, Deadline deadline, PluginCall pluginCall) {
        long now = System.nanoTime();
        Lane.Call call = new Lane.Call(now + deadline.slow().toNanos(), now + deadline.timeout().toNanos(), job,
                Thread.currentThread(), deadline.onSlow(), deadline.onTimeout(), new java.util.concurrent.atomic.AtomicBoolean());
        lane.call.set(call);
        Throwable failure = null;
        try {
            pluginCall.run();
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

    private void check(long now) {
        for (DispatchWorker worker : pool) {
            long started = worker.jobStartedNanos;
            if (started != 0 && now - started > handoffNanos) {
                detach(worker);
            }
            expire(worker.current, now);
        }
        for (DispatchWorker worker : detachedWorkers) {
            expire(worker.current, now);
        }
        for (Lane lane : detached) {
            expire(lane, now);
        }
        abandoned.removeIf(thread -> !thread.isAlive());
        if (now - lastSweep > IDLE_LANE_NANOS / 4) {
            lastSweep = now;
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
    }

    // The worker stays busy with its job, so the pool gets a fresh one; this one ends once the job returns.
    private void detach(DispatchWorker worker) {
        DispatchWorker[] current = pool;
        DispatchWorker[] next = current.clone();
        for (int i = 0; i < next.length; i++) {
            if (next[i] == worker) {
                worker.detached = true;
                detachedWorkers.add(worker);
                next[i] = newWorker();
                pool = next;
                next[i].start();
                log.debug("Dispatch worker {} is busy with one job for long; {} takes its place", worker.getName(),
                        next[i].getName());
                return;
            }
        }
    }

    private void expire(Lane lane, long now) {
        if (lane == null) {
            return;
        }
        Lane.Call call = lane.call.get();
        if (call != null && now - call.slowNanos() > 0 && call.warned().compareAndSet(false, true)) {
            threads.execute(call.onSlow());
        }
        if (call != null && now - call.deadlineNanos() > 0 && lane.call.compareAndSet(call, null)) {
            lane.generation++;
            abandoned.add(call.thread());
            if (call.thread() instanceof DispatchWorker worker && !worker.detached) {
                detach(worker); // the pool must not wait for a call that may never return
            }
            // Off the watchdog thread: reporting may block (a send, a store write), and no deadline may wait.
            threads.execute(() -> {
                try {
                    call.onTimeout().run(); // first: it revokes the call's context, so nothing it sends after counts
                } catch (RuntimeException e) {
                    log.warn("Reporting a timed-out call failed", e);
                }
                call.thread().interrupt();
                finish(call.job());
                if (!lane.detached) {
                    schedule(lane); // the lane stays scheduled; the pool drains its new generation
                }
            });
        }
    }

    /** Threads of timed-out calls that have not ended yet, despite the interrupt. */
    int abandonedThreadsAlive() {
        abandoned.removeIf(thread -> !thread.isAlive());
        return abandoned.size();
    }

    /** Chats that currently have a lane. */
    int lanes() {
        return lanes.size();
    }

    @Override
    public void close() {
        closed = true;
        for (DispatchWorker worker : pool) {
            LockSupport.unpark(worker);
        }
        watchdog.shutdownNow();
        threads.shutdownNow();
    }

}
