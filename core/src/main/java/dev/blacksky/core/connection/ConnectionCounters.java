package dev.blacksky.core.connection;

/**
 * Running totals since the process started: connect attempts made, logins, live links that dropped, attempts
 * that failed before login, and alerts raised (a terminal state or a DEGRADED episode).
 */
public record ConnectionCounters(long attempts, long connects, long disconnects, long failedConnects, long alerts) {

    public static final ConnectionCounters ZERO = new ConnectionCounters(0, 0, 0, 0, 0);

    ConnectionCounters attempt() {
        return new ConnectionCounters(attempts + 1, connects, disconnects, failedConnects, alerts);
    }

    ConnectionCounters connect() {
        return new ConnectionCounters(attempts, connects + 1, disconnects, failedConnects, alerts);
    }

    ConnectionCounters disconnect() {
        return new ConnectionCounters(attempts, connects, disconnects + 1, failedConnects, alerts);
    }

    ConnectionCounters failedConnect() {
        return new ConnectionCounters(attempts, connects, disconnects, failedConnects + 1, alerts);
    }

    ConnectionCounters alert() {
        return new ConnectionCounters(attempts, connects, disconnects, failedConnects, alerts + 1);
    }
}
