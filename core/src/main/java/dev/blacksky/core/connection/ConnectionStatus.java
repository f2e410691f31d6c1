package dev.blacksky.core.connection;

import dev.blacksky.api.event.ConnectionState;
import java.time.Instant;
import java.util.Objects;

/**
 * One account's connection as operators see it, written to {@code status.json} on every change.
 * {@code nextAttemptAt}, {@code lastError} and {@code processStartedAt} may be null.
 *
 * @param reason why the supervisor is in this state, in words
 * @param cause the kind of the last failure ({@link ConnectionFailure#kind()}); null before any
 * @param client what the client announces (revision, platform, where the revision came from); may be null
 * @param pid the process that wrote it; with {@code processStartedAt}, how {@code blacksky status} tells a
 *            live instance from a stale file
 */
public record ConnectionStatus(
        String account,
        ConnectionState state,
        Instant since,
        int attempt,
        Instant nextAttemptAt,
        String reason,
        String lastError,
        String cause,
        String client,
        ConnectionCounters counters,
        long pid,
        Instant processStartedAt,
        Instant updatedAt) {

    public ConnectionStatus {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
