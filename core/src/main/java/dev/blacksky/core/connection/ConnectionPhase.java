package dev.blacksky.core.connection;

import dev.blacksky.api.event.ConnectionState;
import java.time.Instant;

/**
 * The supervisor's state with what each state carries; {@link #state()} is what plugins and the status
 * file see. {@code attempt} counts reconnect attempts in the current outage (0 before the first failure).
 */
public sealed interface ConnectionPhase {

    ConnectionState state();

    /** When the next attempt is due, if one is scheduled. */
    default Instant nextAttemptAt() {
        return null;
    }

    /** The attempt number shown to operators. */
    default int attempt() {
        return 0;
    }

    record Starting() implements ConnectionPhase {
        public ConnectionState state() {
            return ConnectionState.STARTING;
        }
    }

    record Pairing(int attempt) implements ConnectionPhase {
        public ConnectionState state() {
            return ConnectionState.PAIRING;
        }
    }

    record Connecting(int attempt) implements ConnectionPhase {
        public ConnectionState state() {
            return ConnectionState.CONNECTING;
        }
    }

    record Connected() implements ConnectionPhase {
        public ConnectionState state() {
            return ConnectionState.CONNECTED;
        }
    }

    record Reconnecting(int attempt, Instant nextAttemptAt) implements ConnectionPhase {
        public ConnectionState state() {
            return ConnectionState.RECONNECTING;
        }
    }

    /** The flap breaker is open: no attempt until {@code nextAttemptAt}, then a single probe. */
    record Degraded(int attempt, Instant nextAttemptAt) implements ConnectionPhase {
        public ConnectionState state() {
            return ConnectionState.DEGRADED;
        }
    }

    /** A temporary ban: no attempt before {@code until} (the ban's expiry plus a buffer). */
    record Suspended(Instant until) implements ConnectionPhase {
        public ConnectionState state() {
            return ConnectionState.SUSPENDED;
        }

        @Override
        public Instant nextAttemptAt() {
            return until;
        }
    }

    /** Another instance took over; {@code latched} once it happened twice in a row, when resume is refused. */
    record Replaced(boolean latched) implements ConnectionPhase {
        public ConnectionState state() {
            return ConnectionState.REPLACED;
        }
    }

    record LoggedOut() implements ConnectionPhase {
        public ConnectionState state() {
            return ConnectionState.LOGGED_OUT;
        }
    }

    record Banned() implements ConnectionPhase {
        public ConnectionState state() {
            return ConnectionState.BANNED;
        }
    }

    record Outdated() implements ConnectionPhase {
        public ConnectionState state() {
            return ConnectionState.OUTDATED;
        }
    }

    record SessionCorrupt() implements ConnectionPhase {
        public ConnectionState state() {
            return ConnectionState.SESSION_CORRUPT;
        }
    }

    record Stopped() implements ConnectionPhase {
        public ConnectionState state() {
            return ConnectionState.STOPPED;
        }
    }
}
