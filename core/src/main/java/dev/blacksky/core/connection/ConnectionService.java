package dev.blacksky.core.connection;

import jakarta.inject.Inject;
import dev.blacksky.core.config.HostPaths;
import dev.blacksky.core.schedule.TimeSource;
import jakarta.inject.Singleton;
import java.util.Optional;
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
    private ConnectionSupervisor supervisor;

    @Inject
    ConnectionService(ConnectionSettings settings, Optional<ConnectionClient.Factory> clients, TimeSource time,
            HostPaths paths, StatePublisher publisher, SessionQuarantine quarantine) {
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
        supervisor = new ConnectionSupervisor(account, settings, clients.get(), time, new SplittableRandom(),
                Executors.newVirtualThreadPerTaskExecutor(), publisher, status, quarantine);
        log.info("Supervising the connection of account '{}'; status in {}", account, status.path());
        supervisor.start();
        return true;
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
