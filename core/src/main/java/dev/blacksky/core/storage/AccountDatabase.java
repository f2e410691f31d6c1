package dev.blacksky.core.storage;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where an account's inbound journal and outbox live: the node's own database ({@link SqliteDatabase}), or, for an
 * account run in a cluster, the cluster's, where every write carries the account's lease epoch. The statements are
 * plain SQL both understand; each implementation makes the tables its own way.
 */
public interface AccountDatabase {

    /** Runs one statement with {@code params} bound in order; failures named after {@code who}. */
    int update(String who, String sql, Object... params);

    /** {@link #update} where losing the write in a crash only repeats work: it may skip waiting for the disk. */
    int updateUnsynced(String who, String sql, Object... params);

    /** Runs one query and maps every row; failures named after {@code who}. */
    <T> List<T> query(String who, String sql, SqliteDatabase.Row<T> row, Object... params);

    /** Runs {@code work} in one transaction, after the writes queued before it; returns once it is committed. */
    <T> T inSharedTransaction(String who, SqliteDatabase.Work<T> work);

    /**
     * Queues {@code work} and returns at once; the stage completes once it is committed. Works commit in the order
     * they were queued, and before any later {@link #inSharedTransaction}.
     */
    <T> CompletableFuture<T> commitSoon(String who, SqliteDatabase.Work<T> work);

    /** Runs {@code work} in one transaction of its own, now: all of it is committed, or none. */
    <T> T inTransaction(SqliteDatabase.Work<T> work) throws java.sql.SQLException;
}
