package dev.blacksky.core.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.Media;
import dev.blacksky.api.message.MediaKind;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.api.message.QuotedMessage;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.config.HostPaths;
import dev.blacksky.core.schedule.ManualTimeSource;
import dev.blacksky.core.storage.Storage;
import dev.blacksky.core.storage.StorageSettings;
import dev.blacksky.core.transport.simulated.SentMessage;
import dev.blacksky.core.transport.simulated.SimulatedTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sends made while offline, at the outbox level, and retries with the same id. */
class OutboxTest {

    @TempDir
    Path home;

    private final ManualTimeSource time = new ManualTimeSource(Instant.parse("2026-01-01T00:00:00Z"));
    private SimulatedTransport transport = new SimulatedTransport().durable(true);
    private Storage storage;

    private OutboundMessenger open() {
        storage = new Storage(new HostPaths(home, home.resolve("data"), home.resolve("plugins")),
                new StorageSettings("storage.db", 65536), time.clock());
        storage.start();
        OutboundMessenger out = new OutboundMessenger(transport, time,
                new GovernorSettings(List.of(), 10, 3, Duration.ZERO, 200, 1500, Duration.ZERO, 1.0, 0.5, java.util.Map.of()),
                OutboundMessengerTest.RETRIES, OutboundMessengerTest.MEDIA, storage);
        out.start();
        out.connected();
        return out;
    }

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    private List<String> sent() {
        return transport.sent().stream().map(SentMessage::text).toList();
    }

    @Test
    void each_account_sends_only_its_own_queued_messages_from_a_shared_data_folder() {
        storage = new Storage(new HostPaths(home, home.resolve("data"), home.resolve("plugins")),
                new StorageSettings("storage.db", 65536), time.clock());
        storage.start();
        GovernorSettings governor = new GovernorSettings(List.of(), 10, 3, Duration.ZERO, 200, 1500, Duration.ZERO, 1.0,
                0.5, java.util.Map.of());
        OutboundMessenger main = new OutboundMessenger(transport, time, governor,
                new OutboxSettings("main", 5, Duration.ofSeconds(5), Duration.ofMinutes(5)), OutboundMessengerTest.MEDIA, storage);
        main.start();
        main.send(ChatId.of("a"), "from main"); // queued while offline, then the process stops
        SimulatedTransport otherLink = new SimulatedTransport().durable(true);
        OutboundMessenger other = new OutboundMessenger(otherLink, time, governor,
                new OutboxSettings("other", 5, Duration.ofSeconds(5), Duration.ofMinutes(5)), OutboundMessengerTest.MEDIA, storage);
        other.start();
        other.connected();
        assertThat(otherLink.sent()).as("another account's reply never goes out from this number").isEmpty();
        SimulatedTransport mainAgain = new SimulatedTransport().durable(true);
        OutboundMessenger restarted = new OutboundMessenger(mainAgain, time, governor,
                new OutboxSettings("main", 5, Duration.ofSeconds(5), Duration.ofMinutes(5)), OutboundMessengerTest.MEDIA, storage);
        restarted.start();
        restarted.connected();
        assertThat(mainAgain.sent()).extracting(SentMessage::text).containsExactly("from main");
    }

    @Test
    void a_command_run_again_after_a_crash_sends_the_same_message_not_a_second_answer() throws Exception {
        storage = new Storage(new HostPaths(home, home.resolve("data"), home.resolve("plugins")),
                new StorageSettings("storage.db", 65536), time.clock());
        storage.start();
        GovernorSettings governor = new GovernorSettings(List.of(), 10, 3, Duration.ZERO, 200, 1500, Duration.ZERO, 1.0,
                0.5, java.util.Map.of());
        OutboundMessenger first = new OutboundMessenger(transport, time, governor, OutboundMessengerTest.RETRIES,
                OutboundMessengerTest.MEDIA, storage);
        first.start(); // offline: the reply waits in the outbox when the process dies
        String call = "default\u0001alice\u0001alice\u0001m1\u0000basics:ping";
        String id = dev.blacksky.core.storage.WriteLedger.during(call, MessageIds::forSend); // its first send's id
        dev.blacksky.core.storage.WriteLedger.during(call, () -> first.send(ChatId.of("alice"), "pong"));
        await().until(() -> first.queued() == 1);
        String other = dev.blacksky.core.storage.WriteLedger.during(call + "x", MessageIds::forSend);
        assertThat(other).as("another command's send").isNotEqualTo(id);

        SimulatedTransport again = new SimulatedTransport().durable(true);
        OutboundMessenger restarted = new OutboundMessenger(again, time, governor, OutboundMessengerTest.RETRIES,
                OutboundMessengerTest.MEDIA, storage);
        restarted.start();
        String rerun = dev.blacksky.core.storage.WriteLedger.during(call,
                () -> restarted.send(ChatId.of("alice"), "pong")).toCompletableFuture().join();
        restarted.connected();
        assertThat(rerun).isEqualTo(id);
        await().untilAsserted(() -> assertThat(again.sent()).extracting(SentMessage::id).containsExactly(id));
        assertThat(restarted.queued()).isZero();
    }

