package dev.blacksky.core.storage;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Makes a journaled command's store writes happen once though a crash runs it again: each write's result is
 * recorded in the write's own transaction and handed back, not redone, by the next run.
 */
public final class WriteLedger {

    private static final ThreadLocal<Call> current = new ThreadLocal<>();

    private WriteLedger() {
    }

    /** One call's place in its ledger: which call (a message's key and what runs it), and how many writes so far. */
    static final class Call {
        private final String key;
        private int writes;
        private int sends;

        private Call(String key) {
            this.key = key;
        }

        /** A write made before, by an earlier run of the call, and its result (which may be null). */
        record Replayed(String result) {
        }

        /** This call's next write as an earlier run made it, or null if it was not made yet. */
        Replayed replay(Connection c, String namespace, String storeKey) throws SQLException {
            writes++;
            return SqliteDatabase.query(c, "SELECT result FROM plugin_writes WHERE call = ? AND seq = ? AND namespace = ?"
                    + " AND key = ?", r -> new Replayed(r.getString(1)), key, writes, namespace, storeKey)
                    .stream().findFirst().orElse(null);
        }

        /** Records this write's result, in the caller's transaction. */
        void record(Connection c, String namespace, String storeKey, String result) throws SQLException {
            SqliteDatabase.update(c, "INSERT OR REPLACE INTO plugin_writes (call, seq, namespace, key, result)"
                    + " VALUES (?, ?, ?, ?, ?)", key, writes, namespace, storeKey, result);
        }
    }

    /** Runs {@code body} with the current thread's store writes recorded under {@code callKey}. */
    public static <T, E extends Exception> T during(String callKey, Body<T, E> body) throws E {
        Call previous = current.get();
        current.set(new Call(callKey));
        try {
            return body.run();
        } finally {
            if (previous == null) {
                current.remove();
            } else {
                current.set(previous);
            }
        }
    }

    /** Code whose writes are recorded. */
    @FunctionalInterface
    public interface Body<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * A key for the current thread's next send, the same in every run of the call (the n-th send of this call), or
     * null outside a journaled call: a message id derived from it makes a run again after a crash send the same
     * message, not a second one.
     */
    public static String nextSendKey() {
        Call call = current.get();
        return call == null ? null : call.key + '\u0002' + "send" + ++call.sends;
    }

    /** The call the current thread's writes belong to, if any. */
    static Call current() {
        return current.get();
    }

    static void createTable(Connection c) throws SQLException {
        SqliteDatabase.update(c, """
                CREATE TABLE IF NOT EXISTS plugin_writes (
                  call TEXT NOT NULL, seq INTEGER NOT NULL, namespace TEXT NOT NULL, key TEXT NOT NULL, result TEXT,
                  PRIMARY KEY (call, seq)
                ) WITHOUT ROWID""");
    }

    /** Forgets the writes of every call of the message whose key starts the call keys: it is handled for good. */
    public static void forget(Connection c, String messageKey) throws SQLException {
        SqliteDatabase.update(c, "DELETE FROM plugin_writes WHERE call >= ? AND call < ?", messageKey + '\u0000',
                messageKey + '\u0001');
    }
}
