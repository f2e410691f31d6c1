package dev.blacksky.core.cluster;

import java.time.Duration;
import java.time.Instant;

/** One account's lease as the database has it; {@code now} is the database's clock when it was read. */
public record LeaseRow(String account, String owner, long epoch, Instant acquiredAt, Instant renewedAt,
                       Instant expiresAt, String moveTo, Instant now, boolean live) {

    /** Who runs the account, in words: "account 'sales' is run by node bot-1 (epoch 7)", or free, or expired. */
    public String describe() {
        return live ? "account '" + account + "' is run by node " + owner + " (epoch " + epoch + ")"
                : "account '" + account + "' is run by no node (epoch " + epoch + ", lease " + (owner == null ? "free" : "expired") + ")";
    }

    /** Time since the last renewal (or acquisition); null for a lease never taken. */
    public Duration age() {
        return renewedAt == null ? null : Duration.between(renewedAt, now);
    }
}
