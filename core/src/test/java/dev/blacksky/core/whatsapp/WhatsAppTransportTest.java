package dev.blacksky.core.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.api.event.BotEvent;
import dev.blacksky.api.message.Message;
import dev.blacksky.core.schedule.ManualTimeSource;
import dev.blacksky.core.session.AccountLayout;
import dev.blacksky.core.session.CobaltFileCheck;
import dev.blacksky.core.session.SessionFlusher;
import dev.blacksky.core.session.SessionService;
import dev.blacksky.core.session.SessionSettings;
import dev.blacksky.core.transport.Inbound;
import dev.blacksky.core.transport.InboundSink;
import it.auties.whatsapp.model.jid.Jid;
import it.auties.whatsapp.model.signal.auth.UserAgent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhatsAppTransportTest {

    @TempDir
    Path data;

    private final List<Inbound> inbound = new CopyOnWriteArrayList<>();

    @Test
    void chat_ids_become_jids_that_hash_like_cobalts_own() {
        Jid phone = WhatsAppTransport.jid("391234567890@s.whatsapp.net");
        // Jid.of("...@s.whatsapp.net") equals Jid.of(digits) but hashes differently, so hash lookups miss.
        assertThat(Set.of(Jid.of("391234567890"))).contains(phone);
        assertThat(WhatsAppTransport.jid("120363025246125486@g.us").toString()).isEqualTo("120363025246125486@g.us");
        assertThat(WhatsAppTransport.jid("98765432101234@lid").toString()).isEqualTo("98765432101234@lid");
    }

    private WhatsAppTransport started(int reactionTargets) {
        var session = new SessionService(AccountLayout.of(data, "default"), new SessionSettings("default", 3, 0),
                new CobaltFileCheck(), Clock.systemUTC());
        var time = new ManualTimeSource(Instant.parse("2026-11-27T00:00:00Z"));
        var settings = new WhatsAppSettings(Optional.empty(), Duration.ofSeconds(30), Duration.ofMinutes(5), reactionTargets,
                Duration.ofSeconds(2), Duration.ofHours(1), "2.3000.1048032155", UserAgent.PlatformType.WEB);
        var transport = new WhatsAppTransport(session, new SessionFlusher(time, Duration.ofSeconds(15)), settings,
                time.clock(), new PairingCode(new PrintStream(new ByteArrayOutputStream()), data.resolve("qr.png")));
        transport.start(new InboundSink() {
            public java.util.concurrent.CompletionStage<Void> accept(Inbound message) {
                inbound.add(message);
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }

            public void event(BotEvent event) {
            }

            public void inputClosed() {
            }
        });
        return transport;
    }

    @Test
    void a_reaction_to_a_message_no_longer_remembered_fails_saying_why() {
        WhatsAppTransport transport = started(2);
        for (String id : List.of("M1", "M2", "M3")) {
            transport.received(ReactionTargetsTest.received("15550001111@s.whatsapp.net", "15550001111@s.whatsapp.net", id));
        }
        Message forgotten = inbound.getFirst().message();
        assertThat(transport.react(forgotten, "👍").toCompletableFuture())
                .failsWithin(Duration.ZERO).withThrowableThat()
                .withMessageContaining("cannot react to message M1 in 15550001111")
                .withMessageContaining("not among the last 2 messages")
                .withMessageContaining("blacksky.whatsapp.reaction-targets");
    }

    @Test
    void a_reaction_to_a_known_message_while_offline_fails_as_not_connected() {
        WhatsAppTransport transport = started(2);
        transport.received(ReactionTargetsTest.received("120363000000000001@g.us", "15550001111@s.whatsapp.net", "M1"));
        assertThat(transport.react(inbound.getFirst().message(), "👍").toCompletableFuture())
                .failsWithin(Duration.ZERO).withThrowableThat().withMessageContaining("WhatsApp is not connected");
    }

    @Test
    void a_queued_reaction_keeps_its_target_while_newer_messages_push_it_out() {
        WhatsAppTransport transport = started(2);
        transport.received(ReactionTargetsTest.received("15550001111@s.whatsapp.net", "15550001111@s.whatsapp.net", "M1"));
        var queued = transport.prepareReaction(inbound.getFirst().message(), "👍");
        for (String id : List.of("M2", "M3", "M4")) { // a backlog after an outage: M1 is no longer remembered
            transport.received(ReactionTargetsTest.received("15550001111@s.whatsapp.net", "15550001111@s.whatsapp.net", id));
        }
        assertThat(transport.react(inbound.getFirst().message(), "👍").toCompletableFuture())
                .failsWithin(Duration.ZERO).withThrowableThat().withMessageContaining("not among the last 2 messages");
        // The queued one still knows its target: it fails only for want of a connection, and would be retried.
        assertThat(queued.get().toCompletableFuture())
                .failsWithin(Duration.ZERO).withThrowableThat().withMessageContaining("WhatsApp is not connected");
    }
}
