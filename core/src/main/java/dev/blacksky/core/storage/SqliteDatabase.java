package dev.blacksky.core.storage;

import dev.blacksky.api.storage.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.LoggerFactory;

/** The bot's database: one connection, WAL, full fsync on commit; calls serialised, as SQLite has one writer. */
public final class SqliteDatabase implements AutoCloseable {

    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentLinkedQueue<Shared<?>> sharing = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean commitQueued = new AtomicBoolean();
    private ExecutorService committer; // commits what was queued without a caller waiting; made in open()
    private Connection connection;

    // One caller's part of a shared transaction: written by whichever caller commits it, read by its own after.
    private static final class Shared<T> {
        final Work<T> work;
        final CompletableFuture<T> committed; // only for a part no caller waits for
        final String who;
        T result;
        SQLException failure;
        RuntimeException runtimeFailure;
        boolean done; // guarded by lock

        Shared(Work<T> work) {
            this(work, null, null);
        }

        Shared(Work<T> work, String who, CompletableFuture<T> committed) {
            this.work = work;
            this.who = who;
            this.committed = committed;
        }

        void finish() {
            done = true;
            if (committed == null) {
                return;
            }
            if (failure == null && runtimeFailure == null) {
                committed.complete(result);
            } else {
                Exception e = failure != null ? failure : runtimeFailure;
                LoggerFactory.getLogger(SqliteDatabase.class).warn("{} failed: {}", who, e.toString());
                committed.completeExceptionally(e);
            }
        }

        void run(Connection c) throws SQLException {
            result = work.run(c);
        }
    }

    private final boolean commitInBackground;

    public SqliteDatabase(Path file) {
        this(file, true);
    }

    /** @param commitInBackground false (for tests): what is queued to commit soon waits for the next commit anyone makes */
    SqliteDatabase(Path file, boolean commitInBackground) {
        this.file = file;
        this.commitInBackground = commitInBackground;
    }

    /** Work done with the connection held. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public void open() {
        synchronized (this) {
            // Here, on the host's thread: made lazily on a plugin's thread, it would carry that plugin's class loader.
            if (committer == null) {
                ThreadFactory threads = Thread.ofPlatform().name("db-commit").daemon().factory();
                committer = Executors.newSingleThreadExecutor(task -> {
                    Thread thread = threads.newThread(task); // started on whichever thread commits first: a plugin's
                    thread.setContextClassLoader(SqliteDatabase.class.getClassLoader());
                    return thread;
                });
            }
        }
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
            return work.run(connection);
        } finally {
            lock.unlock();
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
        try (PreparedStatement s = bind(c.prepareStatement(sql), params)) {
            return s.executeUpdate();
        }
    }

    /** Runs one query with {@code params} bound in order and maps every row. */
    public static <T> List<T> query(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement s = bind(c.prepareStatement(sql), params); ResultSet r = s.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(row.map(r));
            }
            return rows;
        }
    }

    private static PreparedStatement bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }

    /** {@link #update(Connection, String, Object...)} for the host's own tables, failures named after {@code who}. */
    public int update(String who, String sql, Object... params) {
        return use(who, c -> update(c, sql, params));
    }

    /**
     * {@link #update(String, String, Object...)} without waiting for the disk: it survives the process dying,
     * not a power loss, and the next commit makes it durable too.
     */
    public int updateUnsynced(String who, String sql, Object... params) {
        return use(who, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA synchronous=NORMAL");
                try {
                    return update(c, sql, params);
                } finally {
                    s.execute("PRAGMA synchronous=FULL");
                }
            }
        });
    }

    /** {@link #query(Connection, String, Row, Object...)} for the host's own tables, failures named after {@code who}. */
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
    public <T> T inSharedTransaction(String who, Work<T> work) {
        if (lock.isHeldByCurrentThread()) { // called from inside this thread's own transaction: part of that one
            return use(who, work);
        }
        Shared<T> mine = new Shared<>(work);
        sharing.add(mine);
        lock.lock();
        try {
            if (!mine.done) {
                commitShared();
            }
        } finally {
            lock.unlock();
        }
        if (mine.failure != null) {
            throw new StorageException(who + " failed: " + mine.failure.getMessage(), mine.failure);
        }
        if (mine.runtimeFailure != null) {
            throw mine.runtimeFailure;
        }
        return mine.result;
    }

    // Under the lock: everything waiting to share, in one transaction; the callers find their outcome when they get the lock.
    private void commitShared() {
        List<Shared<?>> batch = new ArrayList<>();
        for (Shared<?> next = sharing.poll(); next != null; next = sharing.poll()) {
            batch.add(next);
        }
        try {
            if (connection == null) {
                throw new SQLException("the database " + file + " is closed");
            }
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                for (Shared<?> part : batch) {
                    s.execute("SAVEPOINT part");
                    try {
                        part.run(connection);
                    } catch (SQLException e) {
                        part.failure = e;
                        s.execute("ROLLBACK TO part");
                    } catch (RuntimeException e) {
                        part.runtimeFailure = e;
                        s.execute("ROLLBACK TO part");
                    }
                    s.execute("RELEASE part");
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                batch.forEach(part -> part.failure = part.failure != null ? part.failure : e);
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            batch.forEach(part -> part.failure = part.failure != null ? part.failure : e);
        } finally {
            batch.forEach(Shared::finish);
        }
    }

    /**
     * Commits what is queued for the shared transaction now, so that a write made after this reaches the disk after
     * them: a plugin's store write never lands before a message it sent earlier (a reminder deleted, its message not
     * yet in the outbox).
     */
    public void commitQueued() {
        if (sharing.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            if (!sharing.isEmpty() && connection != null && connection.getAutoCommit()) {
                commitShared();
            }
        } catch (SQLException e) {
            throw new StorageException("Committing queued writes to " + file + " failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues {@code work} for the next shared transaction and returns at once; the stage completes once it is on
     * disk. For writes whose loss in a crash only repeats work (a message handled again, a reply sent again): they
     * take no fsync of their own and hold up no caller. Later shared writes commit with or after it, never before,
     * and the stages complete in the order the works were queued, on the committing thread with the connection
     * held: what depends on them must be quick and must not wait for anything.
     */
    public <T> CompletableFuture<T> commitSoon(String who, Work<T> work) {
        CompletableFuture<T> committed = new CompletableFuture<>();
        sharing.add(new Shared<>(work, who, committed));
        if (commitInBackground && commitQueued.compareAndSet(false, true)) {
            try {
                committer().execute(() -> {
                    commitQueued.set(false);
                    lock.lock();
                    try {
                        if (!sharing.isEmpty()) {
                            commitShared();
                        }
                    } finally {
                        lock.unlock();
                    }
                });
            } catch (RejectedExecutionException closed) {
                commitQueued.set(false); // closing: close() commits what is left
            }
        }
        return committed;
    }

    private synchronized ExecutorService committer() {
        if (committer == null) {
            throw new RejectedExecutionException("the database " + file + " is not open");
        }
        return committer;
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none. */
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
        ExecutorService pending;
        synchronized (this) {
            pending = committer;
            committer = null;
        }
        if (pending != null) {
            pending.shutdown();
        }
        lock.lock();
        try {
            if (!sharing.isEmpty()) {
                commitShared(); // what was queued to commit soon is committed now
            }
            if (connection != null) {
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
