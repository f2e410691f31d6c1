package dev.blacksky.core.connection;

import jakarta.inject.Inject;
import dev.blacksky.core.config.HostPaths;
import dev.blacksky.core.schedule.TimeSource;
import jakarta.inject.Singleton;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the supervisor of the configured account. It does nothing unless a transport has bound
 * a {@link ConnectionClient.Factory} (the WhatsApp transport will); local transports need no supervisor.
 */
@Singleton
public final class ConnectionService {

    private static final Logger log = LoggerFactory.getLogger(ConnectionService.class);

    private final ConnectionSettings settings;
    private final Optional<ConnectionClient.Factory> clients;
    private final TimeSource time;
    private final HostPaths paths;
    private final StatePublisher publisher;
    private final SessionQuarantine quarantine;
    private final ConnectionHistory history;
    private final List<StatusRecorder> observers;
    private ConnectionSupervisor supervisor;
    private final ConnectionPermits permits;

    @Inject
    ConnectionService(ConnectionSettings settings, Optional<ConnectionClient.Factory> clients, TimeSource time,
            HostPaths paths, StatePublisher publisher, SessionQuarantine quarantine, ConnectionHistory history,
            PairingCodes codes, MeterRegistry meters, Set<StatusRecorder> observers, ConnectionPermits permits) {
        this.permits = permits;
        this.history = history;
        List<StatusRecorder> all = new ArrayList<>();
        all.add(history);
        all.add(codes);
        all.add(new ConnectionMeters(meters, settings.account(), time.clock()));
        all.addAll(observers);
        this.observers = List.copyOf(all);
        this.settings = settings;
        this.clients = clients;
        this.time = time;
        this.paths = paths;
        this.publisher = publisher;
        this.quarantine = quarantine;
    }

    /** Makes the first attempt and returns at once; false when nothing is supervised (a local transport). */
    public synchronized boolean start() {
        if (clients.isEmpty()) {
            return false;
        }
        if (supervisor != null) {
            return true;
        }
        String account = settings.account();
        StatusFile status = new StatusFile(StatusFile.of(paths.data(), account));
        history.open(lastSignOfLife(status));
        // The file first: operators read it; then history, meters, pairing and alerts, each on its own.
        StatusRecorder recorder = next -> {
            status.record(next);
            for (StatusRecorder observer : observers) {
                try {
                    observer.record(next);
                } catch (RuntimeException e) {
                    log.warn("[{}] {} failed to record the connection status", account, observer.getClass().getSimpleName(), e);
                }
            }
        };
        ConnectionClient.Factory factory = clients.get();
        ConnectionClient.Factory permitted = (name, listener) -> {
            permits.check(name); // a refused attempt fails like any other, and backs off
            return factory.create(name, listener);
        };
        supervisor = new ConnectionSupervisor(account, settings, permitted, time, new SplittableRandom(),
                Executors.newVirtualThreadPerTaskExecutor(), publisher, recorder, quarantine);
        log.info("Supervising the connection of account '{}'; status in {}", account, status.path());
        supervisor.start();
        return true;
    }

    private static Instant lastSignOfLife(StatusFile status) {
        try {
            return status.read().map(ConnectionStatus::updatedAt).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** The account's history of state changes (empty on a local transport). */
    public ConnectionHistory history() {
        return history;
    }

    /** Closes the connection, leaving the status file saying STOPPED; false if there was none. */
    public synchronized boolean stop() {
        if (supervisor == null) {
            return false;
        }
        supervisor.stop();
        return true;
    }

    /** The running supervisor, if any: the operator's handle for resume and reconnect. */
    public synchronized Optional<ConnectionSupervisor> supervisor() {
        return Optional.ofNullable(supervisor);
    }
}
