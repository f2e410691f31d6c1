package dev.blacksky.core.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * An account's data in the cluster database (its session among it). Every write carries the lease's epoch and
 * the database refuses it, with {@link StaleEpochException}, once that epoch is no longer the account's live
 * lease: a node that lost the account cannot overwrite what the new owner wrote, whatever it believes.
 */
public final class FencedStore {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FencedStore.class);

    private final ClusterDatabase database;

    public FencedStore(ClusterDatabase database) {
        this.database = database;
    }

    /** Writes {@code value} under {@code key} for the lease's account. */
    public void put(Lease lease, String key, byte[] value) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO blacksky_account_data (account, key, value, epoch) VALUES (?, ?, ?, ?)
                ON CONFLICT (account, key) DO UPDATE SET value = excluded.value, epoch = excluded.epoch, written_at = now()
                """)) {
            s.setString(1, lease.account());
            s.setString(2, key);
            s.setBytes(3, value);
            s.setLong(4, lease.epoch());
            s.executeUpdate();
        } catch (SQLException e) {
            Optional<StaleEpochException> stale = StaleEpochException.of(lease, e);
            if (stale.isPresent()) {
                throw stale.get();
            }
            throw e;
        }
    }

    /**
     * Records what {@code node} does with the lease's account ("running", "stopped", "fenced") under its epoch; a
     * refusal (a stale epoch) or an unreachable database is logged, not thrown: the record is for operators.
     */
    public void recordState(Lease lease, String node, String state) {
        String json = "{\"node\":\"" + node + "\",\"state\":\"" + state + "\",\"at\":\"" + java.time.Instant.now() + "\"}";
        try {
            put(lease, "state", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (StaleEpochException e) {
            log.warn("{}", e.getMessage());
        } catch (SQLException e) {
            log.warn("Could not record account '{}' as {} in the cluster database: {}", lease.account(), state, e.getMessage());
        }
    }

    /** The value last written under {@code key}, and the epoch it was written under. */
    public Optional<Stored> get(String account, String key) throws SQLException {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("SELECT value, epoch FROM blacksky_account_data WHERE account = ? AND key = ?")) {
            s.setString(1, account);
            s.setString(2, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Stored(r.getBytes(1), r.getLong(2))) : Optional.empty();
            }
        }
    }

    /** A stored value and the epoch of the write that stored it. */
    public record Stored(byte[] value, long epoch) {
    }
}
