package dev.blacksky.core.plugin;

import dev.blacksky.core.dispatch.DurationText;
import dev.blacksky.core.dispatch.PluginGate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One plugin generation's gate: a bulkhead (bounded concurrent calls and waiters), a circuit breaker that
 * pauses the plugin when it keeps failing, and a count of calls in flight so a reload can drain them. A
 * successful call touches no lock: one CAS in, one decrement out, a few volatile reads; locks are taken
 * only to wait for a slot, to record a failure and to run the half-open probe.
 */
final class PluginSupervision implements PluginGate {

    /** The breaker's state. */
    enum BreakerState { CLOSED, OPEN, HALF_OPEN }

    private final String pluginId;
    private final ClassLoader loader;
    private final PluginHostSettings settings;
    private final Clock clock;
    private final Consumer<String> onOpen;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final ReentrantLock slotLock = new ReentrantLock();
    private final Condition slotFreed = slotLock.newCondition();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile BreakerState breaker = BreakerState.CLOSED;
    private volatile boolean retired;
    // Guarded by this: the call numbers of recent failures, the open window, the probe, the reason.
    private final Deque<Long> recentFailures = new ArrayDeque<>();
    private Instant openUntil = Instant.MIN;
    private String openReason = "";
    private boolean probing;
    private long failures;

    PluginSupervision(String pluginId, ClassLoader loader, PluginHostSettings settings, Clock clock, Consumer<String> onOpen) {
        this.pluginId = pluginId;
        this.loader = loader;
        this.settings = settings;
        this.clock = clock;
        this.onOpen = onOpen;
    }

    @Override
    public Admission admit() {
        if (retired) {
            return Admission.RETIRED;
        }
        if (breaker != BreakerState.CLOSED) {
            Refused refused = breakerRefusal();
            if (refused != null) {
                return refused;
            }
        }
        if (!tryTakeSlot() && !waitForSlot()) {
            releaseProbe();
            return new Refused("Sorry, plugin '" + pluginId + "' is busy right now; try again in a moment.");
        }
        calls.incrementAndGet();
        return Admission.ADMITTED;
    }

    private boolean tryTakeSlot() {
        int max = settings.maxConcurrentCalls();
        for (int n = inFlight.get(); n < max; n = inFlight.get()) {
            if (inFlight.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    private boolean waitForSlot() {
        if (waiting.incrementAndGet() > settings.maxQueuedCalls()) {
            waiting.decrementAndGet();
            return false;
        }
        long left = settings.maxQueueWait().toNanos();
        slotLock.lock();
        try {
            while (!tryTakeSlot()) {
                if (left <= 0) {
                    return false;
                }
                left = slotFreed.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            slotLock.unlock();
            waiting.decrementAndGet();
        }
    }

    private synchronized Refused breakerRefusal() {
        if (breaker == BreakerState.OPEN) {
            if (clock.instant().isBefore(openUntil)) {
                return new Refused("Sorry, plugin '" + pluginId + "' is paused because it keeps failing; it will"
                        + " try again in " + DurationText.of(Duration.between(clock.instant(), openUntil)) + ".");
            }
            breaker = BreakerState.HALF_OPEN;
        }
        if (breaker == BreakerState.HALF_OPEN) {
            if (probing) {
                return new Refused("Sorry, plugin '" + pluginId + "' is being tried again after failures; try again"
                        + " in a moment.");
            }
            probing = true;
        }
        return null;
    }

    private void releaseProbe() {
        if (breaker == BreakerState.HALF_OPEN) {
            synchronized (this) {
                probing = false;
            }
        }
    }

    @Override
    public void release(Outcome outcome) {
        inFlight.decrementAndGet();
        if (waiting.get() > 0) {
            slotLock.lock();
            try {
                slotFreed.signal();
            } finally {
                slotLock.unlock();
            }
        }
        boolean failed = outcome == Outcome.FAILURE || outcome == Outcome.TIMEOUT;
        if (!failed && breaker == BreakerState.CLOSED) {
            if (consecutiveFailures.get() != 0) {
                consecutiveFailures.set(0);
            }
            return;
        }
        String opened = record(failed, outcome == Outcome.TIMEOUT ? "a call ran past its deadline" : "a call threw an exception");
        if (opened != null) {
            onOpen.accept(opened);
        }
    }

    // A failure, or any outcome while not closed. Returns the reason when this outcome opened the breaker.
    private synchronized String record(boolean failed, String what) {
        if (breaker == BreakerState.HALF_OPEN && probing) {
            probing = false;
            if (failed) {
                failures++;
                return open("it failed again when tried after a pause (" + what + ")");
            }
            breaker = BreakerState.CLOSED;
            consecutiveFailures.set(0);
            recentFailures.clear();
            return null;
        }
        if (!failed || breaker != BreakerState.CLOSED) {
            return null;
        }
        failures++;
        int inARow = consecutiveFailures.incrementAndGet();
        long call = calls.get();
        recentFailures.addLast(call);
        int window = settings.breakerWindow();
        while (!recentFailures.isEmpty() && recentFailures.peekFirst() <= call - window) {
            recentFailures.pollFirst();
        }
        if (inARow >= settings.breakerConsecutiveFailures()) {
            return open(inARow + " calls failed in a row (last: " + what + ")");
        }
        if (call >= window && recentFailures.size() >= settings.breakerFailureRate() * window) {
            return open(recentFailures.size() + " of its last " + window + " calls failed (last: " + what + ")");
        }
        return null;
    }

    private String open(String reason) {
        breaker = BreakerState.OPEN;
        openUntil = clock.instant().plus(settings.breakerOpenFor());
        openReason = reason;
        consecutiveFailures.set(0);
        recentFailures.clear();
        return reason;
    }

    /** This version is being unloaded: no call may start in it any more. */
    void retire() {
        retired = true;
    }

    /** An owner re-enabled the plugin: forget its failures. */
    synchronized void reset() {
        breaker = BreakerState.CLOSED;
        probing = false;
        consecutiveFailures.set(0);
        recentFailures.clear();
    }

    synchronized BreakerState breakerState() {
        if (breaker == BreakerState.OPEN && !clock.instant().isBefore(openUntil)) {
            return BreakerState.HALF_OPEN;
        }
        return breaker;
    }

    synchronized String openReason() {
        return openReason;
    }

    synchronized long failures() {
        return failures;
    }

    int inFlight() {
        return inFlight.get();
    }

    @Override
    public ClassLoader classLoader() {
        return loader;
    }

}
