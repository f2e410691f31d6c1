package dev.blacksky.core.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.User;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.schedule.ManualTimeSource;
import dev.blacksky.core.transport.simulated.SentMessage;
import dev.blacksky.core.transport.simulated.SimulatedTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboundMessengerTest {

    static final MediaSettings MEDIA = new MediaSettings(java.util.Arrays.stream(dev.blacksky.api.message.MediaKind.values())
            .collect(java.util.stream.Collectors.toMap(k -> k, k -> 1024L * 1024)), spool(), spool());
    static final OutboxSettings RETRIES = new OutboxSettings("default", 5, Duration.ofSeconds(5), Duration.ofMinutes(5));

    private final ManualTimeSource time = new ManualTimeSource(Instant.parse("2026-01-01T00:00:00Z"));
    private final SimulatedTransport transport = new SimulatedTransport();

    private OutboundMessenger messenger(double perMinute, int burst, Duration gap, int perHour, double rampStart) {
        OutboundMessenger out = new OutboundMessenger(transport, time, new GovernorSettings(List.of("simulated"), perMinute,
                burst, gap, perHour, 1500, Duration.ofSeconds(60), rampStart, 0.5, java.util.Map.of()), RETRIES, OutboundMessengerTest.MEDIA, null);
        out.connected();
        return out;
    }

    private List<String> sent() {
        return transport.sent().stream().map(SentMessage::text).toList();
    }

    @Test
    void a_burst_goes_at_once_and_the_rest_at_the_sustained_rate() {
        OutboundMessenger out = messenger(10, 3, Duration.ZERO, 200, 1.0);
        for (int i = 0; i < 6; i++) {
            out.send(ChatId.of("chat" + i), "m" + i);
        }
        assertThat(sent()).containsExactly("m0", "m1", "m2");
        time.advance(Duration.ofSeconds(6)); // 10 per minute: one every 6 s
        assertThat(sent()).containsExactly("m0", "m1", "m2", "m3");
        time.advance(Duration.ofSeconds(12));
        assertThat(sent()).hasSize(6);
        assertThat(out.queued()).isZero();
    }

    @Test
    void reactions_cannot_bypass_the_governor_and_keep_their_place_in_the_chat() {
        OutboundMessenger out = messenger(10, 2, Duration.ZERO, 200, 1.0);
        Message target = Message.text("M1", new Chat(ChatId.of("a"), ChatType.PRIVATE, "a"),
                new User(UserId.of("u"), "u"), "hi", Instant.EPOCH);
        out.send(ChatId.of("a"), "a1");
        out.send(ChatId.of("a"), "a2");
        var reacted = out.react(target, "👍").toCompletableFuture();
        for (int i = 0; i < 20; i++) {
            out.react(target, "x" + i); // a plugin spamming reactions
        }
        assertThat(sent()).containsExactly("a1", "a2");
        assertThat(transport.reactions()).as("the burst is spent: the reaction waits its turn").isEmpty();
        assertThat(reacted).isNotDone();
        time.advance(Duration.ofSeconds(6)); // 10 per minute
        assertThat(transport.reactions()).extracting(r -> r.emoji()).containsExactly("👍");
        assertThat(reacted).isCompleted();
        time.advance(Duration.ofSeconds(60));
        assertThat(transport.reactions()).hasSize(11);
    }

    @Test
    void one_chat_waits_out_its_gap_in_order_without_holding_up_the_others() {
        OutboundMessenger out = messenger(600, 100, Duration.ofSeconds(1), 200, 1.0);
        out.send(ChatId.of("a"), "a1");
        var second = out.send(ChatId.of("a"), "a2");
        out.send(ChatId.of("a"), "a3");
        out.send(ChatId.of("b"), "b1");
        assertThat(sent()).containsExactly("a1", "b1");
        assertThat(second.toCompletableFuture()).isNotDone();
        time.advance(Duration.ofSeconds(1));
        assertThat(sent()).containsExactly("a1", "b1", "a2");
        assertThat(second.toCompletableFuture()).isCompleted();
        time.advance(Duration.ofSeconds(1));
        assertThat(sent()).containsExactly("a1", "b1", "a2", "a3");
    }

    @Test
    void the_hourly_cap_holds_messages_until_the_oldest_leaves_the_window() {
        OutboundMessenger out = messenger(6000, 1000, Duration.ZERO, 5, 1.0);
        for (int i = 0; i < 7; i++) {
            out.send(ChatId.of("chat" + i), "m" + i);
        }
        assertThat(sent()).hasSize(5);
        time.advance(Duration.ofMinutes(59));
        assertThat(sent()).hasSize(5);
        time.advance(Duration.ofMinutes(1));
        assertThat(sent()).hasSize(7);
    }

    @Test
    void after_a_reconnect_the_rate_ramps_up_from_a_tenth() {
        OutboundMessenger out = messenger(60, 1, Duration.ZERO, 1000, 0.1);
        time.advance(Duration.ofMinutes(5));
        out.connected();
        for (int i = 0; i < 4; i++) {
            out.send(ChatId.of("chat" + i), "m" + i);
        }
        assertThat(sent()).hasSize(1);
        time.advance(Duration.ofSeconds(2)); // at full rate two more would have gone by now
        assertThat(sent()).hasSize(1);
        time.advance(Duration.ofSeconds(60));
        assertThat(sent()).hasSize(4);
    }

    @Test
    void a_reply_in_another_chat_goes_before_a_long_broadcast_queued_earlier() {
        OutboundMessenger out = messenger(10, 1, Duration.ZERO, 200, 1.0);
        var announcements = out.as(Origin.broadcastFrom("news"));
        for (int i = 0; i < 100; i++) {
            announcements.send(ChatId.of("big-group"), "news " + i);
        }
        var pong = out.as(Origin.replyFrom("basics")).send(ChatId.of("bob"), "pong").toCompletableFuture();
        assertThat(sent()).containsExactly("news 0"); // the burst of one is spent
        time.advance(Duration.ofSeconds(6)); // the next token of 10 a minute
        assertThat(sent()).containsExactly("news 0", "pong");
        assertThat(pong).isCompleted();
    }

    @Test
    void chats_take_turns_so_one_busy_chat_does_not_starve_the_others() {
        OutboundMessenger out = messenger(6000, 1, Duration.ZERO, 1000, 1.0);
        out.disconnected(); // everything queued first, as after an outage
        var broadcasts = out.as(Origin.broadcastFrom("news"));
        for (int i = 0; i < 3; i++) {
            broadcasts.send(ChatId.of("a"), "a" + i);
        }
        for (int i = 0; i < 3; i++) {
            broadcasts.send(ChatId.of("b"), "b" + i);
        }
        out.connected();
        time.advance(Duration.ofSeconds(1));
        assertThat(sent()).containsExactly("a0", "b0", "a1", "b1", "a2", "b2");
    }

    @Test
    void a_plugins_broadcasts_stop_at_its_share_of_the_hour_while_replies_still_go_and_owners_see_it() {
        OutboundMessenger out = messenger(6000, 1000, Duration.ZERO, 10, 1.0); // 10 an hour; a plugin's share is half
        var news = out.as(Origin.broadcastFrom("news"));
        for (int i = 0; i < 8; i++) {
            news.send(ChatId.of("group" + i), "news " + i);
        }
        out.as(Origin.replyFrom("basics")).send(ChatId.of("bob"), "pong");
        assertThat(sent()).hasSize(6).contains("pong").doesNotContain("news 5", "news 6", "news 7");
        assertThat(out.usage("news")).isEqualTo("5 broadcasts in the last hour, 5 in the last day, 3 sends queued");
        time.advance(Duration.ofHours(1));
        assertThat(sent()).contains("news 5", "news 6", "news 7");
    }

    @Test
    void a_share_set_for_one_plugin_replaces_the_default() {
        OutboundMessenger out = new OutboundMessenger(transport, time, new GovernorSettings(List.of("simulated"), 6000,
                1000, Duration.ZERO, 10, 1500, Duration.ZERO, 1.0, 0.5, java.util.Map.of("news", 0.2)), RETRIES, OutboundMessengerTest.MEDIA, null);
        out.connected();
        for (int i = 0; i < 5; i++) {
            out.as(Origin.broadcastFrom("news")).send(ChatId.of("group" + i), "news " + i);
        }
        assertThat(sent()).hasSize(2);
    }

    @Test
    void ungoverned_transports_send_straight_through() {
        OutboundMessenger out = new OutboundMessenger(transport, time, new GovernorSettings(List.of("whatsapp"), 1, 1,
                Duration.ofHours(1), 1, 1, Duration.ZERO, 1.0, 0.5, java.util.Map.of()), RETRIES, OutboundMessengerTest.MEDIA, null);
        for (int i = 0; i < 50; i++) {
            out.send(ChatId.of("a"), "m" + i);
        }
        assertThat(sent()).hasSize(50);
    }

    private static java.nio.file.Path spool() {
        try {
            return java.nio.file.Files.createTempDirectory("blacksky-spool");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
