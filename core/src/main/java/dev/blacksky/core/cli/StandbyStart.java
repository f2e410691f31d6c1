package dev.blacksky.core.cli;

import dev.blacksky.core.BotHost;
import dev.blacksky.core.cluster.ClusterMembership;
import dev.blacksky.core.cluster.ClusterSettings;
import dev.blacksky.core.connection.ConnectionPermits;
import dev.blacksky.core.session.SessionService;
import dev.blacksky.core.storage.Storage;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code run}'s part in a cluster: join, stand by until this node holds the account, bring the cluster's session
 * in, and stop at once if the account is lost. Without {@code blacksky.cluster.url} every step does nothing.
 */
final class StandbyStart implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StandbyStart.class);

    private final BotHost host;
    private final ClusterMembership membership; // null without a cluster

    private StandbyStart(BotHost host, ClusterMembership membership) {
        this.host = host;
        this.membership = membership;
    }

    /** Joins the cluster, if one is configured; throws ClusterUnavailableException when its database is not usable. */
    static StandbyStart join(BotHost host) {
        ClusterSettings settings = host.injector().getInstance(ClusterSettings.class);
        if (!settings.enabled()) {
            return new StandbyStart(host, null);
        }
        String account = session(host).layout().name();
        ClusterMembership membership = ClusterMembership.join(settings, account,
                why -> Thread.ofPlatform().name("cluster-fence-stop").start(() -> {
                    host.stopAtOnce(); // the connection first, before the lease can run out on the database
                    host.requestStop();
                }));
        // No attempt to connect (a reconnect on waking from a pause, say) while the lease is not valid.
        host.injector().getInstance(ConnectionPermits.class).require(membership::mayConnect);
        return new StandbyStart(host, membership);
    }

    /** Waits for the lease and puts the cluster's session in place; false when told to stop while standing by. */
    boolean awaitTurn() throws InterruptedException, IOException, SQLException {
        if (membership == null) {
            return true;
        }
        CompletableFuture<Void> leased = CompletableFuture.runAsync(() -> {
            try {
                membership.awaitLease(host::standby);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, runnable -> Thread.ofPlatform().daemon().name("cluster-standby").start(runnable));
        while (!leased.isDone()) {
            if (host.stopRequested()) {
                return false;
            }
            try {
                leased.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still standing by: look at the stop request again
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        log.info("Session: {}", membership.restoreSession(session(host).layout()));
        host.injector().getInstance(Storage.class).keepAccountIn(session(host).layout().name(), membership.accountData());
        return true;
    }

    /** Once the host runs: its session's backups are copied to the cluster. */
    void started() {
        if (membership != null) {
            membership.replicateSession(session(host));
        }
    }

    /** Whether a cluster is configured: the node may stand by, and serves its dashboard meanwhile. */
    boolean clustered() {
        return membership != null;
    }

    /** Whether the node had to stop because it lost the account's lease. */
    boolean lost() {
        return membership != null && membership.lostReason().isPresent();
    }

    /** Hands the lease over (after the host stopped: its connection is closed by then). */
    @Override
    public void close() {
        if (membership != null) {
            membership.close();
        }
    }

    private static SessionService session(BotHost host) {
        return host.injector().getInstance(SessionService.class);
    }
}
