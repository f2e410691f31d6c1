package dev.blacksky.core.storage;

import dev.blacksky.api.storage.StorageException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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

/**
 * The database's shared transactions (see {@link SqliteDatabase#inSharedTransaction}): writes queue up, and whoever
 * holds the connection's lock next commits all of them at once, each in a savepoint of its own.
 */
final class GroupCommit {

    private final Path file;
    private final ReentrantLock lock;
    private final ConnectionSource connection;

    /** The connection, ready for durable commits, or null when closed; called with the lock held. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection get() throws SQLException;
    }
    private final boolean background;
    private final ConcurrentLinkedQueue<Part<?>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean commitScheduled = new AtomicBoolean();
    private ExecutorService committer; // commits what no caller waits for; made in start()

    // One caller's part: written by whichever thread commits it, read by its own caller after that.
    private static final class Part<T> {
        final SqliteDatabase.Work<T> work;
        final String who;
        final CompletableFuture<T> committed; // only for a part no caller waits for
        T result;
        SQLException failure;
        RuntimeException runtimeFailure;
        boolean done; // guarded by the lock

        Part(SqliteDatabase.Work<T> work, String who, CompletableFuture<T> committed) {
            this.work = work;
            this.who = who;
            this.committed = committed;
        }

        void run(Connection c) throws SQLException {
            result = work.run(c);
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
    }

    /** @param background false (for tests): what is queued to commit soon waits for the next commit anyone makes */
    GroupCommit(Path file, ReentrantLock lock, ConnectionSource connection, boolean background) {
        this.file = file;
        this.lock = lock;
        this.connection = connection;
        this.background = background;
    }

    /** Makes the committer, on the caller's (the host's) thread. */
    synchronized void start() {
        if (committer == null) {
            ThreadFactory threads = Thread.ofPlatform().name("db-commit").daemon().factory();
            committer = Executors.newSingleThreadExecutor(task -> {
                Thread thread = threads.newThread(task); // started by whichever thread commits first: maybe a plugin's
                thread.setContextClassLoader(GroupCommit.class.getClassLoader());
                return thread;
            });
        }
    }

    /** Stops the committer; {@link #commitPending()} then commits what is left. */
    synchronized void stop() {
        if (committer != null) {
            committer.shutdown();
            committer = null;
        }
    }

    <T> T join(String who, SqliteDatabase.Work<T> work, SqliteDatabase database) {
        if (lock.isHeldByCurrentThread()) { // called from inside this thread's own transaction: part of that one
            return database.use(who, work);
        }
        Part<T> mine = new Part<>(work, who, null);
        queue.add(mine);
        lock.lock();
        try {
            if (!mine.done) {
                commitPending();
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

    <T> CompletableFuture<T> soon(String who, SqliteDatabase.Work<T> work) {
        CompletableFuture<T> committed = new CompletableFuture<>();
        queue.add(new Part<>(work, who, committed));
        if (background && commitScheduled.compareAndSet(false, true)) {
            try {
                committer().execute(() -> {
                    commitScheduled.set(false);
                    lock.lock();
                    try {
                        commitPending();
                    } finally {
                        lock.unlock();
                    }
                });
            } catch (RejectedExecutionException closed) {
                commitScheduled.set(false); // closing: the close commits what is left
            }
        }
        return committed;
    }

    void commitQueued() {
        if (queue.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            Connection c = connection.get();
            if (c != null && c.getAutoCommit()) {
                commitPending();
            }
        } catch (SQLException e) {
            throw new StorageException("Committing queued writes to " + file + " failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private synchronized ExecutorService committer() {
        if (committer == null) {
            throw new RejectedExecutionException("the database " + file + " is not open");
        }
        return committer;
    }

    /** Under the lock: everything queued, in one transaction; callers find their outcome once they get the lock. */
    void commitPending() {
        List<Part<?>> batch = new ArrayList<>();
        for (Part<?> next = queue.poll(); next != null; next = queue.poll()) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            Connection c = connection.get();
            if (c == null) {
                throw new SQLException("the database " + file + " is closed");
            }
            c.setAutoCommit(false);
            try {
                for (Part<?> part : batch) {
                    SqliteDatabase.update(c, "SAVEPOINT part");
                    try {
                        part.run(c);
                    } catch (SQLException e) {
                        part.failure = e;
                        SqliteDatabase.update(c, "ROLLBACK TO part");
                    } catch (RuntimeException e) {
                        part.runtimeFailure = e;
                        SqliteDatabase.update(c, "ROLLBACK TO part");
                    }
                    SqliteDatabase.update(c, "RELEASE part");
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                batch.forEach(part -> part.failure = part.failure != null ? part.failure : e);
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            batch.forEach(part -> part.failure = part.failure != null ? part.failure : e);
        } finally {
            batch.forEach(Part::finish);
        }
    }
}
