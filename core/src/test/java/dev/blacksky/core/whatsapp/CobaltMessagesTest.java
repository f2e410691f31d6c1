package dev.blacksky.core.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.api.message.ChatType;
import dev.blacksky.core.transport.Inbound;
import it.auties.whatsapp.model.info.ChatMessageInfo;
import it.auties.whatsapp.model.info.ChatMessageInfoBuilder;
import it.auties.whatsapp.model.jid.Jid;
import it.auties.whatsapp.model.message.model.ChatMessageKeyBuilder;
import it.auties.whatsapp.model.message.model.MessageContainer;
import it.auties.whatsapp.model.node.Node;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CobaltMessagesTest {

    private final CobaltMessages messages = new CobaltMessages();

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
    void own_messages_are_dropped_and_empty_ones_counted() {
        assertThat(messages.toInbound(message("15550001111@s.whatsapp.net", "15550002222@s.whatsapp.net", true,
                MessageContainer.of("pong")))).isEmpty();
        assertThat(messages.skipped()).isZero();
        assertThat(messages.toInbound(message("15550001111@s.whatsapp.net", "15550001111@s.whatsapp.net", false,
                MessageContainer.empty()))).isEmpty();
        assertThat(messages.skipped()).isEqualTo(1);
    }
}
