package dev.blacksky.core.dispatch;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugin code runs on platform threads the operating system preempts, under deadlines kept by one timer; a
 * call past its deadline is abandoned, interrupted, and its thread replaced while it lingers.
 */
public final class PluginCalls implements AutoCloseable {

    /** The outcome of a call that ran past its deadline and was abandoned. */
    public static final Throwable TIMED_OUT = new Throwable("timed out", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    private static final Logger log = LoggerFactory.getLogger(PluginCalls.class);
    // Deadlines are differences of System.nanoTime values, which stay right up to 2^63 ns apart.
    private static final long LONGEST_NANOS = Long.MAX_VALUE / 2;
    private static final long SWEEP_MILLIS = 50;

    private final int threads;
    private final AtomicInteger names = new AtomicInteger();
    private final AtomicInteger abandonedAlive = new AtomicInteger();
    private final Set<Guarded> running = ConcurrentHashMap.newKeySet();
    private static volatile Call lastStarted; // the process's, for a report of running out of memory
    private ThreadPoolExecutor pool; // guarded by this; made on first use, so building the host starts no threads
    private volatile ScheduledThreadPoolExecutor timer; // written under this
    private boolean closed; // guarded by this

    public PluginCalls(int threads) {
        this.threads = threads;
    }

    /**
     * Plugin code and what to call it in logs, such as "command !ping of plugin 'basics'"; {@code account} is the
     * account whose message or event it handles, null for a scheduled task.
     */
    public record Call(String pluginId, String account, ClassLoader loader, String what) {
    }

    /**
     * Arms the deadline of an admitted call: logged past {@code slowAfter}, abandoned and interrupted at
     * {@code timeout}. Attach to {@link Guarded#outcome()} first, then {@link Guarded#run} the call here.
     */
    public Guarded guard(Call call, PluginGate gate, Duration slowAfter, Duration timeout, Runnable atDeadline) {
        return new Guarded(call, gate, atDeadline, slowAfter, timeout);
    }

    /** Runs plugin code without a deadline (a scheduled task) on the pool, logging a failure; done when it is. */
    public CompletableFuture<Void> execute(Call call, Runnable body) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            steps().execute(() -> {
                lastStarted = call;
                try {
                    PluginScope.run(call.pluginId(), call.account(), call.loader(), () -> {
                        body.run();
                        return null;
                    });
                } catch (Throwable t) {
                    escalate(t, call);
                    log.error("The {} failed", call.what(), t);
                } finally {
                    done.complete(null);
                }
            });
        } catch (RejectedExecutionException e) {
            done.complete(null); // the bot is stopping
        }
        return done;
    }

    /** Runs dispatch's steps on the pool; refuses once closed. */
    public Executor steps() {
        return this::submit;
    }

    private synchronized void submit(Runnable work) {
        if (closed) {
            throw new RejectedExecutionException("the bot is stopping");
        }
        if (pool == null) {
            pool = newPool();
        }
        pool.execute(work);
    }

    /**
     * The stage to hand a plugin for {@code stage}: what the plugin chains to it runs on a pool thread, never on
     * the host thread that completes it (a stage already complete runs it on the plugin's own calling thread).
     */
    public <T> CompletionStage<T> forPlugin(CompletionStage<T> stage) {
        CompletableFuture<T> future = stage.toCompletableFuture();
        return future.isDone() ? future.copy() : future.thenApplyAsync(value -> value, steps());
    }

    // A ThreadPoolExecutor keeps idle threads parked in its queue (a ForkJoinPool's spin looking for work, which
    // on two cores took half the CPU). It starts up to `threads` of them as work comes, and ends those idle 30 s.
    private ThreadPoolExecutor newPool() {
        ClassLoader host = PluginCalls.class.getClassLoader();
        int size = threads + abandonedAlive.get();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = Thread.ofPlatform().name("blacksky-dispatch-" + names.incrementAndGet())
                            .daemon(true).inheritInheritableThreadLocals(false).unstarted(runnable);
                    thread.setContextClassLoader(host); // not the loader of whichever plugin's call made the thread
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    // An abandoned call's thread does not count: the pool keeps `threads` threads for everything else.
    private synchronized void resize() {
        ThreadPoolExecutor executor = pool;
        int size = threads + abandonedAlive.get();
        if (executor == null || size == executor.getCorePoolSize()) {
            return;
        }
        if (size > executor.getMaximumPoolSize()) {
            executor.setMaximumPoolSize(size);
            executor.setCorePoolSize(size);
        } else {
            executor.setCorePoolSize(size);
            executor.setMaximumPoolSize(size);
        }
    }

    // One thread looks at the running calls every SWEEP_MILLIS, started with the first call: scheduling a timer
    // per call would cost a wake-up of the timer thread for most of them, which mostly end within microseconds.
    private void watch(Guarded call) {
        running.add(call);
        if (timer == null) {
            startTimer();
        }
    }

    private synchronized void startTimer() {
        if (timer == null && !closed) {
            timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("blacksky-deadlines").daemon(true).factory());
            timer.scheduleAtFixedRate(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    // Nothing may escape: an exception would end the periodic sweep, and with it every deadline.
    private void sweep() {
        long now = System.nanoTime();
        for (Guarded call : running) {
            try {
                call.check(now);
            } catch (RuntimeException | Error e) {
                log.error("Checking the deadline of the {} failed", call.call.what(), e);
            }
        }
    }

    /** Gives the pool fresh threads when a plugin unloads: its thread-locals would keep its class loader alive. */
    public synchronized void renew() {
        if (pool != null) {
            pool.shutdown();
            pool = null;
        }
    }

    /** Calls abandoned at their deadline whose threads are still in the plugin's code, ignoring the interrupt. */
    public int abandonedAlive() {
        return abandonedAlive.get();
    }

    /** The plugin call started most recently in this process, for a report of running out of memory. */
    public static String lastStarted() {
        Call call = lastStarted;
        return call == null ? "none" : call.what();
    }

    /** Hands running out of memory, naming the call, to the thread's handler: the process's policy applies. */
    static void escalate(Throwable error, Call call) {
        if (error instanceof OutOfMemoryError) {
            OutOfMemoryError named = new OutOfMemoryError("during the " + (call == null ? "dispatch of a message" : call.what())
                    + " (" + error.getMessage() + ")");
            named.initCause(error);
            Thread thread = Thread.currentThread();
            thread.getUncaughtExceptionHandler().uncaughtException(thread, named);
        }
    }

    /** A timeout in nanoseconds for deadline arithmetic, saturated: a timeout of centuries must not overflow. */
    static long nanos(Duration timeout) {
        return timeout.compareTo(Duration.ofNanos(LONGEST_NANOS)) >= 0 ? LONGEST_NANOS : timeout.toNanos();
    }

    /** Interrupts the calls in progress and accepts no more. */
    @Override
    public synchronized void close() {
        closed = true;
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    /** One call under its deadline: RUNNING until it returns (DONE) or the sweeper abandons it (ABANDONED, then DONE). */
    public final class Guarded {
        private static final int RUNNING = 0;
        private static final int ABANDONED = 1;
        private static final int DONE = 2;

        private final CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        private final Call call;
        private final PluginGate gate;
        private final Runnable atDeadline;
        private final Duration slowAfter;
        private final long slowAt;
        private final long deadline;
        private int state = RUNNING; // guarded by this
        private boolean warned; // the sweeper's own
        private Thread runner;

        private Guarded(Call call, PluginGate gate, Runnable atDeadline, Duration slowAfter, Duration timeout) {
            this.call = call;
            this.gate = gate;
            this.atDeadline = atDeadline;
            this.slowAfter = slowAfter;
            long now = System.nanoTime();
            this.deadline = now + nanos(timeout);
            this.slowAt = now + Math.min(nanos(slowAfter), nanos(timeout));
            watch(this);
        }

        /**
         * Completes with null if the call returned, with what it threw, or with {@link #TIMED_OUT} at the deadline,
         * then on a thread of its own, before the call is interrupted.
         */
        public CompletableFuture<Throwable> outcome() {
            return outcome;
        }

        /** Runs the call on the current thread; returns when it does, which for an abandoned call may be much later. */
        public void run(PluginScope.Body<?> body) {
            synchronized (this) {
                runner = Thread.currentThread();
                if (state != RUNNING) {
                    return; // its deadline passed before it started
                }
            }
            lastStarted = call;
            Throwable error = null;
            try {
                PluginScope.run(call.pluginId(), call.account(), call.loader(), body);
            } catch (Throwable t) {
                escalate(t, call);
                error = t;
            }
            returned(error);
        }

        // On the sweeper.
        void check(long now) {
            if (!warned && now - slowAt >= 0 && now - deadline < 0) {
                warned = true;
                log.warn("The {} is still running after {}", call.what(), slowAfter);
            }
            if (now - deadline >= 0) {
                expire();
            }
        }

        // On the sweeper: the call is abandoned; the rest happens on a thread of its own, so no deadline waits for it.
        private void expire() {
            boolean started;
            synchronized (this) {
                if (state != RUNNING) {
                    return;
                }
                running.remove(this);
                atDeadline.run();
                started = runner != null;
                state = started ? ABANDONED : DONE;
            }
            if (!started) {
                gate.free();
            } else {
                abandonedAlive.incrementAndGet();
                resize(); // a fresh thread takes this one's place until it leaves the plugin's code
            }
            Thread.ofVirtual().name("blacksky-deadline").start(() -> {
                outcome.complete(TIMED_OUT); // the caller answers the user and the chat moves on
                synchronized (this) {
                    if (state == ABANDONED) { // still in the call, not already in its thread's next work
                        runner.interrupt();
                    }
                }
            });
        }

        // On the call's thread, when the body returned or threw.
        private void returned(Throwable error) {
            boolean abandoned;
            synchronized (this) {
                abandoned = state == ABANDONED;
                state = DONE;
            }
            running.remove(this);
            Thread.interrupted(); // an interrupt meant for this call must not reach the thread's next work
            if (abandoned) {
                abandonedAlive.decrementAndGet();
                resize();
            }
            gate.free();
            if (!abandoned) {
                outcome.complete(error);
            }
        }
    }
}
