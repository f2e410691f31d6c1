package dev.blacksky.core.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.api.message.Media;
import dev.blacksky.api.message.MediaKind;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.api.message.Poll;
import dev.blacksky.api.message.QuotedMessage;
import dev.blacksky.api.message.UserId;
import it.auties.whatsapp.model.jid.Jid;
import it.auties.whatsapp.model.message.standard.AudioMessage;
import it.auties.whatsapp.model.message.standard.DocumentMessage;
import it.auties.whatsapp.model.message.standard.ImageMessage;
import it.auties.whatsapp.model.message.standard.PollCreationMessage;
import it.auties.whatsapp.model.message.standard.ReactionMessage;
import it.auties.whatsapp.model.message.standard.TextMessage;
import it.auties.whatsapp.model.poll.PollOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutgoingMessagesTest {

    private static final Jid SELF = Jid.of("15559990000");
    private static final Instant NOW = Instant.ofEpochSecond(1_790_000_000L, 123_000_000);

    @Test
    void a_reaction_addresses_its_target_by_chat_sender_and_id_and_goes_under_our_own_id() {
        var target = new ReactionTargets.Target(Jid.of("120363000000000001@g.us"), Jid.of("98765432101234@lid"), "3EB0TARGET");
        var info = OutgoingMessages.reaction(SELF, target, "👍", "3EB0OURS", NOW);

        assertThat(info.id()).isEqualTo("3EB0OURS");
        assertThat(info.fromMe()).isTrue();
        assertThat(info.chatJid()).isEqualTo(target.chat());
        var reaction = (ReactionMessage) info.message().content();
        assertThat(reaction.content()).isEqualTo("👍");
        assertThat(reaction.key().id()).isEqualTo("3EB0TARGET");
        assertThat(reaction.key().chatJid()).isEqualTo(target.chat());
        assertThat(reaction.key().senderJid()).contains(target.sender());
        assertThat(reaction.key().fromMe()).isFalse();
        assertThat(reaction.timestampSeconds()).as("milliseconds, as Cobalt's sendReaction sets it").isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void a_reaction_to_our_own_message_is_keyed_as_from_me() {
        var target = new ReactionTargets.Target(Jid.of("15550001111"), Jid.of("15559990000"), "3EB0MINE");
        var reaction = (ReactionMessage) OutgoingMessages.reaction(SELF, target, "✅", "3EB0OURS", NOW).message().content();
        assertThat(reaction.key().fromMe()).isTrue();
    }

    @Test
    void a_text_goes_under_the_outbox_id() throws Exception {
        var info = OutgoingMessages.message(SELF, Jid.of("15550001111"), OutgoingMessage.text("pong"), "3EB0OUTBOX", NOW);
        assertThat(info.id()).isEqualTo("3EB0OUTBOX");
        assertThat(CobaltMessages.text(info.message())).contains("pong");
        assertThat(info.timestampSeconds()).hasValue(NOW.getEpochSecond());
    }

    @Test
    void mentions_and_a_quote_travel_together_in_the_context() throws Exception {
        var outgoing = OutgoingMessage.text("📣 @15550001111 @98765432101234").mentioning(UserId.of("15550001111"),
                UserId.of("98765432101234@lid")).quoting(new QuotedMessage("3EB0Q", UserId.of("15550002222"), "!tagall"));
        var info = OutgoingMessages.message(SELF, Jid.of("120363000000000001@g.us"), outgoing, "3EB0OUT", NOW);
        assertThat(info.id()).isEqualTo("3EB0OUT");
        var text = (TextMessage) info.message().content();
        var context = text.contextInfo().orElseThrow();
        assertThat(context.mentions()).extracting(Jid::toString)
                .containsExactly("15550001111@s.whatsapp.net", "98765432101234@lid");
        assertThat(context.quotedMessageId()).hasValue("3EB0Q");
        assertThat(context.quotedMessageSenderJid()).map(Jid::toString).hasValue("15550002222@s.whatsapp.net");
        assertThat(context.quotedMessage().flatMap(CobaltMessages::text)).hasValue("!tagall");
    }

    @Test
    void each_media_kind_maps_to_its_message_type_with_caption_and_name() throws Exception {
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        var image = OutgoingMessages.message(SELF, Jid.of("15550001111"),
                OutgoingMessage.of(Media.image(png, "image/png")).withText("scan me"), "3EB0IMG", NOW);
        assertThat(image.message().content()).isInstanceOfSatisfying(ImageMessage.class, m -> {
            assertThat(m.caption()).hasValue("scan me");
            assertThat(m.mimetype()).hasValue("image/png");
            assertThat(m.decodedMedia()).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(png));
        });
        var document = OutgoingMessages.message(SELF, Jid.of("15550001111"), OutgoingMessage.of(
                Media.of(MediaKind.DOCUMENT, "%PDF-1.4".getBytes(), "application/pdf").named("report.pdf")), "3EB0DOC", NOW);
        assertThat(document.message().content()).isInstanceOfSatisfying(DocumentMessage.class,
                m -> assertThat(m.fileName()).hasValue("report.pdf"));
        var voice = OutgoingMessages.message(SELF, Jid.of("15550001111"), OutgoingMessage.of(
                Media.of(MediaKind.VOICE, new byte[] {1, 2, 3}, "audio/ogg; codecs=opus")), "3EB0PTT", NOW);
        assertThat(voice.message().content()).isInstanceOfSatisfying(AudioMessage.class, m -> assertThat(m.voiceMessage()).isTrue());
    }

    @Test
    void a_poll_is_a_native_poll_creation_under_our_id() throws Exception {
        var info = OutgoingMessages.message(SELF, Jid.of("120363000000000001@g.us"),
                OutgoingMessage.poll(Poll.of("Lunch?", "Pizza", "Sushi")), "3EB0POLL", NOW);
        assertThat(info.id()).isEqualTo("3EB0POLL");
        assertThat(info.message().content()).isInstanceOfSatisfying(PollCreationMessage.class, poll -> {
            assertThat(poll.title()).isEqualTo("Lunch?");
            assertThat(poll.selectableOptions()).extracting(PollOption::name).containsExactly("Pizza", "Sushi");
        });
    }
}
