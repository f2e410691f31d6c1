package dev.blacksky.core.dispatch;

import dev.blacksky.api.message.Message;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Remembers the last N message keys (chat, sender, id) so a redelivered message is not handled twice.
 * In memory, bounded and lock-free: a ring of the newest keys evicts the oldest from the set.
 */
final class RecentMessages {

    private record Key(String chat, String sender, String id) {
    }

    private final ConcurrentHashMap<Key, Boolean> seen;
    private final AtomicReferenceArray<Key> ring;
    private final AtomicLong next = new AtomicLong();

    RecentMessages(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the dedup capacity must be positive, got " + capacity);
        }
        this.seen = new ConcurrentHashMap<>(Math.min(capacity, 1 << 20) * 4 / 3 + 1);
        this.ring = new AtomicReferenceArray<>(capacity);
    }

    /** Returns true the first time a message key is seen, false for a duplicate. */
    boolean firstTime(Message message) {
        Key key = new Key(message.chat().id().value(), message.sender().id().value(), message.id());
        if (seen.putIfAbsent(key, Boolean.TRUE) != null) {
            return false;
        }
        int slot = (int) (next.getAndIncrement() % ring.length());
        Key evicted = ring.getAndSet(slot, key);
        if (evicted != null) {
            seen.remove(evicted);
        }
        return true;
    }
}
