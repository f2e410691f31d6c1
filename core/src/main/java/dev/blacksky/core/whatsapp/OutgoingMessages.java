package dev.blacksky.core.whatsapp;

import dev.blacksky.api.message.Media;
import dev.blacksky.api.message.MediaKind;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.api.message.QuotedMessage;
import dev.blacksky.api.message.UserId;
import it.auties.whatsapp.api.Whatsapp;
import it.auties.whatsapp.model.info.ChatMessageInfo;
import it.auties.whatsapp.model.info.ChatMessageInfoBuilder;
import it.auties.whatsapp.model.info.ContextInfo;
import it.auties.whatsapp.model.info.ContextInfoBuilder;
import it.auties.whatsapp.model.jid.Jid;
import it.auties.whatsapp.model.message.model.ChatMessageKeyBuilder;
import it.auties.whatsapp.model.message.model.MessageContainer;
import it.auties.whatsapp.model.message.standard.AudioMessageSimpleBuilder;
import it.auties.whatsapp.model.message.standard.DocumentMessageSimpleBuilder;
import it.auties.whatsapp.model.message.standard.ImageMessageSimpleBuilder;
import it.auties.whatsapp.model.message.standard.PollCreationMessageSimpleBuilder;
import it.auties.whatsapp.model.message.standard.ReactionMessageBuilder;
import it.auties.whatsapp.model.message.standard.SimpleStickerMessageBuilder;
import it.auties.whatsapp.model.message.standard.TextMessageBuilder;
import it.auties.whatsapp.model.message.standard.VideoMessageSimpleBuilder;
import it.auties.whatsapp.model.poll.PollOptionBuilder;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/** Builds outgoing messages under an id we choose, which Cobalt's text and reaction helpers do not allow. */
final class OutgoingMessages {

    private OutgoingMessages() {
    }

    /** Text or media with its mentions and quote, built offline; for media, Cobalt uploads the bytes when it sends. */
    static ChatMessageInfo message(Whatsapp from, Jid chat, OutgoingMessage message, String messageId) throws IOException {
        return message(self(from), chat, message, messageId, Instant.now());
    }

    static ChatMessageInfo message(Jid self, Jid chat, OutgoingMessage message, String messageId, Instant now)
            throws IOException {
        // Built by hand: Cobalt's quoting helper replaces the mentions with an empty list.
        ContextInfo context = new ContextInfoBuilder()
                .mentions(message.mentions().stream().map(OutgoingMessages::jid).toList())
                .quotedMessageId(message.quote().map(QuotedMessage::messageId).orElse(null))
                .quotedMessageSenderJid(message.quote().map(q -> jid(q.sender())).orElse(null))
                .quotedMessage(message.quote().map(q -> MessageContainer.of(q.text())).orElse(null))
                .build();
        if (message.poll().isPresent()) {
            var poll = new PollCreationMessageSimpleBuilder().title(message.poll().get().question())
                    .selectableOptions(message.poll().get().options().stream()
                            .map(option -> new PollOptionBuilder().name(option).build()).toList())
                    .build();
            return message(self, chat, MessageContainer.of(poll), messageId, now);
        }
        if (message.media().isEmpty()) {
            return message(self, chat, MessageContainer.of(new TextMessageBuilder().text(message.text()).contextInfo(context)
                    .build()), messageId, now);
        }
        Media media = message.media().get();
        byte[] bytes;
        try (var in = media.open()) {
            bytes = in.readAllBytes();
        }
        String caption = message.text().isEmpty() ? null : message.text();
        var content = switch (media.kind()) {
            case IMAGE -> MessageContainer.of(new ImageMessageSimpleBuilder().media(bytes).mimeType(media.mimeType())
                    .caption(caption).contextInfo(context).build());
            case VIDEO -> MessageContainer.of(new VideoMessageSimpleBuilder().media(bytes).mimeType(media.mimeType())
                    .caption(caption).contextInfo(context).build());
            case AUDIO, VOICE -> MessageContainer.of(new AudioMessageSimpleBuilder().media(bytes).mimeType(media.mimeType())
                    .voiceMessage(media.kind() == MediaKind.VOICE).contextInfo(context).build());
            case DOCUMENT -> MessageContainer.of(new DocumentMessageSimpleBuilder().media(bytes).mimeType(media.mimeType())
                    .fileName(documentName(media)).title(caption).contextInfo(context).build());
            case STICKER -> MessageContainer.of(new SimpleStickerMessageBuilder().media(bytes).mimeType(media.mimeType())
                    .contextInfo(context).build());
        };
        return message(self, chat, content, messageId, now);
    }

    // Cobalt refuses a document name without an extension.
    private static String documentName(Media media) {
        String name = media.fileName().orElse("document");
        return name.contains(".") ? name : name + ".bin";
    }

    /** The JID of an api user id: a phone number's digits, or a LID. */
    static Jid jid(UserId user) {
        return WhatsAppTransport.jid(user.value().contains("@") ? user.value() : user.value() + "@s.whatsapp.net");
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

    static ChatMessageInfo message(Jid self, Jid chat, MessageContainer content, String messageId, Instant now) {
        var key = new ChatMessageKeyBuilder().chatJid(chat).fromMe(true).id(messageId).senderJid(self).build();
        return new ChatMessageInfoBuilder().key(key).senderJid(self).message(content)
                .timestampSeconds(now.getEpochSecond()).build();
    }

    // Known once logged in; without it Cobalt itself refuses to send.
    private static Jid self(Whatsapp from) {
        return from.store().jid().map(Jid::toSimpleJid).orElse(null);
    }
}
