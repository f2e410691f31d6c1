package dev.blacksky.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.blacksky.core.TestHost;
import dev.blacksky.core.plugin.TestPluginJar;
import dev.blacksky.core.plugin.fixtures.Versions;
import dev.blacksky.core.storage.SqliteDatabase;
import dev.blacksky.core.transport.Inbound;
import dev.blacksky.core.transport.simulated.SentMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournaledIntakeTest {

    @TempDir
    Path folder;

    @BeforeEach
    void plugin() {
        TestPluginJar.plugin(folder.resolve("plugins"), "versioned").extension(Versions.One.class).write();
    }

    private static long answers(TestHost bot, String text) {
        return bot.transport.sent().stream().map(SentMessage::text).filter(text::equals).count();
    }

    @Test
    void a_redelivered_message_is_handled_once_also_after_a_restart() {
        Inbound message = TestHost.privateMessage("alice", "!ver once");
        try (TestHost bot = TestHost.startJournaled(folder, "")) {
            bot.transport.deliver(message);
            await().atMost(Duration.ofSeconds(5)).until(() -> answers(bot, "v1 once") == 1);
            bot.transport.deliver(message);
            bot.transport.deliver(TestHost.privateMessage("alice", "!ver marker"));
            await().atMost(Duration.ofSeconds(5)).until(() -> answers(bot, "v1 marker") == 1);
            assertThat(answers(bot, "v1 once")).isEqualTo(1);
        }
        try (TestHost bot = TestHost.startJournaled(folder, "")) {
            bot.transport.deliver(message);
            bot.transport.deliver(TestHost.privateMessage("alice", "!ver marker 2"));
            await().atMost(Duration.ofSeconds(5)).until(() -> answers(bot, "v1 marker 2") == 1);
            assertThat(answers(bot, "v1 once")).isZero();
        }
    }

    @Test
    void a_message_a_crash_interrupted_is_handled_at_the_next_start_and_only_then() {
        SqliteDatabase database = new SqliteDatabase(folder.resolve("data/storage.db"));
        database.open();
        InboundJournal journal = new InboundJournal(database, new JournalSettings(Duration.ofDays(7), 1000));
        journal.open();
        assertThat(journal.record(TestHost.privateMessage("alice", "!ver interrupted"), Instant.now())).isTrue();
        database.close();
        try (TestHost bot = TestHost.startJournaled(folder, "")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> answers(bot, "v1 interrupted") == 1);
        }
        try (TestHost bot = TestHost.startJournaled(folder, "")) {
            bot.transport.deliver(TestHost.privateMessage("alice", "!ver marker"));
            await().atMost(Duration.ofSeconds(5)).until(() -> answers(bot, "v1 marker") == 1);
            assertThat(answers(bot, "v1 interrupted")).isZero();
        }
    }

    @Test
    void handled_rows_are_pruned_after_their_time_and_beyond_the_bound() {
        SqliteDatabase database = new SqliteDatabase(folder.resolve("data/storage.db"));
        database.open();
        InboundJournal journal = new InboundJournal(database, new JournalSettings(Duration.ofDays(7), 3));
        journal.open();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 6; i++) {
            Inbound inbound = TestHost.privateMessage("alice", "m" + i);
            journal.record(inbound, start.plus(Duration.ofDays(i)));
            if (i != 5) {
                journal.done(inbound.message());
            }
        }
        assertThat(journal.prune(start.plus(Duration.ofDays(8)))).isEqualTo(3); // 1 too old, then 2 beyond the bound
        assertThat(journal.size()).isEqualTo(3);
        assertThat(journal.unfinished()).singleElement().satisfies(u -> assertThat(u.message().text()).isEqualTo("m5"));
        database.close();
    }
}
