package dev.blacksky.core.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The leases, each operation one statement on the database's clock, so that nodes' clocks never matter and no
 * two nodes can both succeed. Throws {@link SQLException} when the database cannot be reached: the caller decides
 * what a failed renewal means.
 */
public final class LeaseStore {

    /** What a renewal found: still ours (perhaps asked to move), or gone. */
    public record Renewal(boolean held, Instant expiresAt, String moveTo) {
        static final Renewal LOST = new Renewal(false, null, null);
    }

    private final ClusterDatabase database;
    private final String nodeId;

    public LeaseStore(ClusterDatabase database) {
        this.database = database;
        this.nodeId = database.settings().nodeId();
    }

    public String nodeId() {
        return nodeId;
    }

    /** Says this node is alive (and registers it on first call). */
    public void heartbeat(String host, long pid) throws SQLException {
        update("""
                INSERT INTO blacksky_nodes (node_id, host, pid) VALUES (?, ?, ?)
                ON CONFLICT (node_id) DO UPDATE SET seen_at = now(), stopped_at = NULL, host = excluded.host, pid = excluded.pid
                """, nodeId, host, pid);
    }

    /** Marks this node stopped: it is no longer counted when accounts are shared out. */
    public void nodeStopped() throws SQLException {
        update("UPDATE blacksky_nodes SET stopped_at = now() WHERE node_id = ?", nodeId);
    }

    /** Makes sure each account has a lease row (free until someone takes it). */
    public void register(Collection<String> accounts) throws SQLException {
        for (String account : accounts) {
            update("INSERT INTO blacksky_leases (account) VALUES (?) ON CONFLICT (account) DO NOTHING", account);
        }
    }

    /**
     * Takes the account if its lease is free or expired and no operator asked to move it to another live node;
     * every success raises the epoch. Empty when someone else holds it.
     */
    public Optional<Lease> acquire(String account, Duration ttl) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO blacksky_leases AS l (account, owner, epoch, acquired_at, renewed_at, expires_at)
                VALUES (?, ?, 1, now(), now(), now() + make_interval(secs => ?))
                ON CONFLICT (account) DO UPDATE
                  SET owner = excluded.owner, epoch = l.epoch + 1, acquired_at = now(), renewed_at = now(),
                      expires_at = excluded.expires_at,
                      move_to = CASE WHEN l.move_to = excluded.owner THEN NULL ELSE l.move_to END
                  WHERE (l.owner IS NULL OR l.expires_at <= now())
                    AND (l.move_to IS NULL OR l.move_to = excluded.owner OR NOT EXISTS (
                      SELECT 1 FROM blacksky_nodes n WHERE n.node_id = l.move_to AND n.stopped_at IS NULL
                        AND n.seen_at > now() - make_interval(secs => ?)))
                RETURNING epoch, expires_at""")) {
            double seconds = ttl.toMillis() / 1000.0;
            bind(s, account, nodeId, seconds, seconds);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Lease(account, nodeId, r.getLong(1), r.getTimestamp(2).toInstant()))
                        : Optional.empty();
            }
        }
    }

    /** Extends the lease if it is still this node's under {@code epoch} and not expired. */
    public Renewal renew(Lease lease, Duration ttl) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement("""
                UPDATE blacksky_leases SET renewed_at = now(), expires_at = now() + make_interval(secs => ?)
                WHERE account = ? AND owner = ? AND epoch = ? AND expires_at > now()
                RETURNING expires_at, move_to""")) {
            bind(s, ttl.toMillis() / 1000.0, lease.account(), nodeId, lease.epoch());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Renewal(true, r.getTimestamp(1).toInstant(), r.getString(2)) : Renewal.LOST;
            }
        }
    }

    /** Gives the account up at once, so that the next owner need not wait for the TTL. */
    public void release(Lease lease) throws SQLException {
        update("UPDATE blacksky_leases SET owner = NULL, expires_at = now() WHERE account = ? AND owner = ? AND epoch = ?",
                lease.account(), nodeId, lease.epoch());
    }

    /** An operator's request: the account's owner hands it over to {@code node} at its next renewal. */
    public boolean requestMove(String account, String node) throws SQLException {
        return update("UPDATE blacksky_leases SET move_to = ? WHERE account = ?", node, account) == 1;
    }

    /** Every lease row, with its age on the database's clock. */
    public List<LeaseRow> leases() throws SQLException {
        List<LeaseRow> rows = new ArrayList<>();
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement("""
                SELECT account, owner, epoch, acquired_at, renewed_at, expires_at, move_to, now(),
                  owner IS NOT NULL AND expires_at > now()
                FROM blacksky_leases ORDER BY account""");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(new LeaseRow(r.getString(1), r.getString(2), r.getLong(3), instant(r.getTimestamp(4)),
                        instant(r.getTimestamp(5)), instant(r.getTimestamp(6)), r.getString(7), instant(r.getTimestamp(8)),
                        r.getBoolean(9)));
            }
        }
        return rows;
    }

    /** Every node that ever joined, newest first, with whether it counts as live (seen within {@code ttl}). */
    public List<NodeRow> nodes(Duration ttl) throws SQLException {
        List<NodeRow> rows = new ArrayList<>();
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement("""
                SELECT node_id, host, pid, started_at, seen_at, stopped_at, now(),
                  stopped_at IS NULL AND seen_at > now() - make_interval(secs => ?)
                FROM blacksky_nodes ORDER BY seen_at DESC""")) {
            bind(s, ttl.toMillis() / 1000.0);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new NodeRow(r.getString(1), r.getString(2), r.getLong(3), instant(r.getTimestamp(4)),
                            instant(r.getTimestamp(5)), instant(r.getTimestamp(6)), instant(r.getTimestamp(7)),
                            r.getBoolean(8)));
                }
            }
        }
        return rows;
    }

    private int update(String sql, Object... params) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
