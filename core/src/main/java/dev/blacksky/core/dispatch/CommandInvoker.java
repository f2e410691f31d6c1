package dev.blacksky.core.dispatch;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs each handler call on its own virtual thread with a deadline; a call past it is interrupted and the
 * caller told, so a slow or hung plugin never holds up anything else.
 */
final class CommandInvoker implements AutoCloseable {

    private final ExecutorService handlers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("command-", 0).factory());
    private final ScheduledThreadPoolExecutor timers;
    private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();

    CommandInvoker() {
        timers = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("command-timer").daemon(true).factory());
        timers.setRemoveOnCancelPolicy(true);
    }

    /** Completes normally, with the handler's exception, or with {@link TimeoutException} after {@code timeout}. */
    CompletableFuture<Void> invoke(ThrowingRunnable handler, Duration timeout) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Future<?> call = handlers.submit(() -> {
            running.incrementAndGet();
            try {
                handler.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            } finally {
                running.decrementAndGet();
            }
        });
        ScheduledFuture<?> deadline = timers.schedule(() -> {
            if (done.completeExceptionally(new TimeoutException("timed out after " + timeout))) {
                call.cancel(true);
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        done.whenComplete((ignored, error) -> deadline.cancel(false));
        return done;
    }

    int running() {
        return running.get();
    }

    @Override
    public void close() {
        timers.shutdownNow();
        handlers.shutdownNow();
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
