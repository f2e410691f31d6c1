package dev.blacksky.core.storage;

import dev.blacksky.api.storage.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/** The bot's database: one connection, WAL, full fsync on commit; calls serialised, as SQLite has one writer. */
public final class SqliteDatabase implements AccountDatabase, AutoCloseable {

    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();
    private final GroupCommit group;
    private Connection connection; // guarded by lock
    private boolean fullSync = true; // guarded by lock: synchronous=FULL, every commit an fsync

    public SqliteDatabase(Path file) {
        this(file, true);
    }

    /** @param commitInBackground false (for tests): what is queued to commit soon waits for the next commit anyone makes */
    SqliteDatabase(Path file, boolean commitInBackground) {
        this.file = file;
        this.group = new GroupCommit(file, lock, this::durableConnection, commitInBackground);
    }

    /** Work done with the connection held. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public void open() {
        group.start(); // here, on the host's thread, not lazily on a plugin's
        lock.lock();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.isRegularFile(file) && Files.size(file) == 0) {
                // SQLite would take it for a new, empty database: every plugin's data and state silently gone.
                throw new StorageException("The database " + file + " is empty (0 bytes): it was probably truncated"
                        + " (a full disk, an interrupted copy). Restore it from a backup, or delete it to start with no"
                        + " plugin data; the bot does not start on it as it is.");
            }
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS plugin_kv (
                          namespace  TEXT    NOT NULL,
                          key        TEXT    NOT NULL,
                          value      TEXT    NOT NULL,
                          updated_at INTEGER NOT NULL,
                          PRIMARY KEY (namespace, key)
                        ) WITHOUT ROWID""");
                WriteLedger.createTable(connection);
            }
        } catch (IOException | SQLException e) {
            throw new StorageException("Cannot open the database " + file + ": " + e.getMessage()
                    + ". Check that the data folder is writable and the disk is not full.", e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} with exclusive use of the connection. */
    public <T> T with(Work<T> work) throws SQLException {
        lock.lock();
        try {
            if (connection == null) {
                throw new StorageException("The database " + file + " is closed");
            }
            return work.run(durableConnection());
        } finally {
            lock.unlock();
        }
    }

    // Under the lock. The setting changes only between a run of unsynced writes and the next durable one, so
    // that unsynced writes in between many commits cost no statements of their own.
    private Connection durableConnection() throws SQLException {
        synchronous(true);
        return connection;
    }

    private void synchronous(boolean full) throws SQLException {
        if (connection != null && fullSync != full) {
            try (Statement s = connection.createStatement()) { // a pragma acts when prepared: never kept prepared
                s.execute(full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
            }
            fullSync = full;
        }
    }

    /**
     * {@link #with}, for the host's own tables: a failure becomes a {@link StorageException} saying which part of
     * the host failed ({@code who}, e.g. "The outbox").
     */
    public <T> T use(String who, Work<T> work) {
        try {
            return with(work);
        } catch (SQLException e) {
            throw new StorageException(who + " failed: " + e.getMessage(), e);
        }
    }

    /** Maps one row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Runs one statement with {@code params} bound in order; returns how many rows it changed. */
    public static int update(Connection c, String sql, Object... params) throws SQLException {
        return PreparedStatements.of(c).update(sql, params);
    }

    /** Runs one query with {@code params} bound in order and maps every row. */
    public static <T> List<T> query(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        return PreparedStatements.of(c).query(sql, row, params);
    }

    /** {@link #update(Connection, String, Object...)} for the host's own tables, failures named after {@code who}. */
    @Override
    public int update(String who, String sql, Object... params) {
        return use(who, c -> update(c, sql, params));
    }

    /**
     * {@link #update(String, String, Object...)} without waiting for the disk: it survives the process dying,
     * not a power loss, and the next commit makes it durable too.
     */
    @Override
    public int updateUnsynced(String who, String sql, Object... params) {
        return use(who, c -> {
            synchronous(false); // the next durable use sets it back first
            return update(c, sql, params);
        });
    }

    /** {@link #query(Connection, String, Row, Object...)} for the host's own tables, failures named after {@code who}. */
    @Override
    public <T> List<T> query(String who, String sql, Row<T> row, Object... params) {
        return use(who, c -> query(c, sql, row, params));
    }

    /**
     * Moves the rows of a table kept before accounts had their own into its successor and drops it, atomically;
     * returns the rows moved, or -1 when there was no such table.
     */
    public int adopt(String legacy, String copy, Object... params) {
        return use("Taking over " + legacy, c -> {
            if (query(c, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", r -> 1, legacy).isEmpty()) {
                return -1;
            }
            return inTransaction(tx -> {
                int rows = update(tx, copy, params);
                update(tx, "DROP TABLE " + legacy);
                return rows;
            });
        });
    }

    /**
     * Runs {@code work} in a transaction shared with every other caller waiting meanwhile, so that writes arriving
     * together cost one commit, one fsync (group commit). Returns once it is on disk, as a transaction of its own
     * would; a lone caller waits for nobody. Each work runs in a savepoint of its own: one that fails is rolled back
     * alone, and reported to its caller only. The work may run on another caller's thread: it must not read
     * thread-locals.
     */
    @Override
    public <T> T inSharedTransaction(String who, Work<T> work) {
        return group.join(who, work, this);
    }

    /**
     * Commits what is queued for the shared transaction now, so that a write made after this reaches the disk after
     * them: a plugin's store write never lands before a message it sent earlier (a reminder deleted, its message not
     * yet in the outbox).
     */
    public void commitQueued() {
        group.commitQueued();
    }

    /**
     * Queues {@code work} for the next shared transaction and returns at once; the stage completes once it is on
     * disk. For writes whose loss in a crash only repeats work (a message handled again, a reply sent again): they
     * take no fsync of their own and hold up no caller. Later shared writes commit with or after it, never before,
     * and the stages complete in the order the works were queued, on the committing thread with the connection
     * held: what depends on them must be quick and must not wait for anything.
     */
    @Override
    public <T> CompletableFuture<T> commitSoon(String who, Work<T> work) {
        return group.soon(who, work);
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none. */
    @Override
    public <T> T inTransaction(Work<T> work) throws SQLException {
        return with(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        group.stop();
        lock.lock();
        try {
            group.commitPending(); // what was queued to commit soon is committed now
            if (connection != null) {
                PreparedStatements.forget(connection);
                connection.close();
                connection = null;
            }
        } catch (SQLException e) {
            throw new StorageException("Closing the database " + file + " failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
