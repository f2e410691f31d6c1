package dev.blacksky.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blacksky.api.storage.StorageException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit: writes of the moment share one transaction, each still all-or-nothing and in order. */
class SharedTransactionTest {

    @TempDir
    Path data;

    private SqliteDatabase database;

    @BeforeEach
    void open() {
        database = new SqliteDatabase(data.resolve("storage.db"));
        database.open();
        database.update("test", "CREATE TABLE t (n INTEGER PRIMARY KEY)");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private List<Long> rows() {
        return database.query("test", "SELECT n FROM t ORDER BY n", r -> r.getLong(1));
    }

    private static SqliteDatabase.Work<Integer> insert(long n) {
        return c -> SqliteDatabase.update(c, "INSERT INTO t (n) VALUES (?)", n);
    }

    @Test
    void concurrent_callers_all_commit_and_a_failing_one_is_rolled_back_alone() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 1; i <= 200; i++) {
                long n = i;
                done.add(callers.submit(() -> database.inSharedTransaction("test", insert(n))));
            }
            Future<Integer> duplicate = callers.submit(() -> database.inSharedTransaction("test", insert(7)));
            for (Future<Integer> f : done) {
                assertThat(f.get()).isEqualTo(1);
            }
            assertThatThrownBy(duplicate::get).hasCauseInstanceOf(StorageException.class)
                    .hasMessageContaining("UNIQUE");
        } finally {
            callers.shutdown();
        }
        assertThat(rows()).hasSize(200);
    }

    @Test
    void writes_queued_to_commit_soon_complete_in_order_and_are_committed_by_close() throws Exception {
        List<Long> completed = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> heard = new ArrayList<>();
        for (long n = 1; n <= 50; n++) {
            long seen = n;
            // what the caller chains runs once the write is committed; wait for those, not only the writes
            heard.add(database.commitSoon("test", insert(n)).thenRun(() -> completed.add(seen)));
        }
        CompletableFuture.allOf(heard.toArray(CompletableFuture[]::new)).join();
        assertThat(completed).isSorted().hasSize(50);
        assertThat(rows()).hasSize(50);

        CompletableFuture<Integer> failing = database.commitSoon("test", insert(1)); // already there
        assertThatThrownBy(failing::join).hasCauseInstanceOf(SQLException.class);

        database.commitSoon("test", insert(99));
        database.close(); // queued, not yet committed: close commits it
        database = new SqliteDatabase(data.resolve("storage.db"));
        database.open();
        assertThat(rows()).contains(99L);
    }

    @Test
    void a_store_write_lands_after_the_sends_queued_before_it() {
        database.close();
        database = new SqliteDatabase(data.resolve("storage.db"), false); // nothing commits in the background
        database.open();
        PluginStore store = new PluginStore("p", database, 65_536, Clock.systemUTC());
        // Stands in for an outbox row: queued, committed with the next shared transaction.
        CompletableFuture<Integer> send = database.commitSoon("test", insert(1));
        store.put("reminder", "done"); // a crash after this must not find the reminder gone and the send missing
        assertThat(send).isDone();
        assertThat(rows()).containsExactly(1L);
    }
}
