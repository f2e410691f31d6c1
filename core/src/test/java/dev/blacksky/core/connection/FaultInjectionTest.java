package dev.blacksky.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.api.event.ConnectionState;
import dev.blacksky.core.connection.ConnectionPhase.Reconnecting;
import dev.blacksky.core.connection.simulated.SimulatedClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fault-injection matrix, at the supervisor level: each test is
 * named after its row and asserts the row's pass criterion, on a manual clock (no waiting).
 */
class FaultInjectionTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    @DisplayName("row 1: transient drop, 10 s outage -> reconnected <= 30 s after restore, one socket, no QR")
    void row01_transient_drop(long seed) {
        SupervisorRig rig = new SupervisorRig(seed).connected();
        rig.whatsapp.network(false);
        rig.whatsapp.drop();
        assertThat(rig.supervisor.phase()).isInstanceOf(Reconnecting.class);
        assertThat(rig.supervisor.phase().attempt()).isEqualTo(1);

        rig.advance(Duration.ofSeconds(10));
        rig.whatsapp.network(true);
        Duration recovery = rig.advanceUntil(ConnectionState.CONNECTED, Duration.ofSeconds(60));

        assertThat(recovery).as("time from restore to CONNECTED").isNotNull().isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(rig.entered(ConnectionState.PAIRING)).as("fresh QR").isZero();
        assertThat(rig.whatsapp.maxOpen()).as("live sockets at once").isEqualTo(1);
        assertThat(rig.whatsapp.open()).isEqualTo(1);
        assertThat(rig.quarantined).isEmpty();
    }

    @Test
    @DisplayName("row 2: 30 min blackhole -> <= 40 attempts, backoff reaches 60 s then 300 s, one DEGRADED alert")
    void row02_long_outage() {
        SupervisorRig rig = new SupervisorRig().connected();
        Instant outage = rig.time.now();
        int before = rig.attempts();
        rig.whatsapp.network(false);
        rig.whatsapp.drop();
        List<Duration> delays = new ArrayList<>();
        for (int s = 0; s < 30 * 60; s++) {
            ConnectionStatus previous = rig.supervisor.status();
            rig.advance(Duration.ofSeconds(1));
            ConnectionStatus after = rig.supervisor.status();
            if (after.nextAttemptAt() != null && !after.nextAttemptAt().equals(previous.nextAttemptAt())) {
                delays.add(Duration.between(rig.time.now(), after.nextAttemptAt()));
            }
        }
        int attempts = rig.attempts() - before;
        assertThat(attempts).as("connect attempts in 30 min").isLessThanOrEqualTo(40).isGreaterThanOrEqualTo(10);
        assertThat(delays).as("a backoff delay above the short cap's half shows the cap reached 60 s")
                .anyMatch(d -> d.compareTo(Duration.ofSeconds(30)) > 0);
        assertThat(delays).as("delays within the first 10 min never exceed the pause of the breaker")
                .allMatch(d -> d.compareTo(Duration.ofSeconds(300)) <= 0);
        List<Instant> late = rig.whatsapp.attempts().stream()
                .filter(at -> at.isAfter(outage.plus(Duration.ofMinutes(10)))).toList();
        for (int i = 1; i < late.size(); i++) {
            assertThat(Duration.between(late.get(i - 1), late.get(i))).as("spacing after 10 min")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(300));
        }
        assertThat(rig.state()).isEqualTo(ConnectionState.DEGRADED);
        assertThat(rig.entered(ConnectionState.DEGRADED)).as("DEGRADED events").isEqualTo(1);
        assertThat(rig.supervisor.status().counters().alerts()).as("alerts").isEqualTo(1);

        rig.whatsapp.network(true);
        Duration recovery = rig.advanceUntil(ConnectionState.CONNECTED, Duration.ofMinutes(10));
        assertThat(recovery).as("recovery after restore").isNotNull()
                .isLessThanOrEqualTo(rig.settings.longOutageCap().plus(Duration.ofSeconds(20)));
        assertThat(rig.entered(ConnectionState.LOGGED_OUT)).isZero();
        assertThat(rig.quarantined).as("session deletions or moves").isEmpty();
        assertThat(rig.whatsapp.maxOpen()).isEqualTo(1);
    }

    @Test
    @DisplayName("row 3: hang without close -> detected <= 90 s, old socket released, no duplicate socket")
    void row03_hang_without_close() {
        SupervisorRig rig = new SupervisorRig().connected();
        rig.advance(Duration.ofMinutes(5)); // keepalives flow: the watchdog stays quiet
        assertThat(rig.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(rig.whatsapp.probes()).as("probes on a healthy link").isZero();

        SimulatedClient hung = rig.whatsapp.currentClient();
        rig.whatsapp.hang();
        Duration detected = rig.advanceUntil(ConnectionState.RECONNECTING, Duration.ofMinutes(3));

        assertThat(detected).as("time to declare the link dead").isNotNull()
                .isLessThanOrEqualTo(Duration.ofSeconds(90));
        assertThat(rig.whatsapp.probes()).as("probe before giving up").isEqualTo(1);
        assertThat(rig.supervisor.status().lastError()).contains("half-open");
        assertThat(hung.isClosed()).as("old socket released").isTrue();
        assertThat(rig.advanceUntil(ConnectionState.CONNECTED, Duration.ofSeconds(30))).isNotNull();
        assertThat(rig.whatsapp.maxOpen()).as("sockets at once").isEqualTo(1);
        assertThat(rig.whatsapp.open()).isEqualTo(1);
    }

    @Test
    @DisplayName("row 4: 515 after pair-success -> CONNECTED <= 5 s, no pairing failure, backoff counter 0")
    void row04_restart_required_after_pairing() {
        SupervisorRig rig = new SupervisorRig();
        rig.whatsapp.unpaired();
        rig.supervisor.start();
        assertThat(rig.state()).isEqualTo(ConnectionState.PAIRING);

        rig.advance(Duration.ofSeconds(20));
        rig.whatsapp.scan(); // pair-success, then stream:error 515
        Instant restart = rig.time.now();
        Duration connected = rig.advanceUntil(ConnectionState.CONNECTED, Duration.ofSeconds(10));

        assertThat(connected).isNotNull().isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(rig.whatsapp.attempts().getLast()).isBefore(restart.plus(Duration.ofMillis(251)));
        assertThat(rig.supervisor.status().attempt()).as("backoff counter").isZero();
        assertThat(rig.supervisor.status().counters().failedConnects()).as("counted as a failure").isZero();
        assertThat(rig.events).extracting(e -> e.current()).containsExactly(ConnectionState.CONNECTING,
                ConnectionState.PAIRING, ConnectionState.RECONNECTING, ConnectionState.CONNECTING,
                ConnectionState.CONNECTED);
        assertThat(rig.whatsapp.maxOpen()).isEqualTo(1);
    }

    @Test
    @DisplayName("row 6: conflict from outside -> REPLACED, 0 attempts in 10 min, resume = 1 attempt, 2nd replace latches")
    void row06_conflict_from_outside() {
        SupervisorRig rig = new SupervisorRig().connected();
        rig.whatsapp.conflict();
        assertThat(rig.state()).isEqualTo(ConnectionState.REPLACED);
        assertThat(rig.whatsapp.open()).as("our socket closed").isZero();
        int before = rig.attempts();

        rig.advance(Duration.ofMinutes(10));
        assertThat(rig.attempts() - before).as("attempts in the 10 min after REPLACED").isZero();
        assertThat(rig.supervisor.status().counters().alerts()).isEqualTo(1);

        rig.whatsapp.failConnects(1, new ConnectionFailure.Replaced()); // the other instance still runs
        int beforeResume = rig.attempts();
        rig.supervisor.resume();
        rig.advance(Duration.ofMinutes(5));
        assertThat(rig.attempts() - beforeResume).as("attempts made by one resume").isEqualTo(1);
        assertThat(rig.supervisor.phase()).isEqualTo(new ConnectionPhase.Replaced(true));

        rig.supervisor.resume();
        rig.advance(Duration.ofHours(1));
        assertThat(rig.attempts() - beforeResume).as("a latched REPLACED refuses resume").isEqualTo(1);
        assertThat(rig.quarantined).as("a conflict never touches the session").isEmpty();
    }

    @Test
    @DisplayName("row 6: a replace more than 10 min after the resume does not latch")
    void row06_conflict_after_the_latch_window_does_not_latch() {
        SupervisorRig rig = new SupervisorRig().connected();
        rig.whatsapp.conflict();
        rig.advance(Duration.ofMinutes(1));
        rig.supervisor.resume();
        assertThat(rig.state()).isEqualTo(ConnectionState.CONNECTED);
        rig.advance(Duration.ofMinutes(11));
        rig.whatsapp.conflict();
        assertThat(rig.supervisor.phase()).isEqualTo(new ConnectionPhase.Replaced(false));
    }

    @Test
    @DisplayName("row 7: reconnect storm, 3 triggers at once x 200 cycles -> one socket at a time, listeners flat")
    void row07_reconnect_storm() throws Exception {
        SupervisorRig rig = new SupervisorRig().connected();
        CyclicBarrier start = new CyclicBarrier(3);
        int pendingTimersBefore = rig.time.pending();
        for (int cycle = 0; cycle < 200; cycle++) {
            SimulatedClient victim = rig.whatsapp.currentClient();
            int created = rig.whatsapp.created();
            rig.executor.hold(); // the three triggers are all queued before any is handled
            List<Thread> triggers = List.of(
                    Thread.ofPlatform().start(() -> await(start, rig.whatsapp::close)),        // the server closes
                    Thread.ofPlatform().start(() -> await(start, () -> rig.supervisor.reconnect("watchdog"))),
                    Thread.ofPlatform().start(() -> await(start, () -> rig.supervisor.reconnect("operator"))));
            for (Thread trigger : triggers) {
                trigger.join();
            }
            rig.executor.release();
            assertThat(rig.advanceUntil(ConnectionState.CONNECTED, Duration.ofMinutes(2))).as("cycle %d", cycle)
                    .isNotNull();
            assertThat(victim.isClosed()).isTrue();
            assertThat(rig.whatsapp.created() - created).as("clients made in cycle %d", cycle).isEqualTo(1);
            assertThat(rig.whatsapp.listeners()).as("listeners after cycle %d", cycle).isEqualTo(1);
            assertThat(rig.whatsapp.open()).isEqualTo(1);
            rig.advance(Duration.ofMinutes(3)); // stable: the next cycle starts a fresh outage
        }
        assertThat(rig.whatsapp.maxOpen()).as("sockets open at once, ever").isEqualTo(1);
        assertThat(rig.whatsapp.maxListeners()).as("listeners registered at once, ever").isEqualTo(1);
        assertThat(rig.time.pending()).as("timers left behind").isLessThanOrEqualTo(pendingTimersBefore + 1);
        assertThat(rig.state()).isEqualTo(ConnectionState.CONNECTED);
    }

    private static void await(CyclicBarrier barrier, Runnable then) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        then.run();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"LOGGED_OUT, main: logged out (401): device_removed, pair again",
            "BANNED, main: banned (403), banned or locked"})
    @DisplayName("row 8: logged out or banned -> quarantined once, no QR, no attempt, the process stays up")
    void row08_logged_out_or_banned(ConnectionState terminal, String quarantine, String reason) {
        SupervisorRig rig = new SupervisorRig().connected();
        int before = rig.attempts();
        if (terminal == ConnectionState.LOGGED_OUT) {
            rig.whatsapp.loggedOut();
        } else {
            rig.whatsapp.banned();
        }

        assertThat(rig.state()).isEqualTo(terminal);
        assertThat(rig.quarantined).containsExactly(quarantine);
        rig.advance(Duration.ofDays(1));
        assertThat(rig.attempts() - before).as("attempts without an operator").isZero();
        assertThat(rig.entered(ConnectionState.PAIRING)).as("QR codes shown").isZero();
        assertThat(rig.state()).as("still up, still waiting").isEqualTo(terminal);
        assertThat(rig.supervisor.status().counters().alerts()).isEqualTo(1);
        assertThat(rig.events.getLast().reason()).contains(reason);
    }

    @Test
    @DisplayName("row 9: temporary ban (402, expire 600 s) -> SUSPENDED until expiry + buffer, 0 connects before")
    void row09_temporary_ban() {
        SupervisorRig rig = new SupervisorRig().connected();
        Instant banned = rig.time.now();
        int before = rig.attempts();
        rig.whatsapp.temporaryBan(Duration.ofSeconds(600));
        Instant until = banned.plusSeconds(600).plus(rig.settings.temporaryBanBuffer());

        assertThat(rig.supervisor.phase()).isEqualTo(new ConnectionPhase.Suspended(until));
        assertThat(rig.supervisor.status().nextAttemptAt()).isEqualTo(until);
        rig.advance(Duration.between(banned, until).minusSeconds(1));
        assertThat(rig.attempts() - before).as("connects before the ban is over").isZero();
        rig.advance(Duration.ofSeconds(1));
        assertThat(rig.attempts() - before).isEqualTo(1);
        assertThat(rig.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(rig.quarantined).isEmpty();
    }

    @Test
    @DisplayName("row 10: client outdated (405) -> CLIENT_OUTDATED, session kept, no attempts")
    void row10_client_outdated() {
        SupervisorRig rig = new SupervisorRig().connected();
        int before = rig.attempts();
        rig.whatsapp.outdated();
        assertThat(rig.state()).isEqualTo(ConnectionState.CLIENT_OUTDATED);
        rig.advance(Duration.ofHours(3));
        assertThat(rig.attempts() - before).isZero();
        assertThat(rig.quarantined).as("session kept").isEmpty();
        assertThat(rig.events.getLast().reason()).contains("blacksky.whatsapp.client-version").contains("kept exactly");
    }

    @Test
    @DisplayName("a stored session that cannot be loaded -> SESSION_CORRUPT at once, kept, no attempts")
    void damaged_session_stops_without_retrying() {
        SupervisorRig rig = new SupervisorRig();
        rig.whatsapp.failConnects(1, new ConnectionFailure.SessionDamaged("store.proto is missing"));
        rig.supervisor.start();
        assertThat(rig.state()).isEqualTo(ConnectionState.SESSION_CORRUPT);
        int before = rig.attempts();
        rig.advance(Duration.ofHours(3));
        assertThat(rig.attempts() - before).isZero();
        assertThat(rig.quarantined).as("session kept").isEmpty();
        assertThat(rig.events.getLast().reason()).contains("session restore").contains("session reset --yes");
    }

    @Test
    @DisplayName("row 10: service unavailable (503) -> R with a 5 s floor, session kept")
    void row10_service_unavailable() {
        for (long seed = 1; seed <= 20; seed++) {
            SupervisorRig rig = new SupervisorRig(seed).connected();
            Instant at = rig.time.now();
            rig.whatsapp.serviceUnavailable();
            assertThat(rig.state()).isEqualTo(ConnectionState.RECONNECTING);
            assertThat(Duration.between(at, rig.supervisor.status().nextAttemptAt())).as("seed %d", seed)
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(5));
            assertThat(rig.advanceUntil(ConnectionState.CONNECTED, Duration.ofSeconds(10))).isNotNull();
            assertThat(rig.quarantined).isEmpty();
        }
    }
}
