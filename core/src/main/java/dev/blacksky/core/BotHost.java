package dev.blacksky.core;

import dev.blacksky.api.event.BotEvent;
import dev.blacksky.api.event.ConnectionState;
import dev.blacksky.api.event.ConnectionStateChangedEvent;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.core.config.HostPaths;
import dev.blacksky.core.connection.ConnectionService;
import dev.blacksky.core.http.OperationsServer;
import dev.blacksky.core.metrics.HostMeters;
import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.session.SessionFlusher;
import dev.blacksky.core.session.SessionService;
import dev.blacksky.core.storage.Storage;
import dev.blacksky.core.dispatch.Dispatcher;
import dev.blacksky.core.inbound.JournaledIntake;
import dev.blacksky.core.inbound.MediaDownloads;
import dev.blacksky.core.outbound.OutboundMessenger;
import dev.blacksky.core.plugin.PluginFolderWatcher;
import dev.blacksky.core.plugin.PluginHost;
import dev.blacksky.core.transport.Inbound;
import dev.blacksky.core.transport.InboundSink;
import dev.blacksky.core.transport.Transport;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running bot: plugins, dispatch and one transport, started and stopped in order. */
@Singleton
public final class BotHost {

    private static final Logger log = LoggerFactory.getLogger(BotHost.class);

    private final HostPaths paths;
    @Inject
    private com.google.inject.Injector injector;
    private final PluginHost plugins;
    private final PluginFolderWatcher watcher;
    private final Dispatcher dispatcher;
    private final Transport transport;
    private final Storage storage;
    private final JournaledIntake intake;
    private final OutboundMessenger outbound;
    private final TimeSource time;
    private final ConnectionService connections;
    private final SessionFlusher flusher;
    private final MediaDownloads downloads;
    private final Duration drainTimeout;
    private final SessionService session;
    private final HostMeters meters;
    private final OperationsServer http;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private boolean started;
    private boolean stopped;
    private volatile boolean stopping;

