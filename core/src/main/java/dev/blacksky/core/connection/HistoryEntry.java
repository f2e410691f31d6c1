package dev.blacksky.core.connection;

import dev.blacksky.api.event.ConnectionState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One state change in an account's connection history.
 *
 * @param cause the kind of the failure behind it ({@link ConnectionFailure#kind()}); null when none
 */
public record HistoryEntry(Instant at, ConnectionState state, int attempt, String reason, String cause) {

    public HistoryEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
    }

    /** The fields as JSON-ready values, as the history file and the dashboard show them. */
    public Map<String, Object> fields() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", at.toString());
        json.put("state", state.name());
        json.put("attempt", attempt);
        json.put("reason", reason);
        json.put("cause", cause);
        return json;
    }
}
