package dev.blacksky.core.dispatch;

import dev.blacksky.api.message.Message;

/**
 * Remembers the last N message keys (chat, sender, id) so a redelivered message is not handled twice.
 * In memory and bounded: keys are spread over stripes, each an open-addressing table with a ring that
 * evicts its oldest key. A stripe's lock is held for a few probes, so workers rarely meet on one, and
 * nothing is allocated per message beyond the key itself.
 */
final class RecentMessages {

    private static final int STRIPES = 16;

    private record Key(String chat, String sender, String id, int hash) {
        static Key of(Message message) {
            String chat = message.chat().id().value();
            String sender = message.sender().id().value();
            String id = message.id();
            int h = (chat.hashCode() * 31 + sender.hashCode()) * 31 + id.hashCode();
            // Mixed (murmur3's finaliser): ids often differ only in their last digits, and linear probing
            // turns near-equal hashes into long runs.
            h = (h ^ (h >>> 16)) * 0x85ebca6b;
            h = (h ^ (h >>> 13)) * 0xc2b2ae35;
            return new Key(chat, sender, id, h ^ (h >>> 16));
        }

        boolean same(Key other) {
            return hash == other.hash && id.equals(other.id) && chat.equals(other.chat) && sender.equals(other.sender);
        }
    }

    private final Stripe[] stripes = new Stripe[STRIPES];
    private final int perStripe;

    RecentMessages(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the dedup capacity must be positive, got " + capacity);
        }
        perStripe = Math.max(1, (capacity + STRIPES - 1) / STRIPES);
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe(perStripe);
        }
    }

    /** Which stripe remembers the message; with {@link #perStripe()}, what tests check eviction against. */
    static int stripeOf(Message message) {
        return Key.of(message).hash & (STRIPES - 1);
    }

    int perStripe() {
        return perStripe;
    }

    /** Returns true the first time a message key is seen, false for a duplicate. */
    boolean firstTime(Message message) {
        Key key = Key.of(message);
        Stripe stripe = stripes[key.hash & (STRIPES - 1)];
        synchronized (stripe) {
            return stripe.add(key);
        }
    }

    /**
     * One stripe: a linear-probing set at most half full, and the order its keys arrived in. Each slot's
     * hash sits in an int array beside it, so probing and eviction compare ints and references and only
     * a full hash match reads the key itself: the keys are scattered over the heap, the arrays are not.
     */
    private static final class Stripe {
        private final Key[] table;
        private final int[] hashes;
        private final Key[] ring;
        private final int[] ringHashes; // the evicted key's hash without reading the key: it is long out of cache
        private final int mask;
        private int next;

        Stripe(int capacity) {
            int size = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1; // a power of two >= 2 x capacity
            table = new Key[size];
            hashes = new int[size];
            mask = size - 1;
            ring = new Key[capacity];
            ringHashes = new int[capacity];
        }

        private int home(int hash) {
            return (hash >>> 4) & mask; // the low bits chose the stripe
        }

        boolean add(Key key) {
            int hash = key.hash;
            int slot = home(hash);
            for (Key k = table[slot]; k != null; k = table[slot]) {
                if (hashes[slot] == hash && k.same(key)) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            Key evicted = ring[next];
            if (evicted != null) {
                remove(evicted, ringHashes[next]);
                slot = home(hash); // removal may have moved keys: find the free slot again
                while (table[slot] != null) {
                    slot = (slot + 1) & mask;
                }
            }
            table[slot] = key;
            hashes[slot] = hash;
            ring[next] = key;
            ringHashes[next] = hash;
            next = next + 1 == ring.length ? 0 : next + 1;
            return true;
        }

        // Deletion in a linear-probing table: close the gap by moving back later keys of the same run.
        private void remove(Key key, int hash) {
            int slot = home(hash);
            while (table[slot] != key) {
                slot = (slot + 1) & mask;
            }
            int gap = slot;
            for (int i = (gap + 1) & mask; table[i] != null; i = (i + 1) & mask) {
                int home = home(hashes[i]);
                // Move the key into the gap unless its home lies cyclically in (gap, i].
                boolean homeBetween = gap <= i ? gap < home && home <= i : gap < home || home <= i;
                if (!homeBetween) {
                    table[gap] = table[i];
                    hashes[gap] = hashes[i];
                    gap = i;
                }
            }
            table[gap] = null;
        }
    }
}
