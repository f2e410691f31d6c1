package dev.blacksky.core.cluster;

import java.time.Instant;

/** One node as the database has it; {@code now} is the database's clock when it was read. */
public record NodeRow(String nodeId, String host, long pid, Instant startedAt, Instant seenAt, Instant stoppedAt,
                      Instant now, boolean live) {
}
