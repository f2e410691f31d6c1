package dev.blacksky.core.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.Content;
import dev.blacksky.api.message.MediaKind;
import dev.blacksky.api.message.QuotedMessage;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.transport.Inbound;
import it.auties.whatsapp.model.info.ChatMessageInfo;
import it.auties.whatsapp.model.info.ChatMessageInfoBuilder;
import it.auties.whatsapp.model.info.ContextInfo;
import it.auties.whatsapp.model.info.ContextInfoBuilder;
import it.auties.whatsapp.model.jid.Jid;
import it.auties.whatsapp.model.message.model.ChatMessageKeyBuilder;
import it.auties.whatsapp.model.message.model.MessageContainer;
import it.auties.whatsapp.model.message.model.MessageContainerBuilder;
import it.auties.whatsapp.model.message.standard.AudioMessageBuilder;
import it.auties.whatsapp.model.message.standard.DocumentMessageBuilder;
import it.auties.whatsapp.model.message.standard.ImageMessageBuilder;
import it.auties.whatsapp.model.message.standard.LocationMessageBuilder;
import it.auties.whatsapp.model.message.standard.PollCreationMessageBuilder;
import it.auties.whatsapp.model.message.standard.PollUpdateMessageBuilder;
import it.auties.whatsapp.model.message.standard.TextMessageBuilder;
import it.auties.whatsapp.model.node.Node;
import it.auties.whatsapp.model.poll.PollOptionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CobaltMessagesTest {

    private final CobaltMessages messages = new CobaltMessages(Duration.ofMinutes(1));

    private static ChatMessageInfo message(String chat, String sender, boolean fromMe, MessageContainer content) {
        var key = new ChatMessageKeyBuilder().chatJid(Jid.of(chat)).senderJid(Jid.of(sender)).fromMe(fromMe).id("3EB0ABC").build();
        return new ChatMessageInfoBuilder().key(key).senderJid(Jid.of(sender)).message(content)
                .timestampSeconds(1_790_000_000L).pushName("Alice").build();
    }

    @Test
    void a_private_text_becomes_our_message_with_the_device_part_dropped() {
        Inbound inbound = messages.toInbound(message("15550001111@s.whatsapp.net", "15550001111:7@s.whatsapp.net", false,
                MessageContainer.of("!ping"))).orElseThrow();
        assertThat(inbound.message().text()).isEqualTo("!ping");
        assertThat(inbound.message().id()).isEqualTo("3EB0ABC");
        assertThat(inbound.message().sender().id().value()).isEqualTo("15550001111");
        assertThat(inbound.message().sender().displayName()).isEqualTo("Alice");
        assertThat(inbound.message().chat().type()).isEqualTo(ChatType.PRIVATE);
        assertThat(inbound.message().timestamp()).isEqualTo(Instant.ofEpochSecond(1_790_000_000L));
    }

    @Test
    void a_group_message_is_in_a_group_chat() {
        Inbound inbound = messages.toInbound(message("120363000000000001@g.us", "15550001111@s.whatsapp.net", false,
                MessageContainer.of("!help"))).orElseThrow();
        assertThat(inbound.message().chat().type()).isEqualTo(ChatType.GROUP);
        assertThat(inbound.message().chat().id().value()).isEqualTo("120363000000000001@g.us");
    }

    @Test
    void a_lid_sender_is_mapped_to_the_phone_number_the_server_attached() {
        messages.learn(Node.of("message", Map.of("from", "120363000000000001@g.us", "participant", "98765432101234@lid",
                "participant_pn", "15550001111@s.whatsapp.net", "id", "3EB0ABC"), (Object) null));
        Inbound known = messages.toInbound(message("120363000000000001@g.us", "98765432101234@lid", false,
                MessageContainer.of("!ban"))).orElseThrow();
        assertThat(known.message().sender().id().value()).as("matches owners configured by number").isEqualTo("15550001111");

        Inbound unknown = messages.toInbound(message("120363000000000001@g.us", "11112222333344@lid", false,
                MessageContainer.of("!ban"))).orElseThrow();
        assertThat(unknown.message().sender().id().value()).as("unmappable LIDs stay LIDs").isEqualTo("11112222333344@lid");
    }

    @Test
    void own_messages_and_empty_ones_are_dropped() {
        assertThat(messages.toInbound(message("15550001111@s.whatsapp.net", "15550002222@s.whatsapp.net", true,
                MessageContainer.of("pong")))).isEmpty();
        assertThat(messages.toInbound(message("15550001111@s.whatsapp.net", "15550001111@s.whatsapp.net", false,
                MessageContainer.empty()))).isEmpty();
    }

    private static MessageContainer extended(String text, ContextInfo context) {
        return MessageContainer.of(new TextMessageBuilder().text(text).contextInfo(context).build());
    }

    @Test
    void a_plain_conversation_and_an_extended_text_both_become_text() {
        Inbound plain = messages.toInbound(message("15550001111@s.whatsapp.net", "15550001111@s.whatsapp.net", false,
                new MessageContainerBuilder().textWithNoContextMessage("!ping").build())).orElseThrow();
        assertThat(plain.message().text()).isEqualTo("!ping");
        assertThat(plain.message().quoted()).isEmpty();
        assertThat(plain.message().mentions()).isEmpty();

        Inbound extended = messages.toInbound(message("15550001111@s.whatsapp.net", "15550001111@s.whatsapp.net", false,
                extended("!ping", new ContextInfoBuilder().build()))).orElseThrow();
        assertThat(extended.message().text()).isEqualTo("!ping");
        assertThat(extended.message().quoted()).isEmpty();
    }

    @Test
    void a_reply_carries_the_quoted_message_with_its_author_as_phone_digits() {
        var context = new ContextInfoBuilder().quotedMessageId("3EB0QUOTED")
                .quotedMessageSenderJid(Jid.of("15550002222:3@s.whatsapp.net"))
                .quotedMessage(new MessageContainerBuilder().textWithNoContextMessage("original words").build())
                .quotedMessageChatJid(Jid.of("120363000000000001@g.us")).build();
        Inbound reply = messages.toInbound(message("120363000000000001@g.us", "15550001111@s.whatsapp.net", false,
                extended("!warn spam", context))).orElseThrow();
        assertThat(reply.message().quoted()).contains(new QuotedMessage("3EB0QUOTED", UserId.of("15550002222"), "original words"));
    }

    @Test
    void a_quote_of_media_has_its_caption_or_empty_text_and_a_quote_without_author_is_left_out() {
        var ofImage = new ContextInfoBuilder().quotedMessageId("3EB0IMG").quotedMessageSenderJid(Jid.of("15550002222@s.whatsapp.net"))
                .quotedMessage(MessageContainer.of(new ImageMessageBuilder().caption("a cat").build())).build();
        assertThat(messages.toInbound(message("15550001111@s.whatsapp.net", "15550001111@s.whatsapp.net", false,
                extended("!note", ofImage))).orElseThrow().message().quoted()).map(QuotedMessage::text).contains("a cat");

        var withoutBody = new ContextInfoBuilder().quotedMessageId("3EB0GONE").quotedMessageSenderJid(Jid.of("15550002222@s.whatsapp.net")).build();
        assertThat(messages.toInbound(message("15550001111@s.whatsapp.net", "15550001111@s.whatsapp.net", false,
                extended("!note", withoutBody))).orElseThrow().message().quoted()).map(QuotedMessage::text).contains("");

        var anonymous = new ContextInfoBuilder().quotedMessageId("3EB0ANON")
                .quotedMessage(MessageContainer.of("who said this")).build();
        assertThat(messages.toInbound(message("15550001111@s.whatsapp.net", "15550001111@s.whatsapp.net", false,
                extended("!note", anonymous))).orElseThrow().message().quoted()).isEmpty();
    }

    @Test
    void mentions_are_phone_digits_in_order_with_lids_mapped_where_the_server_told_us() {
        messages.learn(Node.of("message", Map.of("from", "120363000000000001@g.us", "participant", "98765432101234@lid",
                "participant_pn", "15550003333@s.whatsapp.net", "id", "3EB0EARLIER"), (Object) null));
        var context = new ContextInfoBuilder().mentions(List.of(Jid.of("15550002222@s.whatsapp.net"),
                Jid.of("98765432101234@lid"), Jid.of("11112222333344@lid"), Jid.of("15550002222:5@s.whatsapp.net"))).build();
        Inbound inbound = messages.toInbound(message("120363000000000001@g.us", "15550001111@s.whatsapp.net", false,
                extended("!warn @15550002222 @98765432101234 @11112222333344", context))).orElseThrow();
        assertThat(inbound.message().mentions()).containsExactly(UserId.of("15550002222"), UserId.of("15550003333"),
                UserId.of("11112222333344@lid"));
    }

    @Test
    void a_caption_counts_as_text_and_media_without_one_still_reaches_plugins_as_media() {
        var image = new ImageMessageBuilder().caption("!echo look").contextInfo(new ContextInfoBuilder()
                .mentions(List.of(Jid.of("15550002222@s.whatsapp.net"))).build()).build();
        Inbound captioned = messages.toInbound(message("15550001111@s.whatsapp.net", "15550001111@s.whatsapp.net", false,
                MessageContainer.of(image))).orElseThrow();
        assertThat(captioned.message().text()).isEqualTo("!echo look");
        assertThat(captioned.message().mentions()).containsExactly(UserId.of("15550002222"));

        assertThat(captioned.message().content()).isInstanceOf(Content.Attachment.class);
        assertThat(captioned.message().chat().id()).as("a private chat goes by its user's id")
                .isEqualTo(ChatId.of(UserId.of("15550001111")));

        Inbound bare = messages.toInbound(message("15550001111@s.whatsapp.net", "15550001111@s.whatsapp.net", false,
                MessageContainer.of(new ImageMessageBuilder().mimetype("image/jpeg").mediaSize(34_000L).build()))).orElseThrow();
        assertThat(bare.message().text()).isEmpty();
        assertThat(bare.message().content()).isInstanceOfSatisfying(Content.Attachment.class, a -> {
            assertThat(a.kind()).isEqualTo(MediaKind.IMAGE);
            assertThat(a.mimeType()).isEqualTo("image/jpeg");
            assertThat(a.size()).isEqualTo(34_000);
        });
    }

    @Test
    void locations_contacts_documents_and_voice_notes_are_typed_and_other_kinds_named() {
        var location = messages.toInbound(message("15550001111@s.whatsapp.net", "15550001111@s.whatsapp.net", false,
                MessageContainer.of(new LocationMessageBuilder().latitude(45.46).longitude(9.19).name("Duomo").build())))
                .orElseThrow().message().content();
        assertThat(location).isEqualTo(new Content.Location(45.46, 9.19, "Duomo"));
        var document = messages.toInbound(message("15550001111@s.whatsapp.net", "15550001111@s.whatsapp.net", false,
                MessageContainer.of(new DocumentMessageBuilder().fileName("report.pdf").mimetype("application/pdf").build())))
                .orElseThrow().message().content();
        assertThat(document).isInstanceOfSatisfying(Content.Attachment.class, a -> {
            assertThat(a.kind()).isEqualTo(MediaKind.DOCUMENT);
            assertThat(a.fileName()).hasValue("report.pdf");
        });
        var voice = messages.toInbound(message("15550001111@s.whatsapp.net", "15550001111@s.whatsapp.net", false,
                MessageContainer.of(new AudioMessageBuilder().voiceMessage(true).build()))).orElseThrow().message().content();
        assertThat(voice.kindName()).isEqualTo("voice");
        var poll = messages.toInbound(message("15550001111@s.whatsapp.net", "15550001111@s.whatsapp.net", false,
                MessageContainer.of(new PollCreationMessageBuilder().title("Lunch?").build()))).orElseThrow().message().content();
        assertThat(poll).isEqualTo(new Content.Other("poll_creation"));
    }

    @Test
    void media_is_fetched_only_from_whatsapps_own_hosts_whatever_the_sender_wrote() {
        byte[] key = new byte[32];
        java.util.function.Function<ImageMessageBuilder, java.util.Optional<MediaReference>> reference = builder ->
                MediaReference.of(builder.mediaKey(key).build());
        assertThat(reference.apply(new ImageMessageBuilder().mediaUrl("https://mmg.whatsapp.net/v/t62/abc.enc")))
                .map(MediaReference::url).hasValue("https://mmg.whatsapp.net/v/t62/abc.enc");
        assertThat(reference.apply(new ImageMessageBuilder().mediaUrl("http://127.0.0.1:8080/admin").mediaDirectPath("/v/t62/x")))
                .as("an address of the sender's choice gives way to the direct path on WhatsApp's host")
                .map(MediaReference::url).hasValue("https://mmg.whatsapp.net/v/t62/x");
        assertThat(reference.apply(new ImageMessageBuilder().mediaDirectPath("@evil.example/x"))).isEmpty();
        assertThat(reference.apply(new ImageMessageBuilder().mediaUrl("https://mmg.whatsapp.net.evil.example/x"))).isEmpty();
    }

    @Test
    void a_decrypted_vote_on_the_bots_poll_is_an_event_not_a_message() {
        var key = new ChatMessageKeyBuilder().chatJid(Jid.of("120363000000000001@g.us")).fromMe(true).id("3EB0POLL").build();
        var update = new PollUpdateMessageBuilder().pollCreationMessageKey(key)
                .votes(List.of(new PollOptionBuilder().name("Pizza").build())).build();
        var info = message("120363000000000001@g.us", "15550001111@s.whatsapp.net", false, MessageContainer.of(update));
        assertThat(messages.toInbound(info)).as("no plugin gets a vote as a message").isEmpty();
        assertThat(messages.vote(info)).hasValueSatisfying(vote -> {
            assertThat(vote.pollId()).isEqualTo("3EB0POLL");
            assertThat(vote.voter()).isEqualTo(UserId.of("15550001111"));
            assertThat(vote.selected()).containsExactly("Pizza");
            assertThat(vote.chat().id()).isEqualTo(ChatId.of("120363000000000001@g.us"));
        });
    }

    private static Node stanza(String id, String lid, String phone) {
        return Node.of("message", Map.of("from", "120363000000000001@g.us", "participant", lid, "participant_pn", phone,
                "id", id), (Object) null);
    }

    @Test
    void a_message_that_overtakes_its_stanza_waits_for_it_and_is_mapped() throws Exception {
        // Cobalt runs the node listener and the message listener on separate virtual threads.
        var info = message("120363000000000001@g.us", "98765432101234@lid", false, MessageContainer.of("!ban"));
        try (var thread = Executors.newVirtualThreadPerTaskExecutor()) {
            var handled = thread.submit(() -> messages.toInbound(info));
            await().atMost(Duration.ofSeconds(10)).until(() -> messages.stanzas().waiting() == 1);
            messages.learn(stanza("3EB0ABC", "98765432101234@lid", "15550001111@s.whatsapp.net"));
            assertThat(handled.get(10, TimeUnit.SECONDS).orElseThrow().message().sender().id().value())
                    .isEqualTo("15550001111");
        }
    }

    @Test
    void a_message_without_a_stanza_keeps_its_lid_after_the_bounded_wait() {
        CobaltMessages impatient = new CobaltMessages(Duration.ofMillis(1));
        var info = message("120363000000000001@g.us", "98765432101234@lid", false, MessageContainer.of("!ban"));
        assertThat(impatient.toInbound(info).orElseThrow().message().sender().id().value()).isEqualTo("98765432101234@lid");
        assertThat(impatient.stanzas().waiting()).isZero();
    }

    @Test
    void a_phone_sender_or_an_already_mapped_lid_never_waits() {
        CobaltMessages never = new CobaltMessages(Duration.ofDays(1));
        never.learn(stanza("OTHER", "98765432101234@lid", "15550001111@s.whatsapp.net"));
        assertThat(never.toInbound(message("120363000000000001@g.us", "98765432101234@lid", false, MessageContainer.of("!a")))
                .orElseThrow().message().sender().id().value()).isEqualTo("15550001111");
        assertThat(never.toInbound(message("120363000000000001@g.us", "15550002222@s.whatsapp.net", false, MessageContainer.of("!b")))
                .orElseThrow().message().sender().id().value()).isEqualTo("15550002222");
    }
}
