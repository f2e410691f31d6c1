package dev.blacksky.core.cluster;

import dev.blacksky.api.storage.StorageException;
import dev.blacksky.core.storage.AccountDatabase;
import dev.blacksky.core.storage.PreparedStatements;
import dev.blacksky.core.storage.SqliteDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A clustered account's inbound journal and outbox in the cluster database. Every transaction names the lease's
 * epoch, and the database refuses its changes once that epoch is not the account's live lease: a node that lost
 * the account can neither finish, nor send, nor forget what the new owner now handles. Writes run one at a time,
 * in order, on a thread of the account's own.
 */
public final class FencedAccountDatabase implements AccountDatabase, AutoCloseable {

    private final ClusterDatabase database;
    private final Lease lease;
    private final Consumer<String> onStale;
    private final ExecutorService writer;

    /** @param onStale told (once per refusal) when the database refused a write: the node must stop the account */
    FencedAccountDatabase(ClusterDatabase database, Lease lease, Consumer<String> onStale) {
        this.database = database;
        this.lease = lease;
        this.onStale = onStale;
        this.writer = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("cluster-writes-" + lease.account()).factory());
    }

    @Override
    public int update(String who, String sql, Object... params) {
        return inSharedTransaction(who, c -> SqliteDatabase.update(c, sql, params));
    }

    @Override
    public int updateUnsynced(String who, String sql, Object... params) {
        return update(who, sql, params);
    }

    @Override
    public <T> List<T> query(String who, String sql, SqliteDatabase.Row<T> row, Object... params) {
        try (Connection c = database.dataConnection()) {
            try {
                return SqliteDatabase.query(c, sql, row, params);
            } finally {
                PreparedStatements.forget(c);
            }
        } catch (SQLException e) {
            throw new StorageException(who + " failed in the cluster database: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T inSharedTransaction(String who, SqliteDatabase.Work<T> work) {
        try {
            return commitSoon(who, work).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public <T> CompletableFuture<T> commitSoon(String who, SqliteDatabase.Work<T> work) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return inTransaction(work);
                } catch (SQLException e) {
                    throw new StorageException(who + " failed in the cluster database: " + e.getMessage(), e);
                }
            }, writer);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new StorageException(who + ": account '" + lease.account()
                    + "' no longer runs on this node (epoch " + lease.epoch() + ")"));
        }
    }

    @Override
    public <T> T inTransaction(SqliteDatabase.Work<T> work) throws SQLException {
        try (Connection c = database.dataConnection()) {
            try {
                c.setAutoCommit(false);
                SqliteDatabase.query(c, "SELECT set_config('blacksky.epoch', ?, true)", r -> 1, String.valueOf(lease.epoch()));
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                Optional<StaleEpochException> stale = e instanceof SQLException sql ? StaleEpochException.of(lease, sql)
                        : Optional.empty();
                if (stale.isPresent()) {
                    onStale.accept(stale.get().getMessage());
                    throw stale.get();
                }
                throw e;
            } finally {
                PreparedStatements.forget(c);
            }
        }
    }

    /** Lets the writes already queued finish (or be refused), then takes no more. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
