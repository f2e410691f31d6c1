package dev.blacksky.core.cluster;

import dev.blacksky.core.session.AccountLayout;
import dev.blacksky.core.session.SessionService;
import dev.blacksky.core.storage.AccountDatabase;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process's place in a cluster, for the account it runs: it waits as a standby until it holds the account's
 * lease, and is told to stop the account at once when the lease is lost or about to be. Each change is written
 * to the account's fenced data under the lease's epoch, so a node that lost the account sees its write refused.
 */
public final class ClusterMembership implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterMembership.class);

    private final ClusterDatabase database;
    private final LeaseStore leases;
    private final FencedStore fenced;
    private final LeaseKeeper keeper;
    private final CompletableFuture<Lease> held = new CompletableFuture<>();
    private final Consumer<String> onLost;
    private volatile String lostReason;
    private volatile SessionReplica replica;
    private volatile FencedAccountDatabase data;
    private volatile boolean closing;

    private ClusterMembership(ClusterDatabase database, String account, Consumer<String> onLost) {
        this.database = database;
        this.leases = new LeaseStore(database);
        this.fenced = new FencedStore(database);
        this.onLost = onLost;
        this.keeper = new LeaseKeeper(leases, database.settings(), List.of(account), new AccountOwner() {
            @Override
            public void acquired(Lease lease) {
                record(lease, "running");
                held.complete(lease);
            }

            @Override
            public void lost(String lostAccount, String why) {
                if (!closing) { // else a clean stop: the host is already stopped
                    held.completeExceptionally(new IllegalStateException(why));
                    lose(why);
                }
            }
        });
    }

    /**
     * Joins the cluster for {@code account}; {@code onLost} is called (on the cluster's own thread) when the node
     * must stop the account. Throws {@link ClusterUnavailableException} when the database cannot be used.
     */
    public static ClusterMembership join(ClusterSettings settings, String account, Consumer<String> onLost) {
        ClusterDatabase database = ClusterDatabase.open(settings);
        ClusterMembership membership = new ClusterMembership(database, account, onLost);
        try {
            membership.keeper.start();
        } catch (SQLException e) {
            database.close();
            throw new ClusterUnavailableException("Cannot join the cluster at " + settings.url() + ": " + e.getMessage(), e);
        }
        return membership;
    }

    /**
     * Waits until this node holds the account (a standby may wait for hours). Meanwhile tells {@code standingBy} who
     * holds it, at once and each time that changes, and logs it the first time.
     */
    public Lease awaitLease(Consumer<String> standingBy) throws InterruptedException {
        String told = null;
        while (true) {
            try {
                return held.get(told == null ? 1 : 5, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                String now = holder();
                if (told == null) {
                    log.info("Standing by: {}", now);
                }
                if (!now.equals(told)) {
                    standingBy.accept(now);
                    told = now;
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            }
        }
    }

    /**
     * Before the session is opened: puts the cluster's copy of the session in place unless this node's own is that
     * copy. Returns what was done.
     */
    public String restoreSession(AccountLayout layout) throws IOException, SQLException {
        return SessionReplica.restore(fenced, layout, held.join().account());
    }

    /** Where the account's journal and outbox live while this node holds it: the cluster database, under its epoch. */
    public synchronized AccountDatabase accountData() {
        if (data == null) {
            data = new FencedAccountDatabase(database, held.join(), this::lose);
        }
        return data;
    }

    /** Once the session is open: copies each of its backups to the cluster, the newest one at once. */
    public void replicateSession(SessionService session) {
        replica = SessionReplica.attach(fenced, session, held.join(), this::lose);
    }

    // The node must stop the account: the lease is gone, or the database refused a write under its epoch.
    private void lose(String why) {
        lostReason = why;
        onLost.accept(why);
    }

    /** Whether {@code account} may connect here now: its lease is held and not due to be fenced. */
    public boolean mayConnect(String account) {
        return keeper.mayConnect(account);
    }

    /** Why the node had to stop the account, if it had to. */
    public Optional<String> lostReason() {
        return Optional.ofNullable(lostReason);
    }

    /** Writes the account's state under the lease's epoch; a refusal (a stale epoch) is logged with both epochs. */
    void record(Lease lease, String state) {
        fenced.recordState(lease, leases.nodeId(), state);
    }

    private String holder() {
        try {
            return leases.leases().stream().filter(r -> keeper.accounts().contains(r.account())).findFirst()
                    .map(r -> r.describe() + "; this node (" + leases.nodeId() + ") takes it "
                            + (r.live() ? "over if that node stops or goes silent" : "next"))
                    .orElse("waiting for the account's lease");
        } catch (SQLException e) {
            return "the cluster database does not answer (" + e.getMessage() + ")";
        }
    }

    /** Stops the account's lease keeping: the lease is handed over at once; the node is marked stopped. */
    @Override
    public void close() {
        closing = lostReason == null;
        Lease lease = held.isDone() && !held.isCompletedExceptionally() ? held.join() : null;
        if (lease != null && lostReason == null) {
            record(lease, "stopped");
        } else if (lease != null) {
            record(lease, "fenced"); // refused by the database once another node holds the account
        }
        if (replica != null) {
            replica.close();
        }
        if (data != null) {
            data.close();
        }
        keeper.close();
        database.close();
    }
}
