package dev.blacksky.core.cluster;

import dev.blacksky.core.session.LockOwner;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's share of the accounts: renews what it holds, takes free or expired leases up to a fair share
 * of the live nodes, hands an account over when an operator moves it, and stops an account itself when its lease
 * could not be renewed in time. Deadlines are measured from when a renewal was sent, on this machine's monotonic
 * clock, so the node always stops an account {@code fence-margin} before the database lets anyone else take it.
 */
public final class LeaseKeeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private record Held(Lease lease, long fenceAtNanos) {
    }

    private final LeaseStore store;
    private final ClusterSettings settings;
    private final List<String> accounts;
    private final AccountOwner owner;
    private final LongSupplier nanoTime;
    private final String host = LockOwner.thisHost(); // what the node list shows; a name lookup, so once
    private final long pid = ProcessHandle.current().pid();
    private final Map<String, Held> held = new HashMap<>(); // guarded by this
    private final Map<String, Long> notBefore = new HashMap<>(); // guarded by this: accounts given back, until when
    private ScheduledExecutorService rounds;
    private boolean closed; // guarded by this
    private long unreachableSince; // on the rounds' thread only; 0 while the database answers
    private ScheduledExecutorService watchdog;

    public LeaseKeeper(LeaseStore store, ClusterSettings settings, List<String> accounts, AccountOwner owner) {
        this(store, settings, accounts, owner, System::nanoTime);
    }

    LeaseKeeper(LeaseStore store, ClusterSettings settings, List<String> accounts, AccountOwner owner, LongSupplier nanoTime) {
        this.store = store;
        this.settings = settings;
        this.accounts = List.copyOf(accounts);
        this.owner = owner;
        this.nanoTime = nanoTime;
    }

    /** Registers the node and its accounts, then renews and acquires every {@code renew-every}. */
    public synchronized void start() throws SQLException {
        store.heartbeat(host, pid);
        store.register(accounts);
        rounds = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("cluster-leases").factory());
        // Apart from the rounds, which may be stuck waiting for the database: the fence must never wait for it.
        watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("cluster-fence").factory());
        rounds.scheduleWithFixedDelay(this::round, 0, settings.renewEvery().toMillis(), TimeUnit.MILLISECONDS);
        long check = Math.max(50, settings.fenceMargin().toMillis() / 10);
        watchdog.scheduleWithFixedDelay(this::fenceOverdue, check, check, TimeUnit.MILLISECONDS);
    }

    List<String> accounts() {
        return accounts;
    }

    /** The leases held now. */
    public synchronized List<Lease> leases() {
        return held.values().stream().map(Held::lease).toList();
    }

    /** Whether {@code account} may have a live connection here now: its lease is held and not due to be fenced. */
    public synchronized boolean mayConnect(String account) {
        Held current = held.get(account);
        return current != null && nanoTime.getAsLong() - current.fenceAtNanos() < 0;
    }

    /** Whether this node still holds {@code lease} (same account and epoch). */
    public synchronized boolean holds(Lease lease) {
        Held current = held.get(lease.account());
        return current != null && current.lease().epoch() == lease.epoch();
    }

    /**
     * Hands a lease back that this node cannot use (its account would not start here), and leaves the account to
     * the other nodes for {@code pause}.
     */
    public void giveBack(Lease lease, java.time.Duration pause) {
        synchronized (this) {
            if (!holds(lease)) {
                return;
            }
            held.remove(lease.account());
            notBefore.put(lease.account(), nanoTime.getAsLong() + pause.toNanos());
        }
        try {
            store.release(lease);
        } catch (SQLException e) {
            log.warn("Could not hand account '{}' back ({}); another node takes it when the lease runs out",
                    lease.account(), e.getMessage());
        }
    }

    void round() {
        fenceOverdue(); // a node resumed after a pause stops what it no longer holds before anything else
        try {
            store.heartbeat(host, pid);
            for (Lease lease : leases()) {
                renew(lease);
            }
            long live = Math.max(1, store.nodes(settings.leaseTtl()).stream().filter(NodeRow::live).count());
            int share = (int) ((accounts.size() + live - 1) / live);
            shedExcess(share, live);
            acquireShare(share);
            if (unreachableSince != 0) {
                log.info("Cluster database reachable again after {} s", (nanoTime.getAsLong() - unreachableSince) / 1_000_000_000);
                unreachableSince = 0;
            }
        } catch (SQLException | RuntimeException e) {
            if (unreachableSince == 0) { // once per outage, not every round
                unreachableSince = nanoTime.getAsLong() | 1;
                log.warn("Cluster database unreachable ({}); accounts held stop {} before their leases run out unless a"
                        + " renewal succeeds", ClusterDatabase.rootMessage(e), settings.fenceMargin());
            }
        }
    }

    private void renew(Lease lease) throws SQLException {
        long sentAt = nanoTime.getAsLong();
        LeaseStore.Renewal renewal = store.renew(lease, settings.leaseTtl());
        String moveTo;
        synchronized (this) {
            Held current = held.get(lease.account());
            if (current == null || current.lease().epoch() != lease.epoch()) {
                return; // fenced meanwhile
            }
            if (!renewal.held()) {
                held.remove(lease.account());
                stop(lease.account(), "its lease (epoch " + lease.epoch() + ") is gone: it expired or another node took it");
                return;
            }
            held.put(lease.account(), new Held(lease, fenceAt(sentAt)));
            moveTo = renewal.moveTo();
        }
        if (moveTo != null && !moveTo.equals(store.nodeId())) {
            synchronized (this) {
                held.remove(lease.account());
                stop(lease.account(), "an operator moved it to node " + moveTo);
            }
            store.release(lease);
        }
    }

    // A node that took more than its share (it was alone when it started, or a node joined since) hands the
    // excess over at once, gracefully: the others take it in their next round.
    private void shedExcess(int share, long live) throws SQLException {
        List<Lease> excess;
        synchronized (this) {
            if (held.size() <= share) {
                return;
            }
            List<Lease> mine = new java.util.ArrayList<>(held.values().stream().map(Held::lease).toList());
            mine.sort(java.util.Comparator.comparing(Lease::account));
            excess = mine.subList(share, mine.size());
            for (Lease lease : excess) {
                held.remove(lease.account());
                stop(lease.account(), "handing it to a node with fewer accounts: this node's share is " + share + " of "
                        + accounts.size() + " accounts among " + live + " live nodes");
            }
        }
        for (Lease lease : excess) {
            store.release(lease);
        }
    }

    private void acquireShare(int share) throws SQLException {
        for (String account : accounts) {
            synchronized (this) {
                if (held.size() >= share) {
                    return;
                }
                Long until = notBefore.get(account);
                if (held.containsKey(account) || until != null && nanoTime.getAsLong() - until < 0) {
                    continue;
                }
            }
            long sentAt = nanoTime.getAsLong();
            Optional<Lease> lease = store.acquire(account, settings.leaseTtl());
            if (lease.isPresent()) {
                synchronized (this) {
                    if (closed) { // closed meanwhile: give it straight back
                        store.release(lease.get());
                        return;
                    }
                    held.put(account, new Held(lease.get(), fenceAt(sentAt)));
                }
                log.info("Account '{}' is now run by this node ({}), epoch {}", account, store.nodeId(), lease.get().epoch());
                owner.acquired(lease.get());
            }
        }
    }

    synchronized void fenceOverdue() {
        long now = nanoTime.getAsLong();
        held.values().removeIf(h -> {
            if (now - h.fenceAtNanos() < 0) {
                return false;
            }
            stop(h.lease().account(), "its lease (epoch " + h.lease().epoch() + ") could not be renewed in time: stopped "
                    + settings.fenceMargin() + " before it runs out, so that no other node meets this one's connection");
            return true;
        });
    }

    private long fenceAt(long sentAt) {
        return sentAt + settings.leaseTtl().minus(settings.fenceMargin()).toNanos();
    }

    private void stop(String account, String why) {
        log.warn("Stopping account '{}': {}", account, why);
        try {
            owner.lost(account, why);
        } catch (RuntimeException e) {
            log.error("Stopping account '{}' failed", account, e);
        }
    }

    /** Stops every account and hands its lease over at once, then marks the node stopped. */
    @Override
    public void close() {
        List<Lease> leases;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (rounds != null) {
                rounds.shutdownNow();
                watchdog.shutdownNow();
            }
            rounds = null;
            leases = List.copyOf(held.values().stream().map(Held::lease).toList());
            held.clear();
        }
        for (Lease lease : leases) {
            log.info("Handing account '{}' over: the node is stopping", lease.account());
            try {
                owner.lost(lease.account(), "the node is stopping");
            } catch (RuntimeException e) {
                log.error("Stopping account '{}' failed", lease.account(), e);
            }
            try {
                store.release(lease);
            } catch (SQLException e) {
                log.warn("Could not hand account '{}' over ({}); another node takes it when the lease runs out",
                        lease.account(), e.getMessage());
            }
        }
        try {
            store.nodeStopped();
        } catch (SQLException e) {
            log.debug("Could not mark the node stopped", e);
        }
    }
}
