package dev.blacksky.core.cluster;

import dev.blacksky.core.session.AccountLayout;
import dev.blacksky.core.session.SessionService;
import dev.blacksky.core.storage.AccountDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's share of many accounts: each account whose lease it takes is started, with the cluster's copy of its
 * session, and stopped at once when the lease is lost; the node itself runs on. Starts run on a thread of their
 * own, so that starting an account never delays a renewal; a stop runs where the loss is found, before the lease
 * can be handed on.
 */
public final class ClusterAccounts implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterAccounts.class);

    /** What the node does with an account: in practice its bot host. */
    public interface Runner {
        AccountLayout layout(String account);

        /**
         * Starts the account with its journal and outbox in {@code data}; returns its session, whose backups are
         * then copied to the cluster.
         */
        SessionService start(String account, AccountDatabase data);

        /** Closes the account's connection now, and nothing else: it must be fast. */
        void halt(String account);

        void stopAtOnce(String account);

        /** Says why the node does not run {@code account} (null when it does), for readiness and the dashboard. */
        void elsewhere(String account, String why);
    }

    private final ClusterDatabase database;
    private final LeaseStore leases;
    private final FencedStore fenced;
    private final LeaseKeeper keeper;
    private final Runner runner;
    private final ExecutorService steps = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("cluster-accounts").factory());
    private final Map<String, SessionReplica> replicas = new ConcurrentHashMap<>();
    private final Map<String, FencedAccountDatabase> data = new ConcurrentHashMap<>();

    private ClusterAccounts(ClusterDatabase database, List<String> accounts, Runner runner) {
        this.database = database;
        this.leases = new LeaseStore(database);
        this.fenced = new FencedStore(database);
        this.runner = runner;
        this.keeper = new LeaseKeeper(leases, database.settings(), accounts, new AccountOwner() {
            @Override
            public void acquired(Lease lease) {
                steps.execute(() -> begin(lease));
            }

            @Override
            public void lost(String account, String why) {
                end(account, why);
            }
        });
    }

    /** Joins the cluster for {@code accounts}; throws {@link ClusterUnavailableException} when its database is not usable. */
    public static ClusterAccounts join(ClusterSettings settings, List<String> accounts, Runner runner) {
        ClusterDatabase database = ClusterDatabase.open(settings);
        ClusterAccounts cluster = new ClusterAccounts(database, accounts, runner);
        accounts.forEach(account -> runner.elsewhere(account, "waiting for its lease"));
        try {
            cluster.keeper.start();
        } catch (SQLException e) {
            cluster.close();
            throw new ClusterUnavailableException("Cannot join the cluster at " + settings.url() + ": " + e.getMessage(), e);
        }
        return cluster;
    }

    // On the steps thread: the cluster's session in place, the account started, its backups copied from now on.
    private void begin(Lease lease) {
        String account = lease.account();
        if (!keeper.holds(lease)) {
            return; // lost before its turn came
        }
        try {
            log.info("Account '{}': {}", account, SessionReplica.restore(fenced, runner.layout(account), account));
            FencedAccountDatabase fencedData = new FencedAccountDatabase(database, lease, why -> refused(lease, why));
            release(data.put(account, fencedData), false);
            SessionService session = runner.start(account, fencedData);
            if (!keeper.holds(lease)) { // lost while it started: its stop may have come first
                runner.stopAtOnce(account);
                return;
            }
            replicas.put(account, SessionReplica.attach(fenced, session, lease, why -> refused(lease, why)));
            runner.elsewhere(account, null);
            record(lease, "running");
        } catch (Exception e) {
            log.error("Account '{}' cannot run on this node ({}); handing its lease back", account, e.getMessage());
            runner.stopAtOnce(account);
            keeper.giveBack(lease, database.settings().leaseTtl().multipliedBy(4));
            runner.elsewhere(account, "it could not start on this node: " + e.getMessage());
        }
    }

    // The database refused a write under the lease: the account stops here, unless that run is over already (a
    // write of the run before the account was taken anew must not stop the new run).
    private void refused(Lease lease, String why) {
        if (keeper.holds(lease)) {
            end(lease.account(), why);
        }
    }

    // Where the loss is found (the lease threads): the connection closes here and now, every account's before the
    // rest of any one's stop, which follows in order on the steps thread; the last session copy finishes on a
    // thread of its own, as the fence of the other accounts must not wait for the database.
    private void end(String account, String why) {
        runner.halt(account);
        runner.elsewhere(account, "stopped on this node: " + why);
        SessionReplica replica = replicas.remove(account);
        if (replica != null) {
            Thread.ofVirtual().name("cluster-session-copy").start(replica::close);
        }
        try {
            steps.execute(() -> {
                runner.stopAtOnce(account);
                release(data.remove(account), false);
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) { // the node stops: its last writes are waited for
            runner.stopAtOnce(account);
            release(data.remove(account), true);
        }
    }

    // A run's last writes finish, or are refused; unless the node stops, on a thread of their own, so that no other
    // account waits for them.
    private static void release(FencedAccountDatabase fencedData, boolean wait) {
        if (fencedData == null) {
            return;
        }
        if (wait) {
            fencedData.close();
        } else {
            Thread.ofVirtual().name("cluster-writes-close").start(fencedData::close);
        }
    }

    /** Whether {@code account} may connect here now: for the host's {@code ConnectionPermits}. */
    public boolean mayConnect(String account) {
        return keeper.mayConnect(account);
    }

    /** The accounts this node runs now. */
    public List<Lease> held() {
        return keeper.leases();
    }

    private void record(Lease lease, String state) {
        fenced.recordState(lease, leases.nodeId(), state);
    }

    /** Stops every account this node runs and hands the leases over at once; the node is marked stopped. */
    @Override
    public void close() {
        keeper.leases().forEach(lease -> record(lease, "stopped"));
        steps.shutdownNow(); // no account starts from here on
        keeper.close(); // each account stops before its lease is handed over
        try {
            if (!steps.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("An account was still starting 30 s after the node began to stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        replicas.values().forEach(SessionReplica::close);
        data.values().forEach(FencedAccountDatabase::close);
        database.close();
    }
}
