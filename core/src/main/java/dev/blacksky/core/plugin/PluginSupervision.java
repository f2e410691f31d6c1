package dev.blacksky.core.plugin;

import com.google.common.util.concurrent.Uninterruptibles;
import dev.blacksky.core.dispatch.DurationText;
import dev.blacksky.core.dispatch.PluginGate;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One plugin generation's gate: a bulkhead of call slots and a circuit breaker (plus: that many failures in a
 * row open it). A reload retires the gate and waits for its slots to come back.
 */
final class PluginSupervision implements PluginGate {

    /** The breaker's state, as status shows it. */
    enum BreakerState { CLOSED, OPEN, HALF_OPEN }

    private static final Throwable FAILED = new Throwable("plugin call failed", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    private final String pluginId;
    private final ClassLoader loader;
    private final PluginHostSettings settings;
    private final Clock clock;
    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final CircuitBreaker breaker;
    private final AtomicInteger inARow = new AtomicInteger();
    private final AtomicLong failures = new AtomicLong();
    private volatile String lastFailure = "";
    private volatile boolean trippedInARow;
    private volatile String openReason = "";
    private volatile Instant openUntil = Instant.MIN;
    private volatile boolean retired;

    PluginSupervision(String pluginId, ClassLoader loader, PluginHostSettings settings, Clock clock, Consumer<String> onOpen) {
        this.pluginId = pluginId;
        this.loader = loader;
        this.settings = settings;
        this.clock = clock;
        this.slots = new Semaphore(settings.maxConcurrentCalls(), true);
        this.breaker = CircuitBreaker.of(pluginId, CircuitBreakerConfig.custom()
                .clock(clock)
                .slidingWindow(settings.breakerWindow(), settings.breakerWindow(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold((float) (settings.breakerFailureRate() * 100))
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openUntil = clock.instant().plus(settings.breakerOpenFor());
                openReason = event.getStateTransition().getFromState() == CircuitBreaker.State.HALF_OPEN
                        ? "it failed again when tried after a pause (" + lastFailure + ")"
                        : trippedInARow ? settings.breakerConsecutiveFailures() + " calls failed in a row (last: " + lastFailure + ")"
                        : breaker.getMetrics().getNumberOfFailedCalls() + " of its last " + settings.breakerWindow()
                                + " calls failed (last: " + lastFailure + ")";
                onOpen.accept(openReason);
            }
        });
    }

    @Override
    public Admission admit() {
        if (retired) {
            return Admission.RETIRED;
        }
        if (!breaker.tryAcquirePermission()) {
            return new Refused(breaker.getState() == CircuitBreaker.State.HALF_OPEN
                    ? "Sorry, plugin '" + pluginId + "' is being tried again after failures; try again in a moment."
                    : "Sorry, plugin '" + pluginId + "' is paused because it keeps failing; it will try again in "
                            + DurationText.of(Duration.between(clock.instant(), openUntil)) + ".");
        }
        if (!takeSlot()) {
            breaker.releasePermission();
            return new Refused("Sorry, plugin '" + pluginId + "' is busy right now; try again in a moment.");
        }
        if (retired) { // retired while this call waited for its slot: the new version, if any, takes it
            slots.release();
            breaker.releasePermission();
            return Admission.RETIRED;
        }
        return Admission.ADMITTED;
    }

    private boolean takeSlot() {
        if (slots.tryAcquire()) {
            return true;
        }
        if (waiting.incrementAndGet() > settings.maxQueuedCalls()) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return slots.tryAcquire(settings.maxQueueWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    @Override
    public void record(Outcome outcome) {
        if (outcome == Outcome.SUCCESS || outcome == Outcome.USER_ERROR) {
            inARow.set(0);
            breaker.onSuccess(0, TimeUnit.NANOSECONDS);
            return;
        }
        failures.incrementAndGet();
        lastFailure = outcome == Outcome.TIMEOUT ? "a call ran past its deadline" : "a call threw an exception";
        breaker.onError(0, TimeUnit.NANOSECONDS, FAILED);
        if (inARow.incrementAndGet() >= settings.breakerConsecutiveFailures()
                && breaker.getState() == CircuitBreaker.State.CLOSED) {
            trippedInARow = true;
            breaker.transitionToOpenState();
            trippedInARow = false;
        }
    }

    @Override
    public void free() {
        slots.release();
    }

    /** This version is being unloaded: no call may start in it any more. */
    void retire() {
        retired = true;
    }

    /** Waits until every call in progress has left the plugin's code, at most until {@code deadline} (nanoTime). */
    boolean awaitIdle(long deadline) {
        int all = settings.maxConcurrentCalls();
        boolean idle = Uninterruptibles.tryAcquireUninterruptibly(slots, all, Math.max(0, deadline - System.nanoTime()),
                TimeUnit.NANOSECONDS);
        if (idle) {
            slots.release(all);
        }
        return idle;
    }

    /** An owner re-enabled the plugin: forget its failures. */
    void reset() {
        inARow.set(0);
        breaker.reset();
    }

    BreakerState breakerState() {
        return switch (breaker.getState()) {
            case CLOSED, DISABLED, METRICS_ONLY -> BreakerState.CLOSED;
            case OPEN, FORCED_OPEN -> clock.instant().isBefore(openUntil) ? BreakerState.OPEN : BreakerState.HALF_OPEN;
            case HALF_OPEN -> BreakerState.HALF_OPEN;
        };
    }

    String openReason() {
        return openReason;
    }

    long failures() {
        return failures.get();
    }

    /** Whether calls are waiting for a slot; for tests. */
    boolean hasWaiters() {
        return slots.hasQueuedThreads();
    }

    int inFlight() {
        return settings.maxConcurrentCalls() - slots.availablePermits();
    }

    @Override
    public ClassLoader classLoader() {
        return loader;
    }
}
