package dev.blacksky.core.storage;

import dev.blacksky.api.storage.KeyValueStore;
import dev.blacksky.api.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** One plugin's namespace in the database; closed when the plugin stops, the data stays. */
public final class PluginStore implements KeyValueStore, AutoCloseable {

    private static final int MAX_KEY_LENGTH = 256;
    private static final int MAX_UPDATE_ATTEMPTS = 100;

    private final String namespace;
    private final SqliteDatabase database;
    private final long maxValueBytes;
    private final Clock clock;
    private volatile boolean closed;

    PluginStore(String namespace, SqliteDatabase database, long maxValueBytes, Clock clock) {
        this.namespace = namespace;
        this.database = database;
        this.maxValueBytes = maxValueBytes;
        this.clock = clock;
    }

    @Override
    public Optional<String> get(String key) {
        checkKey(key);
        return call("read '" + key + "'", () -> database.with(c -> read(c, key)));
    }

    @Override
    public void put(String key, String value) {
        checkKey(key);
        checkValue(key, value);
        call("write '" + key + "'", () -> once(key, c -> {
            write(c, key, value);
            return null;
        }));
    }

    @Override
    public boolean delete(String key) {
        checkKey(key);
        return Boolean.parseBoolean(call("delete '" + key + "'", () -> once(key, c -> String.valueOf(remove(c, key)))));
    }

    // A write, once: inside a journaled call it is recorded in its ledger in the same transaction, and a call run
    // again after a crash gets the recorded result instead of writing again. Elsewhere, just the write.
    private String once(String key, SqliteDatabase.Work<String> write) throws SQLException {
        database.commitQueued(); // the plugin's earlier sends reach the disk first
        WriteLedger.Call ledger = WriteLedger.current();
        if (ledger == null) {
            return database.with(write);
        }
        return database.inTransaction(c -> {
            WriteLedger.Call.Replayed done = ledger.replay(c, namespace, key);
            if (done != null) {
                return done.result();
            }
            String result = write.run(c);
            ledger.record(c, namespace, key, result);
            return result;
        });
    }

    // Optimistic: the plugin's function runs with no lock held (it may be slow, or send a message, which
    // writes to the outbox in this same database); the write then applies only if the value is unchanged.
    @Override
    public String update(String key, Function<Optional<String>, String> change) {
        checkKey(key);
        Objects.requireNonNull(change, "change");
        WriteLedger.Call ledger = WriteLedger.current();
        if (ledger != null) {
            WriteLedger.Call.Replayed done = call("update '" + key + "'", () -> database.with(c -> ledger.replay(c, namespace, key)));
            if (done != null) {
                return done.result();
            }
        }
        for (int attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
            Optional<String> seen = get(key);
            String next = change.apply(seen);
            if (next != null) {
                checkValue(key, next);
            }
            database.commitQueued(); // the plugin's earlier sends reach the disk first
            boolean applied = call("update '" + key + "'", () -> database.inTransaction(c -> {
                if (!read(c, key).equals(seen)) {
                    return false; // changed meanwhile: run the function again on the new value
                }
                if (next == null) {
                    remove(c, key);
                } else {
                    write(c, key, next);
                }
                if (ledger != null) {
                    ledger.record(c, namespace, key, next);
                }
                return true;
            }));
            if (applied) {
                return next;
            }
        }
        throw new StorageException("Plugin '" + namespace + "': '" + key + "' kept changing while it was being"
                + " updated (" + MAX_UPDATE_ATTEMPTS + " attempts); nothing was written");
    }

    @Override
    public Map<String, String> entries(String keyPrefix) {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        return call("list '" + keyPrefix + "*'", () -> database.with(c -> {
            Map<String, String> entries = new LinkedHashMap<>();
            // SQLite's length counts characters, as substr does; Java's counts UTF-16 units
            SqliteDatabase.query(c, "SELECT key, value FROM plugin_kv WHERE namespace = ? AND key >= ?"
                            + " AND substr(key, 1, length(?)) = ? ORDER BY key",
                    r -> entries.put(r.getString(1), r.getString(2)), namespace, keyPrefix, keyPrefix, keyPrefix);
            return Collections.unmodifiableMap(entries);
        }));
    }

    private Optional<String> read(Connection c, String key) throws SQLException {
        return SqliteDatabase.query(c, "SELECT value FROM plugin_kv WHERE namespace = ? AND key = ?", r -> r.getString(1),
                namespace, key).stream().findFirst();
    }

    private void write(Connection c, String key, String value) throws SQLException {
        SqliteDatabase.update(c, """
                INSERT INTO plugin_kv (namespace, key, value, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at""",
                namespace, key, value, clock.millis());
    }

    private boolean remove(Connection c, String key) throws SQLException {
        return SqliteDatabase.update(c, "DELETE FROM plugin_kv WHERE namespace = ? AND key = ?", namespace, key) > 0;
    }

    private void checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new StorageException("Plugin '" + namespace + "': a key must be 1 to " + MAX_KEY_LENGTH
                    + " characters, got " + (key == null ? "null" : key.length() + " characters"));
        }
    }

    private void checkValue(String key, String value) {
        Objects.requireNonNull(value, "value");
        long size = value.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxValueBytes) {
            throw new StorageException("Plugin '" + namespace + "': the value for '" + key + "' is " + size
                    + " bytes, over the limit of " + maxValueBytes + " (blacksky.storage.max-value-size); nothing was written");
        }
    }

    private <T> T call(String what, SqlCall<T> body) {
        if (closed) {
            throw new StorageException("Plugin '" + namespace + "': cannot " + what + ", the store is closed because the"
                    + " plugin stopped. Do not keep using it from threads of your own after stop.");
        }
        try {
            return body.run();
        } catch (SQLException e) {
            throw new StorageException("Plugin '" + namespace + "': cannot " + what + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T run() throws SQLException;
    }

    /** Refuses every further call; the data stays in the database for the next start or reload. */
    @Override
    public void close() {
        closed = true;
    }
}
