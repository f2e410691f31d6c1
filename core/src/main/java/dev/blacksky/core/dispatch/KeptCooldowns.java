package dev.blacksky.core.dispatch;

import dev.blacksky.core.storage.Storage;
import java.time.Instant;
import java.util.Optional;

/** Cooldown windows that outlive a restart, by plugin, command and scope, in the bot's database. */
final class KeptCooldowns {

    private static final String WHO = "The cooldowns";

    private final Storage storage;
    private final String account;
    private volatile boolean open;

    /** Cooldowns of {@code account}: a user waiting on one account may still use another. */
    KeptCooldowns(Storage storage, String account) {
        this.storage = storage;
        this.account = account + "|";
    }

    private void open() {
        if (!open) {
            storage.database().update(WHO, """
                    CREATE TABLE IF NOT EXISTS cooldowns (
                      plugin TEXT NOT NULL, command TEXT NOT NULL, scope TEXT NOT NULL, until INTEGER NOT NULL,
                      PRIMARY KEY (plugin, command, scope)) WITHOUT ROWID""");
            storage.database().update(WHO, "DELETE FROM cooldowns WHERE until < ?", System.currentTimeMillis());
            open = true;
        }
    }

    Optional<Instant> until(Route route, String scope) {
        open();
        return storage.database().query(WHO, "SELECT until FROM cooldowns WHERE plugin = ? AND command = ? AND scope = ?",
                r -> Instant.ofEpochMilli(r.getLong(1)), route.pluginId(), route.title(), account + scope).stream().findFirst();
    }

    void save(Route route, String scope, Instant until) {
        open();
        storage.database().update(WHO, "INSERT OR REPLACE INTO cooldowns (plugin, command, scope, until) VALUES (?, ?, ?, ?)",
                route.pluginId(), route.title(), account + scope, until.toEpochMilli());
    }

    void delete(Route route, String scope) {
        open();
        storage.database().update(WHO, "DELETE FROM cooldowns WHERE plugin = ? AND command = ? AND scope = ?",
                route.pluginId(), route.title(), account + scope);
    }
}
