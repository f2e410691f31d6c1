package dev.blacksky.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.api.event.ConnectionState;
import dev.blacksky.core.connection.simulated.SimulatedClient;
import java.time.Duration;
import dev.blacksky.core.schedule.ManualTimeSource;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The supervisor's policies beyond the fault matrix, each on a manual clock. */
class ConnectionSupervisorTest {

    @Test
    void starts_by_connecting_and_reports_each_state_change_once() {
        SupervisorRig rig = new SupervisorRig().connected();
        assertThat(rig.events).extracting(e -> e.previous() + "->" + e.current())
                .containsExactly("STARTING->CONNECTING", "CONNECTING->CONNECTED");
        assertThat(rig.statuses.getLast().state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(rig.statuses.getLast().pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(rig.supervisor.status().counters()).isEqualTo(new ConnectionCounters(1, 1, 0, 0, 0));
    }

    @Test
    void the_attempt_counter_resets_only_after_60_s_of_stable_connection() {
        SupervisorRig rig = new SupervisorRig().connected();
        rig.whatsapp.failConnects(3, new ConnectionFailure.NetworkError("unreachable"));
        rig.whatsapp.drop();
        assertThat(rig.advanceUntil(ConnectionState.CONNECTED, Duration.ofMinutes(2))).isNotNull();

        rig.advance(Duration.ofSeconds(59));
        rig.whatsapp.drop(); // flapping: still the same outage
        assertThat(rig.supervisor.phase().attempt()).as("attempt after a drop within 60 s").isEqualTo(5);

        assertThat(rig.advanceUntil(ConnectionState.CONNECTED, Duration.ofMinutes(2))).isNotNull();
        rig.advance(Duration.ofSeconds(60));
        rig.whatsapp.drop();
        assertThat(rig.supervisor.phase().attempt()).as("attempt after 60 s of stable connection").isEqualTo(1);
    }

    @Test
    void five_drops_within_10_min_open_the_breaker_then_one_probe_after_5_min() {
        SupervisorRig rig = new SupervisorRig().connected();
        for (int i = 0; i < 4; i++) {
            rig.whatsapp.close();
            assertThat(rig.advanceUntil(ConnectionState.CONNECTED, Duration.ofMinutes(2))).isNotNull();
        }
        rig.whatsapp.close();
        assertThat(rig.state()).isEqualTo(ConnectionState.DEGRADED);
        Instant degraded = rig.time.now();
        int before = rig.attempts();

        rig.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(rig.attempts() - before).as("attempts while the breaker is open").isZero();
        rig.advance(Duration.ofSeconds(1));
        assertThat(rig.attempts() - before).as("the probe").isEqualTo(1);
        assertThat(rig.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(rig.whatsapp.attempts().getLast()).isEqualTo(degraded.plus(Duration.ofMinutes(5)));
    }

    @Test
    void a_connect_that_never_logs_in_is_abandoned_after_20_s_and_its_client_closed() {
        SupervisorRig rig = new SupervisorRig();
        rig.whatsapp.hangConnects(1);
        rig.supervisor.start();
        SimulatedClient hanging = rig.whatsapp.currentClient();
        rig.advance(Duration.ofSeconds(19));
        assertThat(rig.state()).isEqualTo(ConnectionState.CONNECTING);
        rig.advance(Duration.ofSeconds(1));
        assertThat(rig.state()).isEqualTo(ConnectionState.RECONNECTING);
        assertThat(rig.supervisor.status().lastError()).isEqualTo("no login within 20 s");
        assertThat(hanging.isClosed()).isTrue();
        assertThat(rig.advanceUntil(ConnectionState.CONNECTED, Duration.ofSeconds(5))).isNotNull();
    }

    @Test
    void bad_session_is_retried_twice_and_the_third_within_10_min_stops_with_the_session_kept() {
        SupervisorRig rig = new SupervisorRig().connected();
        for (int i = 0; i < 2; i++) {
            rig.whatsapp.badSession();
            assertThat(rig.state()).isEqualTo(ConnectionState.RECONNECTING);
            assertThat(rig.advanceUntil(ConnectionState.CONNECTED, Duration.ofMinutes(1))).isNotNull();
        }
        rig.whatsapp.badSession();
        assertThat(rig.state()).isEqualTo(ConnectionState.SESSION_CORRUPT);
        assertThat(rig.quarantined).isEmpty();
        int before = rig.attempts();
        rig.advance(Duration.ofHours(1));
        assertThat(rig.attempts()).isEqualTo(before);

        rig.supervisor.resume();
        assertThat(rig.state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void bad_sessions_spread_over_more_than_10_min_keep_retrying() {
        SupervisorRig rig = new SupervisorRig().connected();
        for (int i = 0; i < 5; i++) {
            rig.whatsapp.badSession();
            assertThat(rig.state()).isEqualTo(ConnectionState.RECONNECTING);
            assertThat(rig.advanceUntil(ConnectionState.CONNECTED, Duration.ofMinutes(1))).isNotNull();
            rig.advance(Duration.ofMinutes(6));
        }
    }

    @Test
    void an_unscanned_qr_code_stops_pairing_instead_of_looping() {
        SupervisorRig rig = new SupervisorRig();
        rig.whatsapp.unpaired();
        rig.supervisor.start();
        assertThat(rig.state()).isEqualTo(ConnectionState.PAIRING);
        rig.advance(Duration.ofSeconds(60));
        assertThat(rig.state()).isEqualTo(ConnectionState.LOGGED_OUT);
        assertThat(rig.quarantined).as("nothing to quarantine").isEmpty();
        rig.advance(Duration.ofHours(1));
        assertThat(rig.attempts()).as("no unattended QR loop").isEqualTo(1);
        assertThat(rig.whatsapp.open()).isZero();
    }

    @Test
    void reports_from_a_replaced_client_are_ignored() {
        java.util.List<ClientListener> listeners = new java.util.ArrayList<>();
        ConnectionClient.Factory factory = (account, listener) -> {
            listeners.add(listener);
            return new ConnectionClient() {
                public java.util.concurrent.CompletionStage<Void> connect() {
                    return java.util.concurrent.CompletableFuture.completedFuture(null);
                }

                public void probe() {
                }

                public void close() {
                }
            };
        };
        SupervisorRig rig = new SupervisorRig();
        ConnectionSupervisor supervisor = new ConnectionSupervisor("main", rig.settings, factory, rig.time,
                new java.util.Random(1), Runnable::run, rig.events::add, rig.statuses::add,
                (account, reason) -> rig.quarantined.add(account));
        supervisor.start();
        supervisor.reconnect("operator");
        assertThat(listeners).hasSize(2);
        assertThat(supervisor.phase().state()).isEqualTo(ConnectionState.CONNECTED);

        listeners.getFirst().failed(new ConnectionFailure.Replaced());
        listeners.getFirst().failed(new ConnectionFailure.LoggedOut("late"));
        listeners.getFirst().loggedIn();
        assertThat(supervisor.phase().state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(rig.quarantined).isEmpty();

        rig.advance(Duration.ofSeconds(89));
        listeners.getFirst().received(); // the old link's frames do not keep the new one alive
        rig.advance(Duration.ofSeconds(1));
        assertThat(supervisor.status().lastError()).contains("half-open");
    }

    @Test
    void a_client_that_fails_to_load_is_a_failed_attempt_not_a_wedged_supervisor() throws Exception {
        ManualTimeSource time = new ManualTimeSource(SupervisorRig.T0);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            ConnectionSupervisor supervisor = new ConnectionSupervisor("main", SupervisorRig.defaults(), (account, listener) -> {
                throw new NoClassDefFoundError("com/aspose/words/SaveOptions"); // a client library that cannot link
            }, time, new java.util.Random(1), threads, event -> { }, status -> { }, (account, reason) -> { });
            supervisor.start();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> supervisor.phase().state() == ConnectionState.RECONNECTING);
            assertThat(supervisor.status().lastError()).contains("NoClassDefFoundError");
            CompletableFuture.runAsync(supervisor::stop).get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(supervisor.phase().state()).isEqualTo(ConnectionState.STOPPED);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void stop_closes_the_client_and_nothing_runs_afterwards() {
        SupervisorRig rig = new SupervisorRig().connected();
        rig.supervisor.stop();
        assertThat(rig.state()).isEqualTo(ConnectionState.STOPPED);
        assertThat(rig.whatsapp.open()).isZero();
        int before = rig.attempts();
        rig.supervisor.reconnect("late");
        rig.supervisor.resume();
        rig.advance(Duration.ofHours(1));
        assertThat(rig.attempts()).isEqualTo(before);
        assertThat(rig.time.pending()).as("timers left").isZero();
    }

    @Test
    void the_status_says_when_the_next_attempt_is_due() {
        SupervisorRig rig = new SupervisorRig().connected();
        rig.whatsapp.network(false);
        rig.whatsapp.drop();
        ConnectionStatus status = rig.supervisor.status();
        assertThat(status.state()).isEqualTo(ConnectionState.RECONNECTING);
        assertThat(status.attempt()).isEqualTo(1);
        assertThat(status.nextAttemptAt()).isAfter(rig.time.now());
        assertThat(status.lastError()).isEqualTo("network error: connection reset");
        assertThat(status.counters().disconnects()).isEqualTo(1);
        assertThat(rig.statuses.getLast()).isEqualTo(status);
    }
}
