package dev.blacksky.core.cluster;

import dev.blacksky.core.storage.AccountMovedException;

/**
 * The database refused a write for an account because it carried an epoch that is no longer the account's live
 * lease: another node owns the account now, or the lease ran out. The message names both epochs.
 */
public final class StaleEpochException extends AccountMovedException {

    private final String account;
    private final long epoch;

    StaleEpochException(String account, long epoch, String databaseMessage, Throwable cause) {
        super("Write for account '" + account + "' refused by the database: " + databaseMessage, cause);
        this.account = account;
        this.epoch = epoch;
    }

    public String account() {
        return account;
    }

    /** The epoch the refused write carried. */
    public long epoch() {
        return epoch;
    }
}
