package dev.blacksky.core.cli;

import dev.blacksky.core.Blacksky;
import dev.blacksky.core.BotHost;
import dev.blacksky.core.HostOptions;
import dev.blacksky.core.config.ConfigSources;
import dev.blacksky.core.cluster.ClusterAccounts;
import dev.blacksky.core.cluster.ClusterUnavailableException;
import dev.blacksky.core.config.ConfigurationException;
import dev.blacksky.core.session.SessionLockedException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code blacksky run}: starts the bot and runs until input ends or the process is told to stop. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Starts the bot.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--console",
            description = "Talk to the bot on stdin/stdout instead of the configured transport (by default WhatsApp).")
    boolean console;

    @Option(names = "--config", paramLabel = "FILE",
            description = "An extra configuration file, layered over conf/application.conf.")
    List<Path> configFiles = List.of();

    @Option(names = "--data", paramLabel = "DIR", description = "The data folder (default: data/ in the installation).")
    Path data;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "The plugin folder (default: plugins/ in the installation).")
    Path plugins;

    @Override
    public Integer call() throws Exception {
        Path home = BlackskyCli.home();
        ConfigSources sources = new ConfigSources(home.resolve("conf/application.conf"), configFiles, System.getenv());
        HostOptions options = new HostOptions(home, sources, data, plugins, console ? "console" : null, Clock.systemUTC());
        BotHost host;
        try {
            host = Blacksky.create(options);
        } catch (ConfigurationException e) {
            System.err.println("blacksky: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        Thread hook = Thread.ofPlatform().name("shutdown").unstarted(host::stop);
        Runtime.getRuntime().addShutdownHook(hook);
        StopSignals.install(host::requestStop);
        if (ClusterShare.applies(host)) {
            return runShare(host, hook);
        }
        StandbyStart cluster;
        try {
            cluster = StandbyStart.join(host);
        } catch (ClusterUnavailableException e) {
            System.err.println("blacksky: " + e.getMessage());
            return exit(hook, ExitCodes.FAILURE);
        }
        try (cluster) {
            if (cluster.clustered() && !serveOperations(host)) { // a standby answers health checks too
                return exit(hook, ExitCodes.CONFIG);
            }
            try {
                if (!cluster.awaitTurn()) {
                    return exit(hook, ExitCodes.OK); // stopped while standing by
                }
            } catch (IOException | SQLException e) {
                System.err.println("blacksky: cannot take the session from the cluster database: " + e.getMessage()
                        + "; the account is handed back and this node stops");
                return exit(hook, ExitCodes.FAILURE);
            }
            try {
                host.start();
            } catch (SessionLockedException e) {
                System.err.println("blacksky: " + e.getMessage());
                return exit(hook, ExitCodes.SESSION_LOCKED);
            }
            cluster.started();
            if (!cluster.clustered() && !serveOperations(host)) {
                host.stop();
                return exit(hook, ExitCodes.CONFIG);
            }
            host.awaitStopRequest();
            host.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting (SIGTERM); the hook finishes the stop
            }
            return cluster.lost() ? ExitCodes.LEASE_LOST : ExitCodes.OK;
        } // closing hands the lease over, once the host (and its connection) has stopped
    }

    // A cluster node with several accounts runs those whose leases it holds, until it is told to stop.
    private static int runShare(BotHost host, Thread hook) throws InterruptedException {
        if (!serveOperations(host)) {
            return exit(hook, ExitCodes.CONFIG);
        }
        ClusterAccounts share;
        try {
            share = ClusterShare.start(host);
        } catch (ClusterUnavailableException e) {
            System.err.println("blacksky: " + e.getMessage());
            host.stop();
            return exit(hook, ExitCodes.FAILURE);
        }
        try (share) { // closing hands each lease over, once the host (and each connection) has stopped
            host.awaitStopRequest();
            host.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting (SIGTERM); the hook finishes the stop
            }
            return ExitCodes.OK;
        }
    }

    // False when its port cannot be had (said on stderr, naming the key).
    private static boolean serveOperations(BotHost host) {
        try {
            host.serveOperations(System.err, System.console() != null);
            return true;
        } catch (ConfigurationException e) {
            System.err.println("blacksky: " + e.getMessage());
            return false;
        }
    }

    private static int exit(Thread hook, int code) {
        Runtime.getRuntime().removeShutdownHook(hook);
        return code;
    }
}
