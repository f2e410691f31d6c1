package dev.blacksky.core.cluster;

import java.time.Instant;

/** An account held by this node under {@code epoch} until {@code expiresAt} (the database's clock). */
public record Lease(String account, String owner, long epoch, Instant expiresAt) {
}
