package dev.blacksky.core.plugin;

import dev.blacksky.core.dispatch.DurationText;
import dev.blacksky.core.dispatch.PluginGate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One plugin generation's gate: a bulkhead (bounded concurrent calls and waiters), a circuit breaker that
 * pauses the plugin when it keeps failing, and a count of calls in flight so a reload can drain them.
 */
final class PluginSupervision implements PluginGate {

    /** The breaker's state, with the reason it opened. */
    enum BreakerState { CLOSED, OPEN, HALF_OPEN }

    private final String pluginId;
    private final ClassLoader loader;
    private final PluginHostSettings settings;
    private final Clock clock;
    private final Consumer<String> onOpen;
    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final boolean[] window;
    private int windowNext;
    private int windowCount;
    private int windowFailures;
    private int consecutiveFailures;
    private BreakerState breaker = BreakerState.CLOSED;
    private Instant openUntil = Instant.MIN;
    private String openReason = "";
    private boolean probing;
    private long failures;
    private String lastFailure = "";

    PluginSupervision(String pluginId, ClassLoader loader, PluginHostSettings settings, Clock clock, Consumer<String> onOpen) {
        this.pluginId = pluginId;
        this.loader = loader;
        this.settings = settings;
        this.clock = clock;
        this.onOpen = onOpen;
        this.slots = new Semaphore(settings.maxConcurrentCalls());
        this.window = new boolean[settings.breakerWindow()];
    }

    @Override
    public Admission admit() {
        Refused refused = breakerRefusal();
        if (refused != null) {
            return refused;
        }
        if (!slots.tryAcquire()) {
            if (waiting.incrementAndGet() > settings.maxQueuedCalls()) {
                waiting.decrementAndGet();
                releaseProbe();
                return busy();
            }
            try {
                if (!slots.tryAcquire(settings.maxQueueWait().toNanos(), TimeUnit.NANOSECONDS)) {
                    releaseProbe();
                    return busy();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                releaseProbe();
                return busy();
            } finally {
                waiting.decrementAndGet();
            }
        }
        inFlight.incrementAndGet();
        return Admission.ADMITTED;
    }

    private Refused busy() {
        return new Refused("Sorry, plugin '" + pluginId + "' is busy right now; try again in a moment.");
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

    private synchronized void releaseProbe() {
        probing = false;
    }

    @Override
    public void release(Outcome outcome) {
        inFlight.decrementAndGet();
        slots.release();
        String opened = record(outcome);
        if (opened != null) {
            onOpen.accept(opened);
        }
    }

    // Returns the reason when this outcome opened the breaker, for the owners' alert.
    private synchronized String record(Outcome outcome) {
        boolean failed = outcome == Outcome.FAILURE || outcome == Outcome.TIMEOUT;
        if (failed) {
            failures++;
            lastFailure = outcome == Outcome.TIMEOUT ? "a call ran past its deadline" : "a call threw an exception";
        }
        if (breaker == BreakerState.HALF_OPEN) {
            probing = false;
            if (failed) {
                return open("it failed again when tried after a pause (" + lastFailure + ")");
            }
            breaker = BreakerState.CLOSED;
            resetWindow();
            return null;
        }
        consecutiveFailures = failed ? consecutiveFailures + 1 : 0;
        if (windowCount == window.length && window[windowNext]) {
            windowFailures--;
        }
        window[windowNext] = failed;
        windowFailures += failed ? 1 : 0;
        windowNext = (windowNext + 1) % window.length;
        windowCount = Math.min(windowCount + 1, window.length);
        if (breaker == BreakerState.CLOSED && consecutiveFailures >= settings.breakerConsecutiveFailures()) {
            return open(consecutiveFailures + " calls failed in a row (last: " + lastFailure + ")");
        }
        if (breaker == BreakerState.CLOSED && windowCount == window.length
                && windowFailures >= settings.breakerFailureRate() * window.length) {
            return open(windowFailures + " of its last " + window.length + " calls failed (last: " + lastFailure + ")");
        }
        return null;
    }

    private String open(String reason) {
        breaker = BreakerState.OPEN;
        openUntil = clock.instant().plus(settings.breakerOpenFor());
        openReason = reason;
        consecutiveFailures = 0;
        resetWindow();
        return reason;
    }

    private void resetWindow() {
        windowNext = 0;
        windowCount = 0;
        windowFailures = 0;
        java.util.Arrays.fill(window, false);
    }

    /** An owner re-enabled the plugin: forget its failures. */
    synchronized void reset() {
        breaker = BreakerState.CLOSED;
        probing = false;
        consecutiveFailures = 0;
        resetWindow();
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
