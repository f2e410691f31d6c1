package dev.blacksky.core;

import dev.blacksky.core.account.HostedAccount;
import dev.blacksky.core.account.HostedAccounts;
import dev.blacksky.core.config.HostPaths;
import dev.blacksky.core.dispatch.Dispatcher;
import dev.blacksky.core.dispatch.PluginCalls;
import dev.blacksky.core.http.OperationsServer;
import dev.blacksky.core.metrics.HostMeters;
import dev.blacksky.core.plugin.PluginFolderWatcher;
import dev.blacksky.core.plugin.PluginHost;
import dev.blacksky.core.plugin.PluginMeters;
import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.session.SessionLockedException;
import dev.blacksky.core.storage.Storage;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running bot: the plugins, storage and operations server its accounts share, and each account's session,
 * transport and dispatch, started and stopped in order.
 */
@Singleton
public final class BotHost {

    private static final Logger log = LoggerFactory.getLogger(BotHost.class);

    private final HostPaths paths;
    private final PluginHost plugins;
    private final PluginFolderWatcher watcher;
    private final PluginCalls calls;
    private final Storage storage;
    private final HostedAccounts accounts;
    private final TimeSource time;
    private final Duration drainTimeout;
    private final HostMeters meters;
    private final PluginMeters pluginMeters;
    private final OperationsServer http;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final List<HostedAccount> running = new ArrayList<>(); // guarded by this
    private boolean started;
    private boolean stopped;
    private volatile boolean stopping;

    @Inject
    BotHost(HostPaths paths, PluginHost plugins, PluginFolderWatcher watcher, PluginCalls calls, Storage storage,
            HostedAccounts accounts, TimeSource time, LifecycleSettings lifecycle, HostMeters meters, PluginMeters pluginMeters,
            OperationsServer http) {
        this.pluginMeters = pluginMeters;
        this.paths = paths;
        this.plugins = plugins;
        this.watcher = watcher;
        this.calls = calls;
        this.storage = storage;
        this.accounts = accounts;
        this.time = time;
        this.drainTimeout = lifecycle.drainTimeout();
        this.meters = meters;
        this.http = http;
    }

    /**
     * Starts every account. With one account, a session that cannot be opened (locked by another process, or
     * corrupt without a backup) stops start-up; with several, that account is reported and the others run.
     */
    public void start() {
        start(account -> true);
    }

    /**
     * Starts what the accounts share and the accounts {@code now} accepts; a cluster node starts the others with
     * {@link #startAccount} as it takes their leases, and may start none at first.
     */
    public synchronized void start(java.util.function.Predicate<String> now) {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        try {
            Files.createDirectories(paths.data());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + paths.data(), e);
        }
        List<HostedAccount> chosen = accounts.all().stream().filter(a -> now.test(a.name())).toList();
        List<RuntimeException> failures = new ArrayList<>();
        for (HostedAccount account : chosen) {
            try {
                account.open(); // first of all: one process per account
                running.add(account);
            } catch (RuntimeException e) {
                if (accounts.all().size() == 1) {
                    throw e;
                }
                failures.add(e);
                account.transport().stop(); // never started: a console shared with others stops waiting for it
                accounts.failed(account.name(), e.getMessage());
                log.error("Account '{}' cannot start and stays stopped: {}", account.name(),
                        e.getMessage());
            }
        }
        if (running.isEmpty() && !chosen.isEmpty()) {
            // Every session held by another bot: as with one account, that bot is named (and `run` exits 4).
            if (failures.stream().allMatch(SessionLockedException.class::isInstance)) {
                throw failures.getFirst();
            }
            throw new IllegalStateException("No account could start: " + accounts.plans().names()
                    .stream().map(name -> name + ": " + accounts.failure(name)).toList());
        }
        storage.start();
        pluginMeters.start();
        running.forEach(HostedAccount::prepare);
        plugins.start();
        watcher.start();
        for (HostedAccount account : running) {
            account.connect(stopRequested::countDown);
        }
        http.hostStarted();
        for (HostedAccount account : running) {
            log.info("Blacksky is running{} on the {} transport; data in {}", accounts.all().size() > 1
                    ? " account '" + account.name() + "'" : "", account.transport().name(), paths.data());
        }
    }

    /**
     * Starts one more account in a running host (a cluster node that took its lease): afresh if it ran here
     * before. Throws what opening its session throws, leaving it stopped.
     */
    public synchronized void startAccount(String name) {
        if (!started || stopped) {
            throw new IllegalStateException("the host is not running");
        }
        if (running.stream().anyMatch(a -> a.name().equals(name))) {
            return;
        }
        HostedAccount account = accounts.startable(name);
        try {
            account.open();
            account.prepare();
            account.connect(stopRequested::countDown);
        } catch (RuntimeException e) {
            account.stop(Duration.ZERO);
            accounts.failed(name, e.getMessage());
            throw e;
        }
        accounts.failed(name, null);
        running.add(account);
        log.info("Account '{}' is running on the {} transport", name, account.transport().name());
    }

    /**
     * Stops one account without waiting for its running calls, the others running on: a cluster node that lost
     * the account's lease must not keep its connection.
     */
    public synchronized void stopAccountAtOnce(String name) {
        for (HostedAccount account : List.copyOf(running)) {
            if (account.name().equals(name)) {
                running.remove(account);
                account.stop(Duration.ZERO);
                log.info("Account '{}' stopped", name);
            }
        }
    }

    /**
     * Closes one account's connection now, without the host's lock (a start in progress cannot delay it); {@link
     * #stopAccountAtOnce} does the rest. For a cluster node fencing several accounts at once.
     */
    public void haltAccount(String name) {
        accounts.named(name).ifPresent(HostedAccount::halt);
    }

    /** Whether {@code name} runs here now. */
    public synchronized boolean runs(String name) {
        return running.stream().anyMatch(a -> a.name().equals(name));
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
     * Stops intake, flushes the sessions, lets running calls finish, then stops transports and plugins. The
     * whole stop waits at most one drain timeout for plugin code, however many plugins are busy. Idempotent.
     */
    public void stop() {
        stop(drainTimeout);
    }

    /**
     * Stops without waiting for running calls: the connections close at once. For a node that lost its account's
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
        running.forEach(HostedAccount::beginStop);
        awaitIdle(deadline);
        running.forEach(HostedAccount::disconnect);
        awaitIdle(deadline); // listeners hearing the stop
        running.forEach(account -> account.stopTransport(deadline));
        watcher.close();
        plugins.stop(deadline);
        calls.close();
        storage.close();
        running.forEach(HostedAccount::close); // the last flush of each live session, before its lock goes
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

    // The journals' backlogs too: what they took up is handled by the deadline, or again at the next start.
    private void awaitIdle(long deadline) {
        try {
            boolean idle = true;
            for (HostedAccount account : running) {
                idle &= account.awaitIdle(deadline);
            }
            if (!idle) {
                log.warn("Commands still running after {}; stopping anyway", drainTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The accounts this host runs, in configured order. */
    public HostedAccounts accounts() {
        return accounts;
    }

    /** The escape hatch for tests and embedding: the first account's injector, which sees the host's too. */
    public com.google.inject.Injector injector() {
        return accounts.primary().injector();
    }

    public PluginHost plugins() {
        return plugins;
    }

    /** The first account's dispatcher. */
    public Dispatcher dispatcher() {
        return accounts.primary().dispatcher();
    }
}
