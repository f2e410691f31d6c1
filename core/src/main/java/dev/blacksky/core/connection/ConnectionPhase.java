package dev.blacksky.core.connection;

import dev.blacksky.api.event.ConnectionState;
import java.time.Instant;

/**
 * The supervisor's state with what each state carries; {@link #state()} is what plugins and the status
 * file see. {@code attempt} counts reconnect attempts in the current outage (0 before the first failure).
 */
public sealed interface ConnectionPhase {

    default ConnectionState state() {
        return switch (this) {
            case Starting s -> ConnectionState.STARTING;
            case Pairing p -> ConnectionState.PAIRING;
            case Connecting c -> ConnectionState.CONNECTING;
            case Connected c -> ConnectionState.CONNECTED;
            case Reconnecting r -> ConnectionState.RECONNECTING;
            case Degraded d -> ConnectionState.DEGRADED;
            case Suspended s -> ConnectionState.SUSPENDED;
            case Replaced r -> ConnectionState.REPLACED;
            case LoggedOut l -> ConnectionState.LOGGED_OUT;
            case Banned b -> ConnectionState.BANNED;
            case Outdated o -> ConnectionState.CLIENT_OUTDATED;
            case SessionCorrupt s -> ConnectionState.SESSION_CORRUPT;
            case Stopped s -> ConnectionState.STOPPED;
        };
    }

    /** When the next attempt is due, if one is scheduled. */
    default Instant nextAttemptAt() {
        return null;
    }

    /** The attempt number shown to operators. */
    default int attempt() {
        return 0;
    }

    record Starting() implements ConnectionPhase { }

    record Pairing(int attempt) implements ConnectionPhase { }

    record Connecting(int attempt) implements ConnectionPhase { }

    record Connected() implements ConnectionPhase { }

    record Reconnecting(int attempt, Instant nextAttemptAt) implements ConnectionPhase { }

    /** The flap breaker is open: no attempt until {@code nextAttemptAt}, then a single probe. */
    record Degraded(int attempt, Instant nextAttemptAt) implements ConnectionPhase { }

    /** A temporary ban: no attempt before {@code until} (the ban's expiry plus a buffer). */
    record Suspended(Instant until) implements ConnectionPhase {
        @Override
        public Instant nextAttemptAt() {
            return until;
        }
    }

    /** Another instance took over; {@code latched} once it happened again soon after a resume, which is then refused. */
    record Replaced(boolean latched) implements ConnectionPhase { }

    record LoggedOut() implements ConnectionPhase { }

    record Banned() implements ConnectionPhase { }

    record Outdated() implements ConnectionPhase { }

    record SessionCorrupt() implements ConnectionPhase { }

    record Stopped() implements ConnectionPhase { }
}
