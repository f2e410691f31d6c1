package dev.blacksky.core.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Wall-clock time; due tasks start on virtual threads so one slow task never delays another. */
public final class SystemTimeSource implements TimeSource, AutoCloseable {

    private final Clock clock;
    private final ScheduledThreadPoolExecutor timer;

    public SystemTimeSource(Clock clock) {
        this.clock = clock;
        this.timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("blacksky-timer").daemon(true).factory());
        this.timer.setRemoveOnCancelPolicy(true);
        // Start the thread now, from host code: created lazily by a plugin's first schedule() it would inherit
        // that plugin's class loader as context loader and keep it alive after the plugin unloads.
        this.timer.prestartAllCoreThreads();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = timer.schedule(() -> Thread.ofVirtual().name("scheduled-task").start(task),
                Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
