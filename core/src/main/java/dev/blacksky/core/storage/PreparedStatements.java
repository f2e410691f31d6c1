package dev.blacksky.core.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Each connection's statements, prepared once and reused: SQLite compiles a statement on every prepare, which was
 * a large share of the durable path's CPU. Used with the connection held, as every statement is. A change of
 * schema is no reason to forget them: SQLite recompiles a prepared statement whose tables changed.
 */
public final class PreparedStatements {

    private static final int CAPACITY = 256; // the host has a few dozen statements; plugins' stores reuse theirs
    private static final Map<Connection, PreparedStatements> BY_CONNECTION = Collections.synchronizedMap(new WeakHashMap<>());

    private final Connection connection;
    private final Map<String, PreparedStatement> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= CAPACITY) {
                return false;
            }
            closeQuietly(eldest.getValue());
            return true;
        }
    };

    private PreparedStatements(Connection connection) {
        this.connection = connection;
    }

    static PreparedStatements of(Connection c) {
        return BY_CONNECTION.computeIfAbsent(c, PreparedStatements::new);
    }

    /** Closes and forgets the connection's statements; for closing the connection, or giving it back to a pool. */
    public static void forget(Connection c) {
        PreparedStatements statements = BY_CONNECTION.remove(c);
        if (statements != null) {
            statements.cache.values().forEach(PreparedStatements::closeQuietly);
            statements.cache.clear();
        }
    }

    int update(String sql, Object... params) throws SQLException {
        PreparedStatement s = bound(sql, params);
        try {
            return s.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            discard(sql, s); // a statement that failed is not trusted again
            throw e;
        }
    }

    <T> List<T> query(String sql, SqliteDatabase.Row<T> row, Object... params) throws SQLException {
        PreparedStatement s = bound(sql, params);
        try (ResultSet r = s.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(row.map(r));
            }
            return rows;
        } catch (SQLException | RuntimeException e) {
            discard(sql, s);
            throw e;
        }
    }

    private PreparedStatement bound(String sql, Object... params) throws SQLException {
        PreparedStatement s = cache.get(sql);
        if (s == null || s.isClosed()) {
            if (sql.stripLeading().regionMatches(true, 0, "PRAGMA", 0, 6)) {
                // A pragma acts while it is prepared, not when it runs: kept, it would do nothing the second time.
                throw new IllegalArgumentException("Pragmas are not run as prepared statements: " + sql);
            }
            s = connection.prepareStatement(sql);
            cache.put(sql, s);
        } else {
            s.clearParameters();
        }
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }

    private void discard(String sql, PreparedStatement s) {
        cache.remove(sql, s);
        closeQuietly(s);
    }

    private static void closeQuietly(PreparedStatement s) {
        try {
            s.close();
        } catch (SQLException ignored) {
            // closing is all that is left to do with it
        }
    }
}
