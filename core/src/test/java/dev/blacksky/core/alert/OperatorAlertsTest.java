package dev.blacksky.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.blacksky.api.event.ConnectionState;
import dev.blacksky.core.connection.ConnectionCounters;
import dev.blacksky.core.connection.ConnectionStatus;
import dev.blacksky.core.plugin.BreakerTrips;
import dev.blacksky.core.schedule.ManualTimeSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperatorAlertsTest {

    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

    private final ManualTimeSource time = new ManualTimeSource(T0);
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private final List<String> toOwners = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuse = new AtomicInteger();
    private final BreakerTrips trips = new BreakerTrips();
    private HttpServer webhook;
    private OperatorAlerts alerts;

    @BeforeEach
    void start() throws IOException {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean fail = refuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            if (!fail) {
                posted.add(body);
            }
            exchange.sendResponseHeaders(fail ? 500 : 204, -1);
            exchange.close();
        });
        webhook.start();
        URI url = URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
        alerts = new OperatorAlerts(new AlertSettings(url, Duration.ofMinutes(10), 5, Duration.ofMinutes(2)), time,
                toOwners::add, trips);
    }

    @AfterEach
    void stop() {
        alerts.close();
        webhook.stop(0);
    }

    private void enter(ConnectionState state, String error) {
        alerts.record(new ConnectionStatus("main", state, time.clock().instant(), 1, null, "why", error,
                error == null ? null : "network_error", null, ConnectionCounters.ZERO, 1, T0, time.clock().instant()));
    }

    @Test
    void a_long_outage_is_posted_once_and_its_end_told_to_the_owners_with_how_long_and_why() {
        enter(ConnectionState.CONNECTING, null);
        enter(ConnectionState.CONNECTED, null);
        enter(ConnectionState.RECONNECTING, "network error: reset");
        time.advance(Duration.ofMinutes(9));
        enter(ConnectionState.CONNECTING, "network error: reset");
        enter(ConnectionState.RECONNECTING, "network error: reset");
        assertThat(posted).isEmpty();
        time.advance(Duration.ofMinutes(2)); // 11 minutes down: past degraded-after
        await().atMost(Duration.ofSeconds(10)).until(() -> posted.size() == 1);
        assertThat(posted.getFirst()).contains("\"kind\":\"degraded\"").contains("down for 10m 0s");
        time.advance(Duration.ofMinutes(30));
        assertThat(posted).as("one alert per outage").hasSize(1);

        time.advance(Duration.ofMinutes(1));
        enter(ConnectionState.CONNECTED, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> posted.size() == 2);
        assertThat(posted.get(1)).contains("\"kind\":\"recovered\"");
        assertThat(toOwners).singleElement().asString().startsWith("✅ Back online after 42m 0s down")
                .contains("network error: reset");
    }

    @Test
    void a_short_outage_or_the_first_connect_tells_nobody() {
        enter(ConnectionState.CONNECTING, null);
        time.advance(Duration.ofMinutes(1));
        enter(ConnectionState.CONNECTED, null); // the first login is no recovery
        enter(ConnectionState.RECONNECTING, "network error: reset");
        time.advance(Duration.ofSeconds(30));
        enter(ConnectionState.CONNECTED, null);
        time.advance(Duration.ofHours(1));
        assertThat(toOwners).isEmpty();
        assertThat(posted).isEmpty();
    }

    @Test
    void terminal_states_and_open_breakers_are_posted_and_a_failing_webhook_is_retried() {
        refuse.set(2); // the first two posts fail: retried after growing delays
        enter(ConnectionState.LOGGED_OUT, "logged out (401): device_removed");
        trips.tripped("notes", "5 calls failed in a row");
        await().atMost(Duration.ofSeconds(30)).until(() -> posted.size() == 2);
        assertThat(posted).anySatisfy(p -> assertThat(p).contains("\"kind\":\"terminal\"").contains("LOGGED_OUT"));
        assertThat(posted).anySatisfy(p -> assertThat(p).contains("\"kind\":\"plugin-breaker-open\"")
                .contains("\"plugin\":\"notes\""));
    }
}
