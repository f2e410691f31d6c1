package dev.blacksky.core.whatsapp;

import it.auties.whatsapp.api.Whatsapp;
import it.auties.whatsapp.model.info.ChatMessageInfo;
import it.auties.whatsapp.model.info.ChatMessageInfoBuilder;
import it.auties.whatsapp.model.jid.Jid;
import it.auties.whatsapp.model.message.model.ChatMessageKeyBuilder;
import it.auties.whatsapp.model.message.model.MessageContainer;
import java.time.Instant;

/** Builds outgoing messages under an id we choose, which Cobalt's text helpers do not allow. */
final class OutgoingMessages {

    private OutgoingMessages() {
    }

    static ChatMessageInfo text(Whatsapp from, Jid chat, String text, String messageId) {
        Jid self = from.store().jid().map(Jid::toSimpleJid).orElse(null); // known once logged in
        var key = new ChatMessageKeyBuilder().chatJid(chat).fromMe(true).id(messageId).senderJid(self).build();
        return new ChatMessageInfoBuilder().key(key).senderJid(self).message(MessageContainer.of(text))
                .timestampSeconds(Instant.now().getEpochSecond()).build();
    }
}
