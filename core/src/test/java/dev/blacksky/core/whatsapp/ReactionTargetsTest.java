package dev.blacksky.core.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import it.auties.whatsapp.model.info.ChatMessageInfo;
import it.auties.whatsapp.model.info.ChatMessageInfoBuilder;
import it.auties.whatsapp.model.jid.Jid;
import it.auties.whatsapp.model.message.model.ChatMessageKeyBuilder;
import it.auties.whatsapp.model.message.model.MessageContainer;
import org.junit.jupiter.api.Test;

class ReactionTargetsTest {

    static ChatMessageInfo received(String chat, String sender, String id) {
        var key = new ChatMessageKeyBuilder().chatJid(Jid.of(chat)).senderJid(Jid.of(sender)).fromMe(false).id(id).build();
        return new ChatMessageInfoBuilder().key(key).senderJid(Jid.of(sender)).message(MessageContainer.of("!ping"))
                .timestampSeconds(1_790_000_000L).build();
    }

    @Test
    void keeps_the_sender_as_whatsapp_gave_it_without_the_device_part() {
        ReactionTargets targets = new ReactionTargets(10);
        targets.remember(received("120363000000000001@g.us", "98765432101234:4@lid", "3EB0A"), "120363000000000001@g.us");
        var target = targets.find("120363000000000001@g.us", "3EB0A").orElseThrow();
        // A LID stays a LID: WhatsApp addresses the reaction by the key it sent, not by our mapped phone digits.
        assertThat(target.sender().toString()).isEqualTo("98765432101234@lid");
        assertThat(target.chat().toString()).isEqualTo("120363000000000001@g.us");
        assertThat(target.id()).isEqualTo("3EB0A");
    }

    @Test
    void the_same_id_in_another_chat_is_another_message() {
        ReactionTargets targets = new ReactionTargets(10);
        // Private chats go by the user's id, as the api names them.
        targets.remember(received("15550001111@s.whatsapp.net", "15550001111@s.whatsapp.net", "3EB0A"), "15550001111");
        assertThat(targets.find("15550001111", "3EB0A")).isPresent();
        assertThat(targets.find("15550002222", "3EB0A")).isEmpty();
    }

    @Test
    void bounded_the_oldest_received_go_first() {
        ReactionTargets targets = new ReactionTargets(3);
        for (int i = 1; i <= 4; i++) {
            targets.remember(received("15550001111@s.whatsapp.net", "15550001111@s.whatsapp.net", "M" + i), "15550001111");
        }
        assertThat(targets.find("15550001111", "M1")).isEmpty();
        assertThat(targets.find("15550001111", "M2")).isPresent();
        assertThat(targets.find("15550001111", "M4")).isPresent();
    }
}
