package dev.blacksky.core.whatsapp;

import it.auties.whatsapp.model.chat.Chat;
import it.auties.whatsapp.model.message.standard.PollCreationMessage;
import it.auties.whatsapp.model.sync.HistorySyncMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Keeps Cobalt's message history short: it keeps every message in memory and rewrites it with each session write. */
final class MessageRetention {

    private final Duration keep;

    private static final Duration POLL_EXTRA = Duration.ofDays(7);

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

    // Cobalt's removeMessage(Predicate) removes only one match per call (its ConcurrentLinkedSet.removeIf stops
    // at the first hit), so the old entries are removed in one removeAll on the chat's live set, under the set's
    // own lock: messages Cobalt adds meanwhile are untouched. Never with an empty argument: that removeAll then
    // unlocks a lock it does not hold and throws.
    private static int prune(Chat chat, long cutoff) {
        List<HistorySyncMessage> old = new ArrayList<>();
        for (HistorySyncMessage message : List.copyOf(chat.messages())) {
            // A message without a timestamp cannot be aged; it stays (Cobalt sets one on every message it keeps).
            // A poll stays a week: Cobalt decrypts a vote only while it holds the poll it is for.
            boolean poll = message.messageInfo().message() != null
                    && message.messageInfo().message().content() instanceof PollCreationMessage;
            long limit = poll ? cutoff - POLL_EXTRA.toSeconds() : cutoff;
            if (message.messageInfo().timestampSeconds().orElse(Long.MAX_VALUE) < limit) {
                old.add(message);
            }
        }
        if (old.isEmpty()) {
            return 0;
        }
        int before = chat.messages().size();
        chat.historySyncMessages().removeAll(old);
        return Math.max(0, before - chat.messages().size());
    }
}
