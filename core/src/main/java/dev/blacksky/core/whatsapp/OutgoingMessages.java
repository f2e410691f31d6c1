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
        var key = new ChatMessageKeyBuilder().chatJid(chat).fromMe(true).id(messageId);
        from.store().jid().ifPresent(self -> key.senderJid(self.toSimpleJid()));
        var info = new ChatMessageInfoBuilder().key(key.build()).message(MessageContainer.of(text))
                .timestampSeconds(Instant.now().getEpochSecond());
        from.store().jid().ifPresent(self -> info.senderJid(self.toSimpleJid()));
        return info.build();
    }
}
