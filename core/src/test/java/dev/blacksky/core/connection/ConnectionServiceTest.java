package dev.blacksky.core.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.blacksky.api.event.ConnectionState;
import dev.blacksky.api.event.ConnectionStateChangedEvent;
import dev.blacksky.core.config.HostPaths;
import dev.blacksky.core.connection.simulated.SimulatedClients;
import dev.blacksky.core.schedule.ManualTimeSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production wiring: virtual-thread executor, status file in the account folder, events published. */
class ConnectionServiceTest {

    @TempDir
    Path home;

    @Test
    void supervises_the_configured_account_and_leaves_stopped_in_its_status_file() throws IOException {
        ManualTimeSource time = new ManualTimeSource(SupervisorRig.T0);
        SimulatedClients whatsapp = new SimulatedClients(time, Duration.ofSeconds(25));
        List<ConnectionStateChangedEvent> events = new CopyOnWriteArrayList<>();
        HostPaths paths = new HostPaths(home, home.resolve("data"), home.resolve("plugins"));
        ConnectionHistory history = new ConnectionHistory(ConnectionHistory.of(paths.data(), "default"), Duration.ofDays(30),
                time.clock());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ConnectionService service = new ConnectionService(SupervisorRig.defaults(), Optional.of(whatsapp), time, paths,
                events::add, (account, reason) -> { }, history, new PairingCodes(), meters, Set.of(),
                new ConnectionPermits());
        StatusFile file = new StatusFile(paths.data().resolve("accounts/default/status.json"));

        assertThat(service.start()).as("supervising").isTrue();
        // The supervisor works on virtual threads here; wait for its first state, no fixed sleep.
        await().atMost(Duration.ofSeconds(10)).until(() -> file.read().map(ConnectionStatus::state)
                .filter(ConnectionState.CONNECTED::equals).isPresent());
        assertThat(whatsapp.open()).isEqualTo(1);

        assertThat(service.stop()).isTrue();
        assertThat(file.read().orElseThrow().state()).isEqualTo(ConnectionState.STOPPED);
        assertThat(file.read().orElseThrow().pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(whatsapp.open()).isZero();
        assertThat(events).extracting(ConnectionStateChangedEvent::current).containsExactly(
                ConnectionState.CONNECTING, ConnectionState.CONNECTED, ConnectionState.STOPPED);
        // The same changes, on disk for the next run, and the state as a meter.
        assertThat(ConnectionHistory.read(ConnectionHistory.of(paths.data(), "default"))).extracting(HistoryEntry::state)
                .containsExactly(ConnectionState.CONNECTING, ConnectionState.CONNECTED, ConnectionState.STOPPED);
        assertThat(meters.get("blacksky.connection.state").tags("state", "STOPPED").gauge().value()).isEqualTo(1);
        assertThat(meters.get("blacksky.connection.state").tags("state", "CONNECTED").gauge().value()).isZero();
    }

    @Test
    void without_a_client_factory_it_does_nothing() {
        HostPaths paths = new HostPaths(home, home.resolve("data"), home.resolve("plugins"));
        ConnectionService service = new ConnectionService(SupervisorRig.defaults(), Optional.empty(),
                new ManualTimeSource(SupervisorRig.T0), paths, e -> { }, (a, r) -> { },
                new ConnectionHistory(home.resolve("h.jsonl"), Duration.ofDays(1), java.time.Clock.systemUTC()),
                new PairingCodes(), new SimpleMeterRegistry(), Set.of(), new ConnectionPermits());
        assertThat(service.start()).as("nothing to supervise: the host reports the local transport itself").isFalse();
        assertThat(service.stop()).isFalse();
        assertThat(service.supervisor()).isEmpty();
        assertThat(paths.data().resolve("accounts")).doesNotExist();
    }

    @Test
    void an_account_without_a_permit_never_opens_a_connection_and_does_once_it_has_one() throws IOException {
        ManualTimeSource time = new ManualTimeSource(SupervisorRig.T0);
        SimulatedClients whatsapp = new SimulatedClients(time, Duration.ofSeconds(25));
        HostPaths paths = new HostPaths(home, home.resolve("data"), home.resolve("plugins"));
        java.util.concurrent.atomic.AtomicBoolean leased = new java.util.concurrent.atomic.AtomicBoolean();
        ConnectionPermits permits = new ConnectionPermits();
        permits.require(account -> leased.get());
        ConnectionService service = new ConnectionService(SupervisorRig.defaults(), Optional.of(whatsapp), time, paths,
                e -> { }, (account, reason) -> { }, new ConnectionHistory(home.resolve("h.jsonl"), Duration.ofDays(1),
                time.clock()), new PairingCodes(), new SimpleMeterRegistry(), Set.of(), permits);
        StatusFile file = new StatusFile(paths.data().resolve("accounts/default/status.json"));
        service.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> file.read().map(ConnectionStatus::state)
                .filter(ConnectionState.RECONNECTING::equals).isPresent());
        assertThat(file.read().orElseThrow().lastError()).contains("no valid cluster lease for account 'default'");
        assertThat(whatsapp.open()).isZero();
        leased.set(true);
        time.advance(Duration.ofMinutes(2)); // past the backoff
        await().atMost(Duration.ofSeconds(10)).until(() -> file.read().map(ConnectionStatus::state)
                .filter(ConnectionState.CONNECTED::equals).isPresent());
        assertThat(whatsapp.open()).isEqualTo(1);
        service.stop();
    }
}
