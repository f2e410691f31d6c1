package dev.blacksky.core.schedule;

import dev.blacksky.api.schedule.PluginScheduler;
import dev.blacksky.api.schedule.ScheduledTask;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** One plugin's scheduler on the host's time source; waits for each run, so a periodic task never overlaps itself. */
public final class HostPluginScheduler implements PluginScheduler, AutoCloseable {

    private final String pluginId;
    private final Consumer<Runnable> runner;
    private final TimeSource time;
    private final Set<Task> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public HostPluginScheduler(String pluginId, Consumer<Runnable> runner, TimeSource time) {
        this.pluginId = pluginId;
        this.runner = runner;
        this.time = time;
    }

    @Override
    public ScheduledTask schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(delay, "delay");
        return start(new Task(task, null), delay);
    }

    @Override
    public ScheduledTask scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        Objects.requireNonNull(initialDelay, "initialDelay");
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the period must be positive, got " + period);
        }
        return start(new Task(task, period), initialDelay);
    }

    private ScheduledTask start(Task task, Duration delay) {
        Objects.requireNonNull(task.body, "task");
        if (closed) {
            throw new IllegalStateException("plugin '" + pluginId + "' is stopped; it can no longer schedule tasks");
        }
        live.add(task);
        task.arm(delay);
        return task;
    }

    /** Cancels every task of the plugin; runs in progress finish, nothing new starts. */
    @Override
    public void close() {
        closed = true;
        for (Task task : live) {
            task.cancel();
        }
    }

    private final class Task implements ScheduledTask {
        private final Runnable body;
        private final Duration period;
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile TimeSource.Cancellable next;
        private volatile java.time.Instant dueAt;

        Task(Runnable body, Duration period) {
            this.body = body;
            this.period = period;
        }

        void arm(Duration delay) {
            dueAt = time.clock().instant().plus(delay);
            armAt(delay);
        }

        // Fixed rate: the next start is one period after the previous start, not after the previous end.
        private void rearm() {
            dueAt = dueAt.plus(period);
            Duration delay = Duration.between(time.clock().instant(), dueAt);
            armAt(delay.isNegative() ? Duration.ZERO : delay);
        }

        private void armAt(Duration delay) {
            next = time.schedule(delay, () -> runner.accept(this::run));
            if (done.get()) {
                next.cancel(); // cancelled while arming
            }
        }

        private void run() {
            if (done.get() || closed) {
                return;
            }
            try {
                body.run();
            } finally {
                rearmOrFinish();
            }
        }

        private void rearmOrFinish() {
            if (period == null) {
                finish();
            } else if (!done.get() && !closed) {
                rearm();
            }
        }

        private void finish() {
            done.set(true);
            live.remove(this);
        }

        @Override
        public boolean cancel() {
            if (!done.compareAndSet(false, true)) {
                return false;
            }
            live.remove(this);
            TimeSource.Cancellable pending = next;
            if (pending != null) {
                pending.cancel();
            }
            return true;
        }

        @Override
        public boolean isDone() {
            return done.get();
        }
    }
}
