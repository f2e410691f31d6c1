package dev.blacksky.core.dispatch;

import java.time.Duration;
import org.slf4j.MDC;

/**
 * One call into a plugin under a deadline: the code to run, and what to do once it is slow or overdue.
 * A single object per call, because the message path makes one per command: no deadline record, no
 * lambdas. {@link ChatLanes#guarded} starts it; the watchdog reads it from the lane.
 */
abstract class GuardedCall {

    // Deadlines are compared as differences of System.nanoTime values, which stay right up to 2^63 ns apart.
    private static final long LONGEST_NANOS = Long.MAX_VALUE / 2;

    private final String pluginId;
    private final ClassLoader loader;
    private final long slowNanos;
    private final long timeoutNanos;
    // Written by the lane thread in start(), before the call is published on the lane (a volatile write), read after.
    long slowAtNanos;
    long deadlineNanos;
    Lane.Job job;
    Thread thread;
    private boolean warned; // the watchdog's own: only its thread reads and writes it

    /** A call that is slow after {@code slow} and overdue after {@code timeout}. */
    GuardedCall(String pluginId, ClassLoader loader, Duration slow, Duration timeout) {
        this.pluginId = pluginId;
        this.loader = loader;
        this.slowNanos = nanos(slow);
        this.timeoutNanos = nanos(timeout);
    }

    /** Starts the clock for {@code job}'s call on the current thread; the caller then publishes the call. */
    void start(Lane.Job job) {
        long now = System.nanoTime();
        slowAtNanos = now + slowNanos;
        deadlineNanos = now + timeoutNanos;
        this.job = job;
        thread = Thread.currentThread();
    }

    /** The plugin's code. */
    abstract void invoke() throws Exception;

    /** The call is still running at its slow mark; runs once, off the watchdog. */
    abstract void onSlow();

    /** The call ran past its deadline and is abandoned; runs off the watchdog, before the interrupt. */
    abstract void onTimeout();

    /** A timeout in nanoseconds for deadline arithmetic, saturated: a timeout of centuries must not throw. */
    static long nanos(Duration timeout) {
        return timeout.compareTo(Duration.ofNanos(LONGEST_NANOS)) >= 0 ? LONGEST_NANOS : timeout.toNanos();
    }

    String pluginId() {
        return pluginId;
    }

    /** True the first time the watchdog asks: the call is warned about once. */
    boolean claimWarning() {
        if (warned) {
            return false;
        }
        warned = true;
        return true;
    }

    // The plugin's own class loader is the context loader while its code runs: ServiceLoader and the like
    // find its classes, and threads it starts are recognisably its own when it unloads.
    final void run() throws Exception {
        MDC.put("plugin", pluginId);
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        if (loader != null) {
            current.setContextClassLoader(loader);
        }
        try {
            invoke();
        } finally {
            current.setContextClassLoader(previous);
            MDC.remove("plugin");
        }
    }
}
