package dev.blacksky.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blacksky.api.storage.StorageException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statements kept prepared behave as fresh ones, and the fsync setting is always back for durable writes. */
class PreparedStatementsTest {

    @TempDir
    Path data;

    private SqliteDatabase database;

    @BeforeEach
    void open() {
        database = new SqliteDatabase(data.resolve("storage.db"));
        database.open();
        database.update("test", "CREATE TABLE t (n INTEGER PRIMARY KEY, s TEXT)");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void a_reused_statement_binds_each_calls_own_values() {
        for (int n = 1; n <= 3; n++) {
            database.update("test", "INSERT INTO t (n, s) VALUES (?, ?)", n, "v" + n);
        }
        assertThat(database.query("test", "SELECT s FROM t WHERE n = ?", r -> r.getString(1), 2)).containsExactly("v2");
        assertThat(database.query("test", "SELECT s FROM t WHERE n = ?", r -> r.getString(1), 3)).containsExactly("v3");
    }

    @Test
    void a_statement_that_failed_is_prepared_again_and_works() {
        database.update("test", "INSERT INTO t (n, s) VALUES (?, ?)", 1, "a");
        assertThatThrownBy(() -> database.update("test", "INSERT INTO t (n, s) VALUES (?, ?)", 1, "again"))
                .isInstanceOf(StorageException.class).hasMessageContaining("UNIQUE");
        database.update("test", "INSERT INTO t (n, s) VALUES (?, ?)", 2, "b");
        assertThat(database.query("test", "SELECT count(*) FROM t", r -> r.getInt(1))).containsExactly(2);
    }

    @Test
    void a_kept_query_sees_a_column_added_after_it_was_prepared() {
        database.update("test", "INSERT INTO t (n, s) VALUES (1, 'a')");
        assertThat(database.query("test", "SELECT * FROM t", r -> r.getMetaData().getColumnCount())).containsExactly(2);
        database.update("test", "ALTER TABLE t ADD COLUMN extra TEXT");
        assertThat(database.query("test", "SELECT * FROM t", r -> r.getMetaData().getColumnCount())).containsExactly(3);
    }

    @Test
    void pragmas_are_refused_since_a_kept_one_would_do_nothing_the_second_time() {
        assertThatThrownBy(() -> database.update("test", " pragma synchronous=OFF"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Pragmas");
    }

    @Test
    void every_durable_use_after_an_unsynced_write_runs_with_full_fsync() throws Exception {
        database.updateUnsynced("test", "INSERT INTO t (n, s) VALUES (1, 'a')");
        assertThat(synchronous()).isEqualTo(2); // FULL
        database.updateUnsynced("test", "INSERT INTO t (n, s) VALUES (2, 'b')");
        int shared = database.inSharedTransaction("test", PreparedStatementsTest::pragmaSynchronous);
        assertThat(shared).isEqualTo(2);
        database.updateUnsynced("test", "INSERT INTO t (n, s) VALUES (3, 'c')");
        int soon = database.commitSoon("test", PreparedStatementsTest::pragmaSynchronous).get(5, TimeUnit.SECONDS);
        assertThat(soon).isEqualTo(2);
    }

    private int synchronous() throws Exception {
        return database.with(PreparedStatementsTest::pragmaSynchronous);
    }

    private static int pragmaSynchronous(java.sql.Connection c) throws java.sql.SQLException {
        try (var s = c.createStatement(); var r = s.executeQuery("PRAGMA synchronous")) {
            r.next();
            return r.getInt(1);
        }
    }
}
