package dev.blacksky.core.connection;

/** Where the supervisor leaves its status after every change; the status file in production. */
@FunctionalInterface
public interface StatusRecorder {

    /** Records {@code status}; must not throw (a failed write is logged, the connection goes on). */
    void record(ConnectionStatus status);
}
