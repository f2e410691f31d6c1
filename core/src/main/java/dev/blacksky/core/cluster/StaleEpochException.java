package dev.blacksky.core.cluster;

import dev.blacksky.core.storage.AccountMovedException;

/**
 * The database refused a write for an account because it carried an epoch that is no longer the account's live
 * lease: another node owns the account now, or the lease ran out. The message names both epochs.
 */
public final class StaleEpochException extends AccountMovedException {

    private static final String FENCE_REFUSED = "BF409"; // the SQLSTATE the fence triggers raise

    private final String account;
    private final long epoch;

    StaleEpochException(String account, long epoch, String databaseMessage, Throwable cause) {
        super("Write for account '" + account + "' refused by the database: " + databaseMessage, cause);
        this.account = account;
        this.epoch = epoch;
    }

    /** The refusal {@code e} is, if it is the fence trigger's (its SQLSTATE), for a write under {@code lease}. */
    static java.util.Optional<StaleEpochException> of(Lease lease, java.sql.SQLException e) {
        if (!FENCE_REFUSED.equals(e.getSQLState())) {
            return java.util.Optional.empty();
        }
        String m = e.getMessage();
        int where = m.indexOf("\n  Where:");
        m = where >= 0 ? m.substring(0, where) : m;
        return java.util.Optional.of(new StaleEpochException(lease.account(), lease.epoch(),
                m.startsWith("ERROR: ") ? m.substring(7) : m, e));
    }

    public String account() {
        return account;
    }

    /** The epoch the refused write carried. */
    public long epoch() {
        return epoch;
    }
}