    @Test
    void nothing_is_sent_while_the_cluster_lease_is_not_valid_and_it_waits_in_the_outbox() {
        storage = new Storage(new HostPaths(home, home.resolve("data"), home.resolve("plugins")),
                new StorageSettings("storage.db", 65536), time.clock());
        storage.start();
        java.util.concurrent.atomic.AtomicBoolean leaseValid = new java.util.concurrent.atomic.AtomicBoolean();
        SendPermits permits = account -> account.equals("default") && leaseValid.get();
        OutboundMessenger out = new OutboundMessenger(transport, time,
                new GovernorSettings(List.of(), 10, 3, Duration.ZERO, 200, 1500, Duration.ZERO, 1.0, 0.5, java.util.Map.of()),
                OutboundMessengerTest.RETRIES, OutboundMessengerTest.MEDIA, storage, permits);
        out.start();
        out.connected(); // a node waking from a pause: its link still looks up, its lease ran out meanwhile
        out.send(ChatId.of("a"), "late");
        await().until(() -> out.queued() == 1);
        time.advance(Duration.ofMinutes(10));
        assertThat(transport.attempts()).as("nothing goes out over the old connection").isEmpty();

        leaseValid.set(true); // the account run anew under a valid lease: the outbox is taken up
        SimulatedTransport next = new SimulatedTransport().durable(true);
        OutboundMessenger again = new OutboundMessenger(next, time,
                new GovernorSettings(List.of(), 10, 3, Duration.ZERO, 200, 1500, Duration.ZERO, 1.0, 0.5, java.util.Map.of()),
                OutboundMessengerTest.RETRIES, OutboundMessengerTest.MEDIA, storage, permits);
        again.start();
        again.connected();
        await().untilAsserted(() -> assertThat(next.sent()).extracting(SentMessage::text).containsExactly("late"));
    }

    @Test
    void nothing_is_sent_before_the_first_connection() {
        storage = new Storage(new HostPaths(home, home.resolve("data"), home.resolve("plugins")),
                new StorageSettings("storage.db", 65536), time.clock());
        storage.start();
        OutboundMessenger out = new OutboundMessenger(transport, time,
                new GovernorSettings(List.of(), 10, 3, Duration.ZERO, 200, 1500, Duration.ZERO, 1.0, 0.5, java.util.Map.of()),
                OutboundMessengerTest.RETRIES, OutboundMessengerTest.MEDIA, storage);
        out.start();
        out.send(ChatId.of("a"), "early");
        await().until(() -> out.queued() == 1); // on disk, then queued: the caller does not wait for the disk
        time.advance(Duration.ofHours(1));
        assertThat(transport.attempts()).isEmpty();
        out.connected();
        await().untilAsserted(() -> assertThat(sent()).containsExactly("early"));
    }

    @Test
    void sends_made_offline_wait_and_go_in_order_once_connected() {
        OutboundMessenger out = open();
        out.disconnected();
        out.send(ChatId.of("a"), "a1");
        out.send(ChatId.of("b"), "b1");
        out.send(ChatId.of("a"), "a2");
        await().until(() -> out.queued() == 3);
        assertThat(sent()).isEmpty();
        out.connected();
        await().untilAsserted(() -> assertThat(sent()).containsExactlyInAnyOrder("a1", "b1", "a2"));
        assertThat(sent().indexOf("a1")).isLessThan(sent().indexOf("a2")); // order is kept per chat
        assertThat(out.queued()).isZero();
    }

    @Test
    void the_outbox_survives_a_restart_and_delivers_with_the_ids_it_was_given() {
        OutboundMessenger first = open();
        first.disconnected();
        first.send(ChatId.of("a"), "a1");
        first.send(ChatId.of("a"), "a2");
        storage.close(); // the process dies with two messages unsent

        transport = new SimulatedTransport().durable(true);
        OutboundMessenger second = open();
        assertThat(sent()).containsExactly("a1", "a2");
        assertThat(transport.sent()).allSatisfy(m -> assertThat(m.id()).matches("3EB0[0-9A-F]{18}"));
        assertThat(second.queued()).isZero();
    }

    @Test
    void a_failing_send_is_retried_with_the_same_id_and_later_messages_of_its_chat_wait() {
        OutboundMessenger out = open();
        transport.failSends(true);
        CompletionStage<String> first = out.send(ChatId.of("a"), "a1");
        out.send(ChatId.of("a"), "a2");
        out.send(ChatId.of("b"), "b1");
        await().until(() -> transport.attempts().size() >= 2 && out.queued() == 3);
        assertThat(transport.attempts()).hasSize(2); // a1 and b1 tried; a2 waits behind a1
        transport.failSends(false);
        time.advance(Duration.ofSeconds(5));
        await().untilAsserted(() -> assertThat(sent()).containsExactlyInAnyOrder("b1", "a1", "a2"));
        assertThat(sent().indexOf("a1")).isLessThan(sent().indexOf("a2"));
        List<String> attempts = transport.attempts();
        String a1 = first.toCompletableFuture().join();
        assertThat(attempts.stream().filter(a1::equals)).hasSize(2);
    }

