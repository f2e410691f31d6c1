package dev.blacksky.core.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Notices a link that keeps failing: too many disconnects within a window, or too many failed connects
 * in a row. The supervisor then pauses (DEGRADED) instead of hammering the server.
 */
final class FlapBreaker {

    private final int disconnectLimit;
    private final Duration window;
    private final int failedConnectLimit;
    private final Deque<Instant> disconnects = new ArrayDeque<>();
    private int consecutiveFailedConnects;

    FlapBreaker(ConnectionSettings settings) {
        this.disconnectLimit = settings.breakerDisconnects();
        this.window = settings.breakerWindow();
        this.failedConnectLimit = settings.breakerFailedConnects();
    }

    /** A live link dropped; returns true if that trips the breaker. */
    boolean disconnected(Instant now) {
        disconnects.addLast(now);
        while (!disconnects.isEmpty() && !disconnects.peekFirst().isAfter(now.minus(window))) {
            disconnects.removeFirst();
        }
        return disconnects.size() >= disconnectLimit;
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

    int consecutiveFailedConnects() {
        return consecutiveFailedConnects;
    }
}
