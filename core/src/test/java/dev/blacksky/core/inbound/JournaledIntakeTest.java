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
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournaledIntakeTest {

    private static final dev.blacksky.api.message.ChatId ALICE = dev.blacksky.api.message.ChatId.of("alice");

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
        InboundJournal journal = new InboundJournal(database, new JournalSettings("default", Duration.ofDays(7), 1000, 3, 100));
        journal.open();
        assertThat(journal.record(TestHost.privateMessage("alice", "!ver interrupted"), Instant.now())).isPositive();
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
    void a_backlog_bigger_than_a_chats_window_is_handled_from_the_journal_all_of_it_in_order() {
        SqliteDatabase database = database();
        InboundJournal journal = journal(database, "default");
        for (int i = 0; i < 10; i++) { // what a run left unfinished: five times the window
            journal.record(TestHost.privateMessage("alice", "!ver left " + i), Instant.now());
        }
        database.close();
        try (TestHost bot = TestHost.startJournaled(folder, "blacksky.inbound.journal.in-memory-per-chat = 2")) {
            for (int i = 0; i < 20; i++) { // and a flood on top, most of it waiting in the journal
                bot.transport.deliver(TestHost.privateMessage("alice", "!ver new " + i));
            }
            bot.transport.deliver(TestHost.privateMessage("bob", "!ver bob"));
            await().atMost(Duration.ofSeconds(10)).until(() -> answers(bot, "v1 new 19") == 1);
            List<String> alice = bot.transport.sent().stream().filter(m -> m.chat().value().equals("alice"))
                    .map(SentMessage::text).toList();
            List<String> expected = new java.util.ArrayList<>();
            IntStream.range(0, 10).forEach(i -> expected.add("v1 left " + i));
            IntStream.range(0, 20).forEach(i -> expected.add("v1 new " + i));
            assertThat(alice).containsExactlyElementsOf(expected);
            await().atMost(Duration.ofSeconds(5)).until(() -> answers(bot, "v1 bob") == 1);
        }
    }

    @Test
    void a_chat_whose_first_page_of_backlog_is_all_dead_letters_goes_on_with_the_rest() {
        SqliteDatabase database = database();
        InboundJournal journal = journal(database, "default");
        for (int i = 0; i < 4; i++) { // two pages of two, each tried too often
            Inbound poison = TestHost.privateMessage("alice", "!ver poison " + i);
            journal.record(poison, Instant.now());
            IntStream.range(0, 3).forEach(run -> journal.attempt(poison.message()));
        }
        journal.record(TestHost.privateMessage("alice", "!ver after"), Instant.now());
        database.close();
        try (TestHost bot = TestHost.startJournaled(folder, "blacksky.inbound.journal.in-memory-per-chat = 2")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> answers(bot, "v1 after") == 1);
            assertThat(bot.transport.sent()).noneMatch(m -> m.text().startsWith("v1 poison"));
        }
    }

    @Test
    void a_stop_handles_the_backlog_waiting_in_the_journal_within_its_drain_time() {
        TestHost bot = TestHost.startJournaled(folder, "blacksky.inbound.journal.in-memory-per-chat = 2");
        for (int i = 0; i < 30; i++) { // most of it is on disk when the stop begins
            bot.transport.deliver(TestHost.privateMessage("alice", "!ver flood " + i));
        }
        bot.close();
        assertThat(bot.transport.sent()).filteredOn(m -> m.text().startsWith("v1 flood ")).hasSize(30);
    }

    private InboundJournal journal(SqliteDatabase database, String account) {
        InboundJournal journal = new InboundJournal(database, new JournalSettings(account, Duration.ofDays(7), 1000, 3, 100));
        journal.open();
        return journal;
    }

    private SqliteDatabase database() {
        SqliteDatabase database = new SqliteDatabase(folder.resolve("data/storage.db"));
        database.open();
        return database;
    }

    @Test
    void a_message_that_was_being_handled_at_every_crash_is_dead_lettered_after_its_attempts_and_owners_are_told() {
        SqliteDatabase database = database();
        InboundJournal journal = journal(database, "default");
        Inbound poison = TestHost.privateMessage("alice", "!ver poison");
        Inbound almost = TestHost.privateMessage("bob", "!ver almost");
        journal.record(poison, Instant.now());
        for (int run = 0; run < 3; run++) {
            journal.attempt(poison.message()); // three runs ended while handling it
        }
        journal.record(almost, Instant.now());
        journal.attempt(almost.message());
        journal.attempt(almost.message()); // two
        database.close();
        try (TestHost bot = TestHost.startJournaled(folder, "blacksky.owners = [\"carol\"]")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> answers(bot, "v1 almost") == 1);
            assertThat(answers(bot, "v1 poison")).isZero();
            assertThat(bot.transport.sent()).anySatisfy(m -> {
                assertThat(m.chat().value()).isEqualTo("carol");
                assertThat(m.text()).contains("A message from alice in alice was being handled each of the 3 times")
                        .contains("\"!ver poison\"");
            });
        }
        try (TestHost bot = TestHost.startJournaled(folder, "")) { // set aside for good
            bot.transport.deliver(TestHost.privateMessage("alice", "!ver marker"));
            await().atMost(Duration.ofSeconds(5)).until(() -> answers(bot, "v1 marker") == 1);
            assertThat(answers(bot, "v1 poison")).isZero();
        }
    }

    @Test
    void messages_waiting_behind_one_that_never_finishes_are_not_counted_as_attempts_and_run_once_it_is_set_aside() {
        TestPluginJar.plugin(folder.resolve("plugins"), "jotter").extension(dev.blacksky.core.plugin.fixtures.Jot.class).write();
        String quick = "blacksky.owners = [\"carol\"]\nblacksky.dispatch.command-timeout = 1m\n"
                + "blacksky.shutdown.drain-timeout = 100ms\nblacksky.plugin-host.drain-timeout = 100ms";
        System.setProperty("jot.hang", "true");
        try {
            for (int run = 1; run <= 3; run++) { // each run ends while the jot hangs, with the other message queued
                try (TestHost bot = TestHost.startJournaled(folder, quick)) {
                    if (run == 1) {
                        bot.transport.deliver(TestHost.privateMessage("alice", "!jot hang"));
                        bot.transport.deliver(TestHost.privateMessage("alice", "!ver waiting"));
                    }
                    await().atMost(Duration.ofSeconds(5)).until(() -> answers(bot, "saved as 1") == 1);
                    assertThat(answers(bot, "v1 waiting")).isZero();
                }
            }
        } finally {
            System.clearProperty("jot.hang");
        }
        try (TestHost bot = TestHost.startJournaled(folder, quick)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> answers(bot, "v1 waiting") == 1);
            assertThat(answers(bot, "saved as 1")).isZero();
            assertThat(bot.transport.sent()).filteredOn(m -> m.chat().value().equals("carol")).singleElement()
                    .satisfies(m -> assertThat(m.text()).contains("\"!jot hang\""));
        }
    }

    @Test
    void a_command_the_bot_stopped_in_the_middle_of_makes_its_store_writes_once_when_handled_again() throws Exception {
        TestPluginJar.plugin(folder.resolve("plugins"), "jotter").extension(dev.blacksky.core.plugin.fixtures.Jot.class).write();
        String quick = "blacksky.dispatch.command-timeout = 1m\nblacksky.shutdown.drain-timeout = 100ms\n"
                + "blacksky.plugin-host.drain-timeout = 100ms";
        System.setProperty("jot.hang", "true");
        try (TestHost bot = TestHost.startJournaled(folder, quick)) {
            bot.transport.deliver(TestHost.privateMessage("alice", "!jot buy milk"));
            await().atMost(Duration.ofSeconds(5)).until(() -> answers(bot, "saved as 1") == 1);
        } finally { // stopped while the command still ran: its message stays unfinished in the journal
            System.clearProperty("jot.hang");
        }
        try (TestHost bot = TestHost.startJournaled(folder, quick)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> answers(bot, "saved as 1") == 1); // handled again
            bot.transport.deliver(TestHost.privateMessage("alice", "!jot call bob"));
            await().atMost(Duration.ofSeconds(5)).until(() -> answers(bot, "saved as 2") == 1);
        }
        SqliteDatabase database = database();
        java.util.Map<String, String> stored = new java.util.TreeMap<>();
        database.use("test", c -> {
            try (var s = c.prepareStatement("SELECT key, value FROM plugin_kv WHERE namespace = 'jotter'");
                 var r = s.executeQuery()) {
                while (r.next()) {
                    stored.put(r.getString(1), r.getString(2));
                }
            }
            try (var s = c.prepareStatement("SELECT COUNT(*) FROM plugin_writes"); var r = s.executeQuery()) {
                r.next();
                assertThat(r.getInt(1)).as("ledgers of handled messages are gone").isZero();
            }
            return null;
        });
        database.close();
        assertThat(stored).containsExactly(java.util.Map.entry("next", "2"), java.util.Map.entry("note:1", "buy milk"),
                java.util.Map.entry("note:2", "call bob"));
    }

    @Test
    void a_message_arriving_while_the_bot_stops_is_journaled_and_handled_at_the_next_start() throws Exception {
        TestPluginJar.plugin(folder.resolve("plugins"), "misbehaving").extension(
                dev.blacksky.core.plugin.fixtures.Misbehaving.Hang.class).write();
        TestHost bot = TestHost.startJournaled(folder, "blacksky.dispatch.command-timeout = 1m\n"
                + "blacksky.shutdown.drain-timeout = 2s\nblacksky.plugin-host.drain-timeout = 100ms");
        bot.transport.deliver(TestHost.privateMessage("bob", "!hang")); // keeps the stop draining for a while
        Thread stopper = Thread.ofPlatform().start(bot::close);
        await().atMost(Duration.ofSeconds(5)).until(bot.host::stopping);
        bot.transport.deliver(TestHost.privateMessage("alice", "!ver late")); // the network already acknowledged it
        stopper.join();
        assertThat(answers(bot, "v1 late")).isZero();
        try (TestHost again = TestHost.startJournaled(folder, "blacksky.dispatch.command-timeout = 100ms\n"
                + "blacksky.shutdown.drain-timeout = 100ms\nblacksky.plugin-host.drain-timeout = 100ms")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> answers(again, "v1 late") == 1);
        }
    }

    @Test
    void a_replayed_message_keeps_its_quote_and_mentions() {
        SqliteDatabase database = database();
        InboundJournal journal = journal(database, "default");
        Inbound plain = TestHost.privateMessage("alice", "!ver quoted");
        dev.blacksky.api.message.Message m = plain.message();
        Inbound rich = new Inbound(new dev.blacksky.api.message.Message(m.id(), m.chat(), m.sender(), m.text(),
                m.timestamp().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                java.util.Optional.of(new dev.blacksky.api.message.QuotedMessage("q1", dev.blacksky.api.message.UserId.of("bob"),
                        "the question")),
                java.util.List.of(dev.blacksky.api.message.UserId.of("carol"), dev.blacksky.api.message.UserId.of("dave"))), true);
        journal.record(rich, Instant.now());
        assertThat(journal.unfinished(ALICE, 0, 100)).singleElement().satisfies(u -> assertThat(u.inbound().message()).isEqualTo(rich.message()));
        database.close();
    }

    @Test
    void a_replayed_message_keeps_its_media_location_contact_or_other_kind() {
        SqliteDatabase database = database();
        InboundJournal journal = journal(database, "default");
        List<dev.blacksky.api.message.Content> contents = List.of(
                new dev.blacksky.api.message.Content.Attachment(dev.blacksky.api.message.MediaKind.DOCUMENT,
                        "application/pdf", 34_000, java.util.Optional.of("report.pdf"), "{\"url\":\"https://x\"}"),
                new dev.blacksky.api.message.Content.Location(45.46, 9.19, "Duomo"),
                new dev.blacksky.api.message.Content.Contact("Bob", "BEGIN:VCARD\nFN:Bob\nEND:VCARD"),
                new dev.blacksky.api.message.Content.Other("poll_creation"));
        List<dev.blacksky.api.message.Message> sent = new java.util.ArrayList<>();
        for (dev.blacksky.api.message.Content content : contents) {
            dev.blacksky.api.message.Message m = TestHost.privateMessage("alice", "caption " + sent.size()).message();
            dev.blacksky.api.message.Message withContent = new dev.blacksky.api.message.Message(m.id() + sent.size(), m.chat(),
                    m.sender(), m.text(), m.timestamp().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), m.quoted(),
                    m.mentions(), content);
            journal.record(new Inbound(withContent, false), Instant.now());
            sent.add(withContent);
        }
        assertThat(journal.unfinished(ALICE, 0, 100)).extracting(u -> u.inbound().message()).containsExactlyElementsOf(sent);
        database.close();
    }

    @Test
    void each_account_has_its_own_journal_on_a_shared_data_folder() {
        SqliteDatabase database = database();
        InboundJournal main = journal(database, "main");
        InboundJournal other = journal(database, "other");
        Inbound message = TestHost.privateMessage("alice", "hi");
        assertThat(main.record(message, Instant.now())).isPositive();
        assertThat(other.unfinished(ALICE, 0, 100)).isEmpty();
        assertThat(other.record(message, Instant.now())).as("not a redelivery for another account").isPositive();
        other.done(message.message()).join();
        assertThat(main.unfinished(ALICE, 0, 100)).hasSize(1);
        database.close();
    }

    @Test
    void the_journal_kept_before_accounts_were_separated_is_taken_over_by_the_account_that_opens_it() throws Exception {
        SqliteDatabase database = database();
        database.use("test", c -> {
            try (var s = c.createStatement()) {
                s.execute("""
                        CREATE TABLE inbound_journal (chat TEXT NOT NULL, sender TEXT NOT NULL, id TEXT NOT NULL,
                          received_at INTEGER NOT NULL, done INTEGER NOT NULL DEFAULT 0, chat_type TEXT NOT NULL,
                          chat_name TEXT NOT NULL, sender_name TEXT NOT NULL, text TEXT NOT NULL, sent_at INTEGER NOT NULL,
                          admin INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (chat, sender, id)) WITHOUT ROWID""");
                s.execute("INSERT INTO inbound_journal VALUES ('alice', 'alice', 'm1', 1, 0, 'PRIVATE', 'alice', 'Alice',"
                        + " '!ver old', 1, 0, 1)");
            }
            return null;
        });
        InboundJournal journal = journal(database, "main");
        assertThat(journal.unfinished(ALICE, 0, 100)).singleElement().satisfies(u -> assertThat(u.inbound().message().text()).isEqualTo("!ver old"));
        assertThat(journal(database, "other").unfinished(ALICE, 0, 100)).isEmpty();
        database.close();
    }

    @Test
    void handled_rows_are_pruned_after_their_time_and_beyond_the_bound() {
        SqliteDatabase database = new SqliteDatabase(folder.resolve("data/storage.db"));
        database.open();
        InboundJournal journal = new InboundJournal(database, new JournalSettings("default", Duration.ofDays(7), 3, 3, 100));
        journal.open();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 6; i++) {
            Inbound inbound = TestHost.privateMessage("alice", "m" + i);
            journal.record(inbound, start.plus(Duration.ofDays(i)));
            if (i != 5) {
                journal.done(inbound.message()).join();
            }
        }
        assertThat(journal.prune(start.plus(Duration.ofDays(8)))).isEqualTo(3); // 1 too old, then 2 beyond the bound
        assertThat(journal.size()).isEqualTo(3);
        assertThat(journal.unfinished(ALICE, 0, 100)).singleElement().satisfies(u -> assertThat(u.inbound().message().text()).isEqualTo("m5"));
        database.close();
    }
}
