package dev.blacksky.plugins.moderation;

import dev.blacksky.api.PluginContext;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.UserId;
import dev.blacksky.api.storage.KeyValueStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Warning counts per group and member, kept in the plugin's store under "warn:<chat>:<user>". */
@Singleton
public final class Warnings {

    private final KeyValueStore store;

    @Inject
    public Warnings(PluginContext context) {
        this.store = context.storage();
    }

    public long add(ChatId chat, UserId user) {
        return Long.parseLong(store.update(key(chat, user), n -> String.valueOf(Long.parseLong(n.orElse("0")) + 1)));
    }

    public long count(ChatId chat, UserId user) {
        return store.get(key(chat, user)).map(Long::parseLong).orElse(0L);
    }

    public boolean clear(ChatId chat, UserId user) {
        return store.delete(key(chat, user));
    }

    private static String key(ChatId chat, UserId user) {
        return "warn:" + chat + ":" + user;
    }
}
