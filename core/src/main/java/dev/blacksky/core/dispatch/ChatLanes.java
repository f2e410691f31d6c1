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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each chat's work in arrival order on a virtual thread, chats in parallel. A plugin call runs on its
 * lane's thread under a deadline that a watchdog checks every tick: past it, the thread is interrupted and
 * abandoned, the user is told, and a fresh thread carries on with the chat's queue. No timer task and no
 * thread per message: a busy chat drains many messages per thread start.
 */
final class ChatLanes implements AutoCloseable {

    /** What {@link #guarded} returns when the call ran past its deadline. */
    static final Throwable TIMED_OUT = new Throwable("timed out", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    private static final Logger log = LoggerFactory.getLogger(ChatLanes.class);
    private static final long TICK_MILLIS = 50;
    private static final long IDLE_LANE_NANOS = Duration.ofMinutes(2).toNanos();

    private final ConcurrentHashMap<ChatId, Lane> lanes = new ConcurrentHashMap<>();
    private final Set<Lane> detached = ConcurrentHashMap.newKeySet();
    private final Set<Thread> abandoned = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory());
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("blacksky-watchdog").daemon(true).factory());
    private final Runnable onJobDone;
    private final long lingerNanos;
    private long lastSweep = System.nanoTime();

    /**
     * {@code onJobDone} runs after each job's completion signal, wherever it completes; a drainer whose
     * queue runs empty waits up to {@code linger} for more before its thread ends.
     */
    ChatLanes(Runnable onJobDone, Duration linger) {
        this.onJobDone = onJobDone;
        this.lingerNanos = linger.toNanos();
        watchdog.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS); // starts its thread now, with the host's context loader
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
            Lane lane = lanes.computeIfAbsent(chat, c -> new Lane(false));
            lane.queue.offer(job);
            if (lane.retired && lane.queue.remove(job)) {
                continue; // the sweeper dropped this lane between our lookup and our offer: use a fresh one
            }
            if (lane.draining.compareAndSet(false, true)) {
                startDrainer(lane);
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

    private void startDrainer(Lane lane) {
        int generation = lane.generation;
        threads.execute(() -> drain(lane, generation));
    }

    private void drain(Lane lane, int generation) {
        while (true) {
            Lane.Job job;
            while ((job = lane.queue.poll()) != null) {
                try {
                    job.work().run(lane, job);
                } catch (RuntimeException | Error e) {
                    log.error("Unexpected failure while handling a message", e);
                }
                if (job.abandoned() || lane.generation != generation) {
                    Thread.interrupted(); // the watchdog's interrupt was for the abandoned call
                    return; // timed out: the watchdog completed this job and a new drainer owns the lane
                }
                finish(job);
                if (lane.queue.isEmpty()) {
                    linger(lane);
                }
            }
            lane.lastActiveNanos = System.nanoTime();
            lane.draining.set(false);
            if (lane.queue.isEmpty() || !lane.draining.compareAndSet(false, true)) {
                return;
            }
        }
    }

    // A chat that just spoke often speaks again within microseconds: waiting a little (yielding the carrier
    // to other lanes meanwhile) saves a thread start and a carrier wake-up per message.
    private void linger(Lane lane) {
        if (lingerNanos <= 0) {
            return;
        }
        long until = System.nanoTime() + lingerNanos;
        while (lane.queue.isEmpty() && System.nanoTime() - until < 0) {
            Thread.yield();
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
            job.abandon(); // the watchdog won: it finishes the job and hands the lane to a new thread
            return TIMED_OUT;
        }
        return failure;
    }

    // Every tick: time out overdue calls; now and then, drop lanes of chats that went quiet. Nothing may
    // escape: an exception would cancel the periodic tick, and with it every deadline.
    private void tick() {
        try {
            check(System.nanoTime());
        } catch (Throwable t) {
            log.error("The call watchdog hit an unexpected error; it keeps running", t);
        }
    }

    private void check(long now) {
        for (Lane lane : lanes.values()) {
            expire(lane, now);
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

    private void expire(Lane lane, long now) {
        Lane.Call call = lane.call.get();
        if (call != null && now - call.slowNanos() > 0 && call.warned().compareAndSet(false, true)) {
            threads.execute(call.onSlow());
        }
        if (call != null && now - call.deadlineNanos() > 0 && lane.call.compareAndSet(call, null)) {
            lane.generation++;
            abandoned.add(call.thread());
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
                    startDrainer(lane); // the lane stays marked draining; the new generation owns it
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
        watchdog.shutdownNow();
        threads.shutdownNow();
    }

}
