package dev.blacksky.core.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import it.auties.whatsapp.model.jid.Jid;
import it.auties.whatsapp.model.message.standard.ReactionMessage;
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
    void a_text_goes_under_the_outbox_id() {
        var info = OutgoingMessages.text(SELF, Jid.of("15550001111"), "pong", "3EB0OUTBOX", NOW);
        assertThat(info.id()).isEqualTo("3EB0OUTBOX");
        assertThat(CobaltMessages.text(info.message())).contains("pong");
        assertThat(info.timestampSeconds()).hasValue(NOW.getEpochSecond());
    }
}
