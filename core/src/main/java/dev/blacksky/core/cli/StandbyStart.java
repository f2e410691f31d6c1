package dev.blacksky.core.cli;

import dev.blacksky.core.BotHost;
import dev.blacksky.core.cluster.ClusterMembership;
import dev.blacksky.core.cluster.ClusterSettings;
import dev.blacksky.core.session.SessionService;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code run} in a cluster: join, stand by until this node holds the account, and stop at once if it is lost. */
final class StandbyStart {

    private static final Logger log = LoggerFactory.getLogger(StandbyStart.class);

    private StandbyStart() {
    }

    /** The membership, or null without {@code blacksky.cluster.url}. */
    static ClusterMembership join(BotHost host) {
        ClusterSettings settings = host.injector().getInstance(ClusterSettings.class);
        if (!settings.enabled()) {
            return null;
        }
        String account = host.injector().getInstance(SessionService.class).layout().name();
        return ClusterMembership.join(settings, account,
                why -> Thread.ofPlatform().name("cluster-fence-stop").start(() -> {
                    host.stopAtOnce(); // the connection first, before the lease can run out on the database
                    host.requestStop();
                }));
    }

    /** With the lease held, before the host starts: the cluster's copy of the session goes in place first. */
    static void restoreSession(ClusterMembership membership, BotHost host) throws IOException, SQLException {
        log.info("Session: {}", membership.restoreSession(host.injector().getInstance(SessionService.class).layout()));
    }

    /** Once the host runs: its session's backups are copied to the cluster. */
    static void replicateSession(ClusterMembership membership, BotHost host) {
        membership.replicateSession(host.injector().getInstance(SessionService.class));
    }

    /** Waits for the lease; false when the process was told to stop first. */
    static boolean awaitLease(ClusterMembership membership, BotHost host) throws InterruptedException {
        CompletableFuture<Void> leased = CompletableFuture.runAsync(() -> {
            try {
                membership.awaitLease();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, runnable -> Thread.ofPlatform().daemon().name("cluster-standby").start(runnable));
        while (!host.stopRequested()) {
            try {
                leased.get(200, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                // still standing by: look at the stop request again
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return false;
    }
}
