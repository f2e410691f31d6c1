package dev.blacksky.core.dispatch;

import dev.blacksky.api.message.Message;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the last {@code capacity} message keys (chat, sender, id), so a redelivered message is not handled
 * twice; beyond that, the oldest key is forgotten first. In memory: the journal is the durable dedup.
 */
final class RecentMessages {

    private record Key(String chat, String sender, String id) {
    }

    private final Map<Key, Boolean> keys;

    RecentMessages(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the dedup capacity must be positive, got " + capacity);
        }
        this.keys = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Returns true the first time a message key is seen, false for a duplicate. */
    synchronized boolean firstTime(Message message) {
        return keys.putIfAbsent(new Key(message.chat().id().value(), message.sender().id().value(), message.id()),
                Boolean.TRUE) == null;
    }
}
