package dev.blacksky.core.whatsapp;

import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.QuotedMessage;
import dev.blacksky.api.message.User;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.transport.Inbound;
import it.auties.whatsapp.model.chat.ChatMetadata;
import it.auties.whatsapp.model.chat.ChatRole;
import it.auties.whatsapp.model.info.ChatMessageInfo;
import it.auties.whatsapp.model.info.ContextInfo;
import it.auties.whatsapp.model.info.MessageInfo;
import it.auties.whatsapp.model.jid.Jid;
import it.auties.whatsapp.model.jid.JidServer;
import it.auties.whatsapp.model.message.model.ContextualMessage;
import it.auties.whatsapp.model.message.model.MessageContainer;
import it.auties.whatsapp.model.message.standard.DocumentMessage;
import it.auties.whatsapp.model.message.standard.ImageMessage;
import it.auties.whatsapp.model.message.standard.TextMessage;
import it.auties.whatsapp.model.message.standard.VideoOrGifMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns Cobalt's messages into ours: JIDs normalised (Cobalt's Jid equality is unreliable), LIDs mapped to phones. */
public final class CobaltMessages {

    private static final String LID = "@lid";

    private final LidDirectory lids = new LidDirectory(10_000);
    private final MessageStanzas stanzas = new MessageStanzas();
    private final Duration lidMappingWait;

    /** {@code lidMappingWait}: how long a LID sender's message waits for its own stanza (see {@link MessageStanzas}). */
    public CobaltMessages(Duration lidMappingWait) {
        this.lidMappingWait = lidMappingWait;
    }

    LidDirectory lids() {
        return lids;
    }

    MessageStanzas stanzas() {
        return stanzas;
    }

    /** Learns what a raw stanza tells about senders (LID to phone number), then releases its waiting message. */
    public void learn(it.auties.whatsapp.model.node.Node node) {
        if (node.hasDescription("message")) {
            lids.learn(node);
            String id = node.attributes().getString("id", null);
            if (id != null) {
                stanzas.arrived(id);
            }
        }
    }

    /** The message as the host sees it, or empty for one the bot must not handle. */
    public Optional<Inbound> toInbound(MessageInfo<?> info) {
        if (!(info instanceof ChatMessageInfo chat) || chat.fromMe()) {
            return Optional.empty();
        }
        // A message Cobalt could not decrypt arrives with empty content.
        Optional<String> text = text(chat.message()).filter(t -> !t.isBlank());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Jid chatJid = chat.chatJid().toSimpleJid();
        boolean group = chatJid.hasServer(JidServer.groupOrCommunity());
        UserId sender = sender(chat);
        String name = chat.pushName().or(() -> Optional.ofNullable(chat.senderName())).orElse(sender.value());
        Instant at = Instant.ofEpochSecond(chat.timestampSeconds().orElse(0));
        Optional<ContextInfo> context = chat.message().content() instanceof ContextualMessage<?> contextual
                ? contextual.contextInfo() : Optional.empty();
        Message message = new Message(chat.id(),
                new Chat(ChatId.of(chatJid.toString()), group ? ChatType.GROUP : ChatType.PRIVATE, group ? chatJid.user() : name),
                new User(sender, name), text.get(), at, context.flatMap(this::quoted), mentions(context));
        return Optional.of(new Inbound(message, false));
    }

    /** The text a message carries: a conversation, an extended text or a media caption; empty for anything else. */
    static Optional<String> text(MessageContainer container) {
        if (container == null || container.isEmpty()) {
            return Optional.empty();
        }
        return switch (container.content()) {
            case TextMessage text -> Optional.ofNullable(text.text());
            case ImageMessage image -> image.caption();
            case VideoOrGifMessage video -> video.caption();
            case DocumentMessage document -> document.caption();
            default -> Optional.empty();
        };
    }

    // A quote without its author's JID cannot be attributed honestly, so it is left out rather than guessed.
    private Optional<QuotedMessage> quoted(ContextInfo context) {
        Optional<String> id = context.quotedMessageId().filter(quotedId -> !quotedId.isBlank());
        Optional<Jid> author = context.quotedMessageSenderJid();
        if (id.isEmpty() || author.isEmpty()) {
            return Optional.empty();
        }
        String quotedText = context.quotedMessage().flatMap(CobaltMessages::text).orElse("");
        return Optional.of(new QuotedMessage(id.get(), user(author.get()), quotedText));
    }

    private List<UserId> mentions(Optional<ContextInfo> context) {
        List<Jid> mentioned = context.map(ContextInfo::mentions).orElse(List.of());
        return mentioned == null ? List.of() : mentioned.stream().map(this::user).distinct().toList();
    }

    // Its stanza's phone-number attributes may still be on another thread: wait for them before giving up.
    private UserId sender(ChatMessageInfo chat) {
        UserId sender = user(chat.senderJid());
        if (sender.value().endsWith(LID) && stanzas.await(chat.id(), lidMappingWait)) {
            return user(chat.senderJid());
        }
        return sender;
    }

    /** A JID as the api's user id, normalised and LID-mapped like every sender. */
    private UserId user(Jid jid) {
        return UserId.of(userId(lids.resolve(normalise(jid))));
    }

    /** The api user ids of a group's admins and founder, LIDs mapped where known. */
    Set<String> admins(ChatMetadata metadata) {
        return metadata.participants().stream()
                .filter(p -> p.role() == ChatRole.ADMIN || p.role() == ChatRole.FOUNDER)
                .map(p -> userId(lids.resolve(normalise(p.jid()))))
                .collect(Collectors.toUnmodifiableSet());
    }


    static String normalise(Jid jid) {
        return jid.toSimpleJid().toString();
    }

    /** The same for a JID as a stanza attribute gives it. */
    static String normalise(String jid) {
        return normalise(Jid.of(jid));
    }

    /** The api's user id: a phone user's digits; a LID keeps its {@code @lid} form (see {@code UserId}). */
    static String userId(String jid) {
        return UserId.parse(jid).value();
    }
}
