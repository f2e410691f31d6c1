package dev.blacksky.core.connection;

import dev.blacksky.api.event.ConnectionState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;

/**
 * The connection as meters: {@code blacksky_connection_state} (1 for the current state), the seconds spent in it,
 * the attempt number, and {@code blacksky_connection_reconnects_total} by the failure that caused each.
 */
public final class ConnectionMeters implements StatusRecorder {

    private final MeterRegistry registry;
    private final String account;
    private final Clock clock;
    private volatile ConnectionStatus last;
    private String counted; // the reconnect last counted: state, attempt and since, so a re-record is not a new one

    public ConnectionMeters(MeterRegistry registry, String account, Clock clock) {
        this.registry = registry;
        this.account = account;
        this.clock = clock;
        // An account run anew (on a cluster node that took it back) reports its own connection, not the stopped one's.
        for (String name : new String[] {"blacksky.connection.state", "blacksky.connection.state.duration",
            "blacksky.connection.attempt"}) {
            registry.find(name).tag("account", account).meters().forEach(registry::remove);
        }
        for (ConnectionState state : ConnectionState.values()) {
            Gauge.builder("blacksky.connection.state", () -> last != null && last.state() == state ? 1 : 0)
                    .description("1 for the state the connection is in, 0 for the others")
                    .tags("account", account, "state", state.name()).register(registry);
        }
        Gauge.builder("blacksky.connection.state.duration", this::secondsInState).baseUnit("seconds")
                .description("How long the connection has been in its current state").tag("account", account)
                .register(registry);
        Gauge.builder("blacksky.connection.attempt", () -> last == null ? 0 : last.attempt())
                .description("The reconnect attempt of the current outage, 0 when none").tag("account", account)
                .register(registry);
    }

    private double secondsInState() {
        ConnectionStatus status = last;
        return status == null ? 0 : Duration.between(status.since(), clock.instant()).toMillis() / 1000.0;
    }

    @Override
    public synchronized void record(ConnectionStatus status) {
        last = status;
        ConnectionState state = status.state();
        if (state != ConnectionState.RECONNECTING && state != ConnectionState.DEGRADED) {
            return;
        }
        String key = state + "/" + status.attempt() + "/" + status.since();
        if (key.equals(counted)) {
            return;
        }
        counted = key;
        Counter.builder("blacksky.connection.reconnects").description("Reconnects scheduled, by the failure before each")
                .tags("account", account, "cause", status.cause() == null ? "unknown" : status.cause())
                .register(registry).increment();
    }


}
