package dev.blacksky.core.whatsapp;

import it.auties.whatsapp.api.Whatsapp;
import it.auties.whatsapp.model.info.ChatMessageInfo;
import it.auties.whatsapp.model.info.ChatMessageInfoBuilder;
import it.auties.whatsapp.model.jid.Jid;
import it.auties.whatsapp.model.message.model.ChatMessageKeyBuilder;
import it.auties.whatsapp.model.message.model.MessageContainer;
import it.auties.whatsapp.model.message.standard.ReactionMessageBuilder;
import java.time.Instant;
import java.util.Objects;

/** Builds outgoing messages under an id we choose, which Cobalt's text and reaction helpers do not allow. */
final class OutgoingMessages {

    private OutgoingMessages() {
    }

    static ChatMessageInfo text(Whatsapp from, Jid chat, String text, String messageId) {
        return text(self(from), chat, text, messageId, Instant.now());
    }

    static ChatMessageInfo text(Jid self, Jid chat, String text, String messageId, Instant now) {
        return message(self, chat, MessageContainer.of(text), messageId, now);
    }

    static ChatMessageInfo reaction(Whatsapp from, ReactionTargets.Target target, String emoji, String messageId) {
        return reaction(self(from), target, emoji, messageId, Instant.now());
    }

    /** A reaction keyed as Cobalt keys its own, but sent under our id, so the server's ack for that id confirms it. */
    static ChatMessageInfo reaction(Jid self, ReactionTargets.Target target, String emoji, String messageId, Instant now) {
        boolean fromMe = self != null && Objects.equals(target.sender().toSimpleJid(), self.toSimpleJid());
        var key = new ChatMessageKeyBuilder().chatJid(target.chat()).senderJid(target.sender()).fromMe(fromMe)
                .id(target.id()).build();
        var reaction = new ReactionMessageBuilder().key(key).content(emoji).timestampSeconds(now.toEpochMilli()).build();
        return message(self, target.chat(), MessageContainer.of(reaction), messageId, now);
    }

    private static ChatMessageInfo message(Jid self, Jid chat, MessageContainer content, String messageId, Instant now) {
        var key = new ChatMessageKeyBuilder().chatJid(chat).fromMe(true).id(messageId).senderJid(self).build();
        return new ChatMessageInfoBuilder().key(key).senderJid(self).message(content)
                .timestampSeconds(now.getEpochSecond()).build();
    }

    // Known once logged in; without it Cobalt itself refuses to send.
    private static Jid self(Whatsapp from) {
        return from.store().jid().map(Jid::toSimpleJid).orElse(null);
    }
}
