package dev.blacksky.core.whatsapp;

import it.auties.whatsapp.model.info.ChatMessageInfo;
import it.auties.whatsapp.model.jid.Jid;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The original JIDs of recently received messages, so a reaction names its target as WhatsApp gave it. */
final class ReactionTargets {

    /** What a reaction's key needs: the chat and sender JIDs as received, and the message id. */
    record Target(Jid chat, Jid sender, String id) {}

    private final int capacity;
    private final Map<String, Target> targets;

    ReactionTargets(int capacity) {
        this.capacity = capacity;
        this.targets = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Target> eldest) {
                return size() > ReactionTargets.this.capacity;
            }
        };
    }

    /** Remembers a received message under the chat id the api gives it. */
    void remember(ChatMessageInfo info, String chatId) {
        Target target = new Target(info.chatJid().toSimpleJid(), info.senderJid().toSimpleJid(), info.id());
        synchronized (targets) {
            targets.put(key(chatId, info.id()), target);
        }
    }

    /** The target of a message the api names by chat id and message id, if it is still known. */
    Optional<Target> find(String chatId, String messageId) {
        synchronized (targets) {
            return Optional.ofNullable(targets.get(key(chatId, messageId)));
        }
    }

    int capacity() {
        return capacity;
    }

    // Ids are unique only within a chat (and sender), so the chat is part of the key.
    private static String key(String chatId, String messageId) {
        return chatId + '\u0000' + messageId;
    }
}