    @Test
    void after_the_last_attempt_a_message_is_dead_lettered_not_retried_forever() {
        OutboundMessenger out = open();
        transport.failSends(true);
        CompletionStage<String> doomed = out.send(ChatId.of("a"), "a1");
        // 5 s, 10 s, 20 s, 40 s: the fifth attempt fails for good. Each retry is scheduled by the sending thread,
        // so the clock moves on in steps until it is done.
        await().until(() -> {
            time.advance(Duration.ofMinutes(1));
            return doomed.toCompletableFuture().isDone();
        });
        assertThat(transport.attempts()).hasSize(5).containsOnly(transport.attempts().get(0));
        assertThat(doomed.toCompletableFuture()).isCompletedExceptionally();
        assertThat(out.deadLetters()).singleElement().asString().endsWith("to a");
        time.advance(Duration.ofHours(1));
        assertThat(transport.attempts()).hasSize(5);
    }

    @Test
    void queued_media_waits_on_disk_not_in_rows_and_goes_out_after_a_restart_with_mentions_and_quote() throws Exception {
        MediaSettings media = new MediaSettings(OutboundMessengerTest.MEDIA.maxSize(), home.resolve("outbox-media"),
                home.resolve("downloads"));
        GovernorSettings governor = new GovernorSettings(List.of(), 10, 3, Duration.ZERO, 200, 1500, Duration.ZERO, 1.0,
                0.5, java.util.Map.of());
        storage = new Storage(new HostPaths(home, home.resolve("data"), home.resolve("plugins")),
                new StorageSettings("storage.db", 65536), time.clock());
        storage.start();
        byte[] picture = new byte[200_000];
        new java.util.Random(7).nextBytes(picture);
        Path source = java.nio.file.Files.write(home.resolve("cat.jpg"), picture);
        OutboundMessenger before = new OutboundMessenger(transport, time, governor, OutboundMessengerTest.RETRIES, media, storage);
        before.start(); // never connected: the message waits
        before.send(ChatId.of("team@g.us"), OutgoingMessage.of(Media.image(source)).withText("look @bob")
                .mentioning(UserId.of("bob")).quoting(new QuotedMessage("q1", UserId.of("alice"), "a cat?")));
        java.nio.file.Files.delete(source); // the host keeps its own copy
        await().until(() -> before.queued() == 1); // its row is on disk

        try (var queued = java.nio.file.Files.walk(media.spool())) {
            assertThat(queued.filter(java.nio.file.Files::isRegularFile).toList()).singleElement()
                    .satisfies(file -> assertThat(java.nio.file.Files.readAllBytes(file)).isEqualTo(picture));
        }
        java.nio.file.Files.createDirectories(media.spool().resolve("orphan")); // a run that died between file and row
        java.nio.file.Files.writeString(media.spool().resolve("orphan").resolve("x.png"), "left behind");
        long rowBytes = storage.database().query("test", "SELECT length(text) + length(extra) FROM outbound_messages",
                r -> r.getLong(1)).getFirst();
        assertThat(rowBytes).as("the outbox row holds a reference, not the picture").isLessThan(1_000);
        storage.close();

        transport = new SimulatedTransport().durable(true);
        storage = new Storage(new HostPaths(home, home.resolve("data"), home.resolve("plugins")),
                new StorageSettings("storage.db", 65536), time.clock());
        storage.start();
        OutboundMessenger after = new OutboundMessenger(transport, time, governor, OutboundMessengerTest.RETRIES, media, storage);
        after.start();
        after.connected();
        assertThat(transport.sent()).singleElement().satisfies(sent -> {
            assertThat(sent.text()).isEqualTo("look @bob");
            assertThat(sent.media()).isEqualTo(picture);
            assertThat(sent.message().media()).hasValueSatisfying(m -> assertThat(m.fileName()).hasValue("cat.jpg"));
            assertThat(sent.message().mentions()).containsExactly(UserId.of("bob"));
            assertThat(sent.message().quote()).hasValueSatisfying(q -> assertThat(q.messageId()).isEqualTo("q1"));
        });
        await().untilAsserted(() -> { // once its removal from the outbox is on disk
            try (var left = java.nio.file.Files.walk(media.spool())) {
                assertThat(left.filter(java.nio.file.Files::isRegularFile)).as("sent media, and what no row names, is deleted")
                        .isEmpty();
            }
        });
    }

    @Test
    void media_over_its_kinds_limit_is_refused_before_anything_is_queued() {
        OutboundMessenger out = open();
        byte[] big = new byte[1024 * 1024 + 1];
        assertThatThrownBy(() -> out.send(ChatId.of("a"), OutgoingMessage.of(Media.of(MediaKind.STICKER, big, "image/webp"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blacksky.media.max-size.sticker");
        assertThat(out.queued()).isZero();
        assertThat(transport.attempts()).isEmpty();
    }
}
