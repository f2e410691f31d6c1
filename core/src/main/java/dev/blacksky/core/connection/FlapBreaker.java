package dev.blacksky.core.connection;

import java.time.Instant;

/** Notices a link that keeps failing, so the supervisor pauses (DEGRADED) instead of hammering the server. */
final class FlapBreaker {

    private final SlidingWindow disconnects;
    private final int failedConnectLimit;
    private int consecutiveFailedConnects;

    FlapBreaker(ConnectionSettings settings) {
        this.disconnects = new SlidingWindow(settings.breakerDisconnects(), settings.breakerWindow());
        this.failedConnectLimit = settings.breakerFailedConnects();
    }

    /** A live link dropped; returns true if that trips the breaker. */
    boolean disconnected(Instant now) {
        return disconnects.add(now);
    }

    /** An attempt failed before login; returns true if that trips the breaker. */
    boolean connectFailed() {
        consecutiveFailedConnects++;
        return consecutiveFailedConnects >= failedConnectLimit;
    }

    /** A login succeeded: failures are no longer consecutive. */
    void connected() {
        consecutiveFailedConnects = 0;
    }

    /** The breaker opened: start counting afresh, so one good probe is not undone by old history. */
    void reset() {
        disconnects.clear();
        consecutiveFailedConnects = 0;
    }
}
