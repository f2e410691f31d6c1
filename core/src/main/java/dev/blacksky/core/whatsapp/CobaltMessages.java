package dev.blacksky.core.whatsapp;

import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.User;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.transport.Inbound;
import it.auties.whatsapp.model.info.ChatMessageInfo;
import it.auties.whatsapp.model.info.MessageInfo;
import it.auties.whatsapp.model.jid.Jid;
import it.auties.whatsapp.model.jid.JidServer;
import it.auties.whatsapp.model.message.standard.TextMessage;
import java.time.Instant;
import it.auties.whatsapp.model.chat.ChatMetadata;
import it.auties.whatsapp.model.chat.ChatRole;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns Cobalt's messages into ours: own messages dropped, empty or undecryptable ones counted and skipped,
 * JIDs normalised to user@server without a device part (Cobalt's Jid equality is unreliable, cobalt.md), and
 * LID senders mapped to their phone number where the server told us (see {@link LidDirectory}).
 */
public final class CobaltMessages {

    private final AtomicLong skipped = new AtomicLong();
    private final LidDirectory lids = new LidDirectory(10_000);

    LidDirectory lids() {
        return lids;
    }

    /** Learns what a raw stanza tells about senders (LID to phone number), before its message arrives. */
    public void learn(it.auties.whatsapp.model.node.Node node) {
        if (node.hasDescription("message")) {
            lids.learn(node);
        }
    }

    /** The message as the host sees it, or empty for one the bot must not handle. */
    public Optional<Inbound> toInbound(MessageInfo<?> info) {
        if (!(info instanceof ChatMessageInfo chat) || chat.fromMe()) {
            return Optional.empty();
        }
        // A message Cobalt could not decrypt arrives with empty content (cobalt.md section 5).
        if (chat.message() == null || chat.message().isEmpty() || !(chat.message().content() instanceof TextMessage text)
                || text.text() == null || text.text().isBlank()) {
            skipped.incrementAndGet();
            return Optional.empty();
        }
        Jid chatJid = chat.chatJid().toSimpleJid();
        boolean group = chatJid.hasServer(JidServer.groupOrCommunity());
        String sender = userId(lids.resolve(normalise(chat.senderJid())));
        String name = chat.pushName().or(() -> Optional.ofNullable(chat.senderName())).orElse(sender);
        Instant at = Instant.ofEpochSecond(chat.timestampSeconds().orElse(0));
        Message message = Message.text(chat.id(),
                new Chat(ChatId.of(chatJid.toString()), group ? ChatType.GROUP : ChatType.PRIVATE, group ? chatJid.user() : name),
                new User(UserId.of(sender), name), text.text(), at);
        return Optional.of(new Inbound(message, false));
    }

    /** The api user ids of a group's admins and founder, LIDs mapped where known. */
    Set<String> admins(ChatMetadata metadata) {
        return metadata.participants().stream()
                .filter(p -> p.role() == ChatRole.ADMIN || p.role() == ChatRole.FOUNDER)
                .map(p -> userId(lids.resolve(normalise(p.jid()))))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** How many messages were skipped as empty, undecryptable or not text. */
    public long skipped() {
        return skipped.get();
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
        return jid.endsWith("@s.whatsapp.net") ? jid.substring(0, jid.indexOf('@')) : jid;
    }
}
