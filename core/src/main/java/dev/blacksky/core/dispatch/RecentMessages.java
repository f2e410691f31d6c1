package dev.blacksky.core.dispatch;

import dev.blacksky.api.message.Message;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the last N message keys (chat, sender, id) so a redelivered message is not handled twice.
 * In memory and bounded; durable dedup across restarts sits in front of it for the WhatsApp transport.
 */
final class RecentMessages {

    private record Key(String chat, String sender, String id) {
    }

    private final ConcurrentHashMap<Key, Boolean> seen;
    private final ArrayBlockingQueue<Key> order;

    RecentMessages(int capacity) {
        this.seen = new ConcurrentHashMap<>(Math.min(capacity, 1 << 16) * 2);
        this.order = new ArrayBlockingQueue<>(capacity);
    }

    /** Returns true the first time a message key is seen, false for a duplicate. */
    boolean firstTime(Message message) {
        Key key = new Key(message.chat().id().value(), message.sender().id().value(), message.id());
        if (seen.putIfAbsent(key, Boolean.TRUE) != null) {
            return false;
        }
        while (!order.offer(key)) {
            Key oldest = order.poll();
            if (oldest != null) {
                seen.remove(oldest);
            }
        }
        return true;
    }
}
