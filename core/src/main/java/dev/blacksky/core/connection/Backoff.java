package dev.blacksky.core.connection;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Full-jitter exponential backoff {@code max(floor, rand(0, min(cap, base * 2^n)))}, its cap raised in long outages.
 */
final class Backoff {

    private final Duration base;
    private final Duration floor;
    private final Duration cap;
    private final Duration longOutageAfter;
    private final Duration longOutageCap;
    private final RandomGenerator random;

    Backoff(ConnectionSettings settings, RandomGenerator random) {
        this.base = settings.backoffBase();
        this.floor = settings.backoffFloor();
        this.cap = settings.backoffCap();
        this.longOutageAfter = settings.longOutageAfter();
        this.longOutageCap = settings.longOutageCap();
        this.random = random;
    }

    /** The cap in force after an outage has lasted {@code outage}. */
    Duration cap(Duration outage) {
        return outage.compareTo(longOutageAfter) >= 0 ? longOutageCap : cap;
    }

    /**
     * The delay before retry number {@code n} (0-based) after an outage of {@code outage}; never below
     * {@code minimum} (the cause's own floor, such as 5 s for 503) or the configured floor.
     */
    Duration delay(int n, Duration outage, Duration minimum) {
        long capMillis = cap(outage).toMillis();
        int shift = Math.min(Math.max(n, 0), 40);
        long baseMillis = base.toMillis();
        // base * 2^n, saturating: past the cap the exact value no longer matters
        long exponential = Long.numberOfLeadingZeros(baseMillis) > shift + 1 ? baseMillis << shift : Long.MAX_VALUE;
        long bound = Math.min(capMillis, exponential);
        long jittered = bound <= 0 ? 0 : random.nextLong(bound + 1);
        long floorMillis = Math.max(floor.toMillis(), minimum.toMillis());
        return Duration.ofMillis(Math.max(floorMillis, jittered));
    }
}
