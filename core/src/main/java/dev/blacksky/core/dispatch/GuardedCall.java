package dev.blacksky.core.dispatch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import org.slf4j.MDC;

/**
 * One call into a plugin under a deadline: the code to run, and what to do once it is slow or overdue.
 * A single object per call, because the message path makes one per command: no deadline record, no
 * lambdas. {@link ChatLanes#guarded} starts it; the watchdog reads it from the lane.
 */
abstract class GuardedCall {

    private static final VarHandle WARNED;

    static {
        try {
            WARNED = MethodHandles.lookup().findVarHandle(GuardedCall.class, "warned", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Deadlines are compared as differences of System.nanoTime values, which stay right up to 2^63 ns apart.
    private static final long LONGEST_NANOS = Long.MAX_VALUE / 2;

    private final String pluginId;
    private final ClassLoader loader;
    // Written by the lane thread before the call is published on the lane (a volatile write), read after.
    long slowAtNanos;
    long deadlineNanos;
    Lane.Job job;
    Thread thread;
    @SuppressWarnings("unused") // through WARNED
    private volatile boolean warned;

    GuardedCall(String pluginId, ClassLoader loader) {
        this.pluginId = pluginId;
        this.loader = loader;
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

    /** True for the one caller that gets to warn that the call is slow. */
    boolean claimWarning() {
        return WARNED.compareAndSet(this, false, true);
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
