/**
 * The connection supervisor: one per account, it drives a {@link dev.blacksky.core.connection.ConnectionClient}
 * through an explicit state machine with jittered backoff, a flap breaker, a liveness watchdog and terminal
 * states that wait for an operator, and leaves its status in {@code <data>/accounts/<name>/status.json}.
 */
package dev.blacksky.core.connection;
