package dev.blacksky.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.blacksky.core.TestHost;
import dev.blacksky.core.inbound.InboundJournal;
import dev.blacksky.core.inbound.JournalSettings;
import dev.blacksky.core.storage.SqliteDatabase;
import dev.blacksky.core.transport.Inbound;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clustered account's journal and outbox in PostgreSQL, fenced by the lease epoch, against a real PostgreSQL. */
class FencedAccountDatabaseTest {

    private static PostgresServer pg;
    private static String url;
    private static int round;

    @TempDir
    Path tmp;

    private ClusterDatabase nodeA;
    private ClusterDatabase nodeB;
    private SqliteDatabase ledger;
    private String account;

    @BeforeAll
    static void server() throws Exception {
        pg = PostgresServer.shared();
        url = pg.newDatabase();
    }

    @BeforeEach
    void open() throws Exception {
        nodeA = ClusterDatabase.open(ClusterFixture.settings(url, "node-a"));
        nodeB = ClusterDatabase.open(ClusterFixture.settings(url, "node-b"));
        ledger = new SqliteDatabase(tmp.resolve("ledger.db"));
        ledger.open();
        account = "fenced-" + ++round;
        new LeaseStore(nodeA).register(List.of(account));
    }

    @AfterEach
    void close() {
        ledger.close();
        nodeA.close();
        nodeB.close();
    }

    private InboundJournal journal(FencedAccountDatabase data) {
        InboundJournal journal = new InboundJournal(() -> data, ledger,
                new JournalSettings(account, Duration.ofDays(7), 1000, 3, 100));
        journal.open();
        return journal;
    }

    // Node A held the account until its short lease ran out; node B took it (the epoch raised).
    private Lease takenOver(Lease old) throws Exception {
        LeaseStore b = new LeaseStore(nodeB);
        await().atMost(Duration.ofSeconds(5)).until(() -> b.leases().stream()
                .anyMatch(r -> r.account().equals(account) && !r.live()));
        Lease lease = b.acquire(account, Duration.ofMinutes(1)).orElseThrow();
        assertThat(lease.epoch()).isGreaterThan(old.epoch());
        return lease;
    }

    @Test
    void the_new_owner_handles_what_the_old_one_journaled_and_the_old_ones_late_completion_is_refused() throws Exception {
        Lease old = new LeaseStore(nodeA).acquire(account, Duration.ofMillis(300)).orElseThrow();
        List<String> staleA = new CopyOnWriteArrayList<>();
        FencedAccountDatabase dataA = new FencedAccountDatabase(nodeA, old, staleA::add);
        InboundJournal a = journal(dataA);
        Inbound message = TestHost.privateMessage("alice", "!ping");
        assertThat(a.record(message, Instant.now())).isPositive();

        Lease lease = takenOver(old);
        List<String> staleB = new CopyOnWriteArrayList<>();
        InboundJournal b = journal(new FencedAccountDatabase(nodeB, lease, staleB::add));
        assertThat(b.unfinished(message.message().chat().id(), 0, 10)).singleElement()
                .satisfies(u -> assertThat(u.inbound().message().id()).isEqualTo(message.message().id()));

        assertThatThrownBy(() -> a.done(message.message()).join()).hasCauseInstanceOf(StaleEpochException.class)
                .hasMessageContaining("stale epoch " + old.epoch())
                .hasMessageContaining("the lease is at epoch " + lease.epoch());
        assertThat(staleA).singleElement().asString().contains("account '" + account + "'");
        assertThatThrownBy(() -> a.record(TestHost.privateMessage("alice", "late"), Instant.now()))
                .hasMessageContaining("stale epoch " + old.epoch());

        b.done(message.message()).join();
        assertThat(b.unfinished(message.message().chat().id(), 0, 10)).isEmpty();
        assertThat(staleB).isEmpty();
        dataA.close();
    }

    @Test
    void a_stale_owner_can_neither_add_to_nor_empty_the_outbox_the_new_owner_sends_from() throws Exception {
        Lease old = new LeaseStore(nodeA).acquire(account, Duration.ofMillis(300)).orElseThrow();
        FencedAccountDatabase dataA = new FencedAccountDatabase(nodeA, old, why -> { });
        String insert = "INSERT INTO outbound_messages (account, id, chat, text, plugin, reply, not_before)"
                + " VALUES (?, ?, 'alice', 'pong', 'basics', 1, 0)";
        dataA.update("The outbox", insert, account, "3EB0" + account + "-1");

        Lease lease = takenOver(old);
        assertThatThrownBy(() -> dataA.update("The outbox", "DELETE FROM outbound_messages WHERE account = ?", account))
                .isInstanceOf(StaleEpochException.class).hasMessageContaining("stale epoch " + old.epoch());
        assertThatThrownBy(() -> dataA.update("The outbox", insert, account, "3EB0" + account + "-2"))
                .isInstanceOf(StaleEpochException.class);

        FencedAccountDatabase dataB = new FencedAccountDatabase(nodeB, lease, why -> { });
        assertThat(dataB.query("The outbox", "SELECT id, epoch FROM outbound_messages WHERE account = ?",
                r -> r.getString(1) + "@" + r.getLong(2), account)).containsExactly("3EB0" + account + "-1@" + old.epoch());
        assertThat(dataB.update("The outbox", "DELETE FROM outbound_messages WHERE account = ?", account)).isEqualTo(1);
        dataA.close();
        dataB.close();
    }

    @Test
    void a_node_frozen_inside_a_write_does_not_keep_the_others_from_taking_its_account_over() throws Exception {
        Lease old = new LeaseStore(nodeA).acquire(account, Duration.ofMillis(300)).orElseThrow();
        var frozen = nodeA.dataConnection(); // a write begun, then nothing: the process was stopped
        try {
            frozen.setAutoCommit(false);
            try (var s = frozen.prepareStatement("SELECT set_config('blacksky.epoch', ?, true)")) {
                s.setString(1, String.valueOf(old.epoch()));
                s.executeQuery().close();
            }
            try (var s = frozen.createStatement()) {
                s.executeUpdate("INSERT INTO outbound_messages (account, id, chat, text, plugin, reply, not_before)"
                        + " VALUES ('" + account + "', 'frozen-" + account + "', 'c', 't', 'p', 1, 0)");
            }
            LeaseStore b = new LeaseStore(nodeB);
            Lease taken = await().atMost(Duration.ofSeconds(10)).until(() -> {
                try {
                    return b.acquire(account, Duration.ofMinutes(1)).orElse(null);
                } catch (java.sql.SQLException waitedTooLong) {
                    return null; // the statement timed out behind the frozen write: again
                }
            }, java.util.Objects::nonNull);
            assertThat(taken.epoch()).isGreaterThan(old.epoch());
        } finally {
            try {
                frozen.close();
            } catch (java.sql.SQLException ended) {
                // the server ended its session: that is what let the other node in
            }
        }
    }

    @Test
    void a_write_that_names_no_epoch_is_refused_by_the_database() throws Exception {
        new LeaseStore(nodeA).acquire(account, Duration.ofMinutes(1)).orElseThrow();
        try (var c = nodeA.dataConnection(); var s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO outbound_messages (account, id, chat, text, plugin,"
                    + " reply, not_before) VALUES ('" + account + "', 'x-" + account + "', 'c', 't', 'p', 1, 0)"))
                    .hasMessageContaining("stale epoch none");
        }
    }
}