    @Inject
    BotHost(HostPaths paths, PluginHost plugins, PluginFolderWatcher watcher, Dispatcher dispatcher, Transport transport,
            Storage storage, JournaledIntake intake, OutboundMessenger outbound, TimeSource time, LifecycleSettings lifecycle,
            ConnectionService connections, SessionService session, SessionFlusher flusher, MediaDownloads downloads,
            HostMeters meters, OperationsServer http) {
        this.meters = meters;
        this.http = http;
        this.paths = paths;
        this.plugins = plugins;
        this.watcher = watcher;
        this.dispatcher = dispatcher;
        this.transport = transport;
        this.storage = storage;
        this.intake = intake;
        this.outbound = outbound;
        this.time = time;
        this.connections = connections;
        this.flusher = flusher;
        this.drainTimeout = lifecycle.drainTimeout();
        this.session = session;
        this.downloads = downloads;
    }

    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        try {
            Files.createDirectories(paths.data());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + paths.data(), e);
        }
        // First of all: one process per account. Throws SessionLockedException naming the owner.
        session.open();
        flusher.start();
        try {
            downloads.clear();
        } catch (IOException e) {
            log.warn("Cannot empty the downloads folder; old downloads stay", e);
        }
        storage.start();
        meters.start();
        outbound.start();
        plugins.start();
        watcher.start();
        boolean journaled = transport.durable();
        if (journaled) {
            intake.start();
        }
        transport.start(new InboundSink() {
            @Override
            public CompletionStage<Void> accept(Inbound inbound) {
                meters.received();
                if (stopping) { // journaled until the link is closed: the network counts it delivered
                    return journaled ? intake.keepForNextStart(inbound) : CompletableFuture.completedFuture(null);
                }
                if (journaled) {
                    return intake.accept(inbound);
                }
                dispatcher.dispatch(inbound);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void event(BotEvent event) {
                dispatcher.publish(event);
            }

            @Override
            public CompletableFuture<Void> barrier(ChatId chat) {
                return dispatcher.barrier(chat);
            }

            @Override
            public void inputClosed() {
                log.info("Input closed; stopping");
                stopRequested.countDown();
            }
        });
        // Local transports are connected as soon as they start; a supervised connection reports its own states.
        if (!connections.start()) {
            outbound.connected();
            connection(ConnectionState.STARTING, ConnectionState.CONNECTED, transport.name() + " transport started");
        }
        http.hostStarted();
        log.info("Blacksky is running on the {} transport; data in {}", transport.name(), paths.data());
    }

    /** In a cluster, before this node runs its account: readiness and the dashboard say why (see serveOperations). */
    public void standby(String why) {
        http.standby(why);
    }

    /**
     * Starts the operations server (dashboard, health, metrics) of {@code blacksky run}; embedded hosts and tests
     * have none. A cluster node serves it while standing by too, before {@link #start()}. Throws {@link dev.blacksky.core.config.ConfigurationException} when its port cannot be had.
     *
     * @param interactive whether a person reads {@code terminal}: only then is a newly made token shown
     */
    public void serveOperations(java.io.PrintStream terminal, boolean interactive) {
        http.bind();
        http.start(terminal, interactive);
    }

    private void connection(ConnectionState from, ConnectionState to, String reason) {
        dispatcher.publish(new ConnectionStateChangedEvent(from, to, reason, time.clock().instant()));
    }

    /** Asks the thread in {@link #awaitStopRequest()} to stop the host (SIGTERM, end of input). */
    public void requestStop() {
        stopRequested.countDown();
    }

    /** Whether {@link #requestStop()} was called (or input ended). */
    public boolean stopRequested() {
        return stopRequested.getCount() == 0;
    }

    /** Whether a stop has begun: messages arriving now are journaled for the next start, not handled. */
    public boolean stopping() {
        return stopping;
    }

    /** Blocks until the transport's input ends or {@link #stop()} is called. */
    public void awaitStopRequest() throws InterruptedException {
        stopRequested.await();
    }

    /**
     * Stops intake, flushes the session, lets running calls finish, then stops transport and plugins. The
     * whole stop waits at most one drain timeout for plugin code, however many plugins are busy. Idempotent.
     */
    public void stop() {
        stop(drainTimeout);
    }

    /**
     * Stops without waiting for running calls: the connection closes at once. For a node that lost its account's
     * cluster lease, which must not keep a live connection once another node may take the account.
     */
    public void stopAtOnce() {
        stop(Duration.ZERO);
    }

    private synchronized void stop(Duration drain) {
        if (stopped) {
            return;
        }
        stopped = true;
        stopping = true; // intake first: nothing new starts while we drain
        http.stopping();
        long deadline = System.nanoTime() + drain.toNanos();
        flusher.flushAll(); // the session first: whatever plugins do from here on, it is on disk
        awaitIdle(deadline);
        if (!connections.stop()) {
            connection(ConnectionState.CONNECTED, ConnectionState.STOPPED, "stopping");
        }
        awaitIdle(deadline); // listeners hearing the stop
        reportUnsent(deadline);
        transport.stop();
        intake.stop();
        watcher.close();
        plugins.stop(deadline);
        dispatcher.close();
        storage.close();
        flusher.close(); // the last flush of the live session, before its lock goes
        session.close();
        http.stop();
        meters.close();
        if (time instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.debug("Closing the time source failed", e);
            }
        }
        stopRequested.countDown();
        log.info("Blacksky stopped");
    }

    // Replies still queued (the send governor paces them) either wait in the outbox or, without one, are lost: say so.
    private void reportUnsent(long deadline) {
        try {
            if (outbound.keepsUnsent()) {
                int left = outbound.queued();
                if (left > 0) {
                    log.info("{} messages are still in the outbox; they are sent after the next start", left);
                }
            } else {
                int left = outbound.awaitSent(deadline);
                if (left > 0) {
                    log.warn("{} messages were still waiting to be sent when the bot stopped and are lost (the {} transport"
                            + " keeps no outbox)", left, transport.name());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // The journal's backlog too: what it took up is handled by the deadline, or again at the next start.
    private void awaitIdle(long deadline) {
        try {
            boolean journalHandled = !transport.durable() || intake.awaitHandled(deadline);
            boolean callsDone = dispatcher.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (!journalHandled || !callsDone) {
                log.warn("Commands still running after {}; stopping anyway", drainTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The escape hatch for tests and embedding: the host's own injector. Plugins never see it. */
    public com.google.inject.Injector injector() {
        return injector;
    }

    public PluginHost plugins() {
        return plugins;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

}
