package dev.blacksky.core.connection;

/** Totals since the process started: attempts, logins, dropped links, failed attempts and alerts. */
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
