package dev.blacksky.core.whatsapp;

import it.auties.whatsapp.model.chat.Chat;
import it.auties.whatsapp.model.info.ChatMessageInfo;
import java.time.Duration;
import java.time.Instant;
import it.auties.whatsapp.model.sync.HistorySyncMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Keeps Cobalt's message history short. Cobalt 0.0.10 keeps every message of every chat in memory and
 * rewrites it to the chat files with each session write (cobalt.md, "Retention"), so a bot in busy groups
 * would grow without end. The bot needs none of that history (its journal and dedup are its own); only
 * recent messages are kept, for WhatsApp's retry requests and status updates about them.
 */
final class MessageRetention {

    private static final int ONE_BY_ONE = 64; // each removal scans the chat: beyond this, rebuild it instead

    private final Duration keep;

    MessageRetention(Duration keep) {
        this.keep = keep;
    }

    /** Drops every message older than the retention from the chats; returns how many went. */
    int prune(Collection<Chat> chats, Instant now) {
        long cutoff = now.minus(keep).getEpochSecond();
        int removed = 0;
        for (Chat chat : chats) {
            removed += prune(chat, cutoff);
        }
        return removed;
    }

    // Cobalt's removeMessage(Predicate) removes only the newest match per call (its ConcurrentLinkedSet.removeIf
    // stops at the first hit, scanning from the newest end), so a few old messages are removed one call each,
    // and a long backlog (a store restored after days) is cleared and the recent messages put back.
    private static int prune(Chat chat, long cutoff) {
        List<ChatMessageInfo> old = new ArrayList<>();
        List<ChatMessageInfo> recent = new ArrayList<>();
        for (HistorySyncMessage message : List.copyOf(chat.messages())) {
            ChatMessageInfo info = message.messageInfo();
            // A message without a timestamp cannot be aged; it stays (Cobalt sets one on every message it keeps).
            (info.timestampSeconds().orElse(Long.MAX_VALUE) < cutoff ? old : recent).add(info);
        }
        if (old.isEmpty()) {
            return 0;
        }
        if (old.size() <= ONE_BY_ONE) {
            int removed = 0;
            for (ChatMessageInfo info : old) {
                removed += chat.removeMessage(info) ? 1 : 0;
            }
            return removed;
        }
        chat.removeMessages();
        recent.forEach(chat::addNewMessage);
        return old.size();
    }
}
