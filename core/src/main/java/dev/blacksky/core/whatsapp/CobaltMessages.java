package dev.blacksky.core.whatsapp;

import dev.blacksky.api.event.PollVotedEvent;
import dev.blacksky.api.group.GroupInfo;
import dev.blacksky.api.group.GroupMember;
import dev.blacksky.api.group.GroupRole;
import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.Content;
import dev.blacksky.api.message.MediaKind;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.QuotedMessage;
import dev.blacksky.api.message.User;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.transport.Inbound;
import it.auties.whatsapp.model.chat.ChatMetadata;
import it.auties.whatsapp.model.info.ChatMessageInfo;
import it.auties.whatsapp.model.info.ContextInfo;
import it.auties.whatsapp.model.info.MessageInfo;
import it.auties.whatsapp.model.jid.Jid;
import it.auties.whatsapp.model.jid.JidServer;
import it.auties.whatsapp.model.message.model.ContextualMessage;
import it.auties.whatsapp.model.message.model.MediaMessage;
import it.auties.whatsapp.model.message.model.Message.Type;
import it.auties.whatsapp.model.message.model.MessageContainer;
import it.auties.whatsapp.model.message.standard.AudioMessage;
import it.auties.whatsapp.model.message.standard.ContactMessage;
import it.auties.whatsapp.model.message.standard.DocumentMessage;
import it.auties.whatsapp.model.message.standard.ImageMessage;
import it.auties.whatsapp.model.message.standard.LocationMessage;
import it.auties.whatsapp.model.message.standard.PollUpdateMessage;
import it.auties.whatsapp.model.message.standard.StickerMessage;
import it.auties.whatsapp.model.message.standard.TextMessage;
import it.auties.whatsapp.model.message.standard.VideoOrGifMessage;
import it.auties.whatsapp.model.poll.PollOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /** A vote on one of the bot's polls, which Cobalt decrypted, as the api's event; empty for anything else. */
    public Optional<PollVotedEvent> vote(MessageInfo<?> info) {
        if (!(info instanceof ChatMessageInfo chat) || chat.fromMe() || chat.message() == null
                || !(chat.message().content() instanceof PollUpdateMessage update)) {
            return Optional.empty();
        }
        Jid chatJid = chat.chatJid().toSimpleJid();
        boolean group = chatJid.hasServer(JidServer.groupOrCommunity());
        UserId voter = sender(chat);
        ChatId chatId = ChatId.of(group ? chatJid.toString() : userId(lids.resolve(normalise(chatJid))));
        return Optional.of(new PollVotedEvent(new Chat(chatId, group ? ChatType.GROUP : ChatType.PRIVATE,
                group ? chatJid.user() : voter.value()), update.pollCreationMessageKey().id(), voter,
                update.votes().stream().map(PollOption::name).toList(),
                Instant.ofEpochSecond(chat.timestampSeconds().orElse(0))));
    }

    /** The message as the host sees it, or empty for one the bot must not handle. */
    public Optional<Inbound> toInbound(MessageInfo<?> info) {
        if (!(info instanceof ChatMessageInfo chat) || chat.fromMe()) {
            return Optional.empty();
        }
        // A message Cobalt could not decrypt arrives with empty content; protocol traffic is not for plugins.
        Optional<Content> content = content(chat.message());
        if (content.isEmpty()) {
            return Optional.empty();
        }
        String text = text(chat.message()).orElse("");
        if (content.get() instanceof Content.Text && text.isBlank()) {
            return Optional.empty();
        }
        Jid chatJid = chat.chatJid().toSimpleJid();
        boolean group = chatJid.hasServer(JidServer.groupOrCommunity());
        UserId sender = sender(chat);
        String name = chat.pushName().or(() -> Optional.ofNullable(chat.senderName())).orElse(sender.value());
        Instant at = Instant.ofEpochSecond(chat.timestampSeconds().orElse(0));
        Optional<ContextInfo> context = chat.message().content() instanceof ContextualMessage<?> contextual
                ? contextual.contextInfo() : Optional.empty();
        // A private chat's id is its user's id, as ChatId.of(UserId) gives it on every transport.
        ChatId chatId = ChatId.of(group ? chatJid.toString() : userId(lids.resolve(normalise(chatJid))));
        Message message = new Message(chat.id(),
                new Chat(chatId, group ? ChatType.GROUP : ChatType.PRIVATE, group ? chatJid.user() : name),
                new User(sender, name), text, at, context.flatMap(this::quoted), mentions(context), content.get());
        return Optional.of(new Inbound(message, false));
    }

    // Kinds that are protocol traffic, not something a user sent.
    private static final Set<Type> INTERNAL = java.util.EnumSet.of(
            Type.EMPTY, Type.PROTOCOL, Type.SENDER_KEY_DISTRIBUTION, Type.KEEP_IN_CHAT,
            Type.DEVICE_SYNC, Type.STICKER_SYNC, Type.ENCRYPTED_REACTION, Type.POLL_UPDATE);

    /** What a message carries for the api; empty for protocol traffic and undecryptable messages. */
    static Optional<Content> content(MessageContainer container) {
        if (container == null || container.isEmpty() || INTERNAL.contains(container.deepType())) {
            return Optional.empty();
        }
        return Optional.of(switch (container.content()) {
            case TextMessage text -> Content.TEXT;
            case ImageMessage m -> attachment(MediaKind.IMAGE, m, m.mimetype(), Optional.empty());
            case VideoOrGifMessage m -> attachment(MediaKind.VIDEO, m, m.mimetype(), Optional.empty());
            case AudioMessage m -> attachment(m.voiceMessage() ? MediaKind.VOICE : MediaKind.AUDIO, m, m.mimetype(),
                    Optional.empty());
            case DocumentMessage m -> attachment(MediaKind.DOCUMENT, m, m.mimetype(), m.fileName());
            case StickerMessage m -> attachment(MediaKind.STICKER, m, m.mimetype(), Optional.empty());
            case LocationMessage l -> new Content.Location(l.latitude(), l.longitude(), l.name().orElse(""));
            case ContactMessage c -> new Content.Contact(c.name(), c.vcard() == null ? "" : c.vcard().toVcard());
            default -> new Content.Other(container.deepType().name().toLowerCase(java.util.Locale.ROOT));
        });
    }

    private static Content attachment(MediaKind kind, MediaMessage<?> media, Optional<String> mime, Optional<String> name) {
        String reference = MediaReference.of(media).map(MediaReference::encode).orElse("");
        return new Content.Attachment(kind, mime.orElse("application/octet-stream"), media.mediaSize().orElse(0), name,
                reference);
    }

    /** A group's metadata as the api sees it: roles mapped, LIDs resolved to phone numbers where known. */
    GroupInfo group(ChatMetadata metadata) {
        List<GroupMember> members = metadata.participants().stream().map(p -> new GroupMember(
                UserId.of(userId(lids.resolve(normalise(p.jid())))), switch (p.role()) {
                    case FOUNDER -> GroupRole.SUPER_ADMIN;
                    case ADMIN -> GroupRole.ADMIN;
                    default -> GroupRole.MEMBER;
                })).toList();
        return new GroupInfo(ChatId.of(normalise(metadata.jid())), metadata.subject(), metadata.description().orElse(""),
                members, false);
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
