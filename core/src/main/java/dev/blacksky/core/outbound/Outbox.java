package dev.blacksky.core.outbound;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.core.storage.AccountDatabase;
import dev.blacksky.core.storage.SqliteDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One account's outbox: a send is persisted before it goes out and removed once accepted, so none is lost. */
final class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final String WHO = "The outbox";

    private final java.util.function.Supplier<AccountDatabase> where;
    private final String account;
    private final Path spool;
    private AccountDatabase database; // from open()

    /** An outbox in the database {@code where} gives at {@link #open()}. */
    Outbox(java.util.function.Supplier<AccountDatabase> where, String account, Path spool) {
        this.where = where;
        this.account = account;
        this.spool = spool;
    }

    void open() {
        database = where.get();
        if (database instanceof SqliteDatabase local) {
            createTable(local); // a cluster's database has it from its migrations
        }
    }

    private void createTable(SqliteDatabase database) {
        database.update(WHO, """
                CREATE TABLE IF NOT EXISTS outbound_messages (
                  seq INTEGER PRIMARY KEY AUTOINCREMENT, account TEXT NOT NULL, id TEXT NOT NULL UNIQUE,
                  chat TEXT NOT NULL, text TEXT NOT NULL, plugin TEXT NOT NULL, reply INTEGER NOT NULL,
                  attempts INTEGER NOT NULL DEFAULT 0, not_before INTEGER NOT NULL, dead INTEGER NOT NULL DEFAULT 0,
                  last_error TEXT)""");
        if (database.query(WHO, "SELECT 1 FROM pragma_table_info('outbound_messages') WHERE name = 'extra'", r -> 1).isEmpty()) {
            database.update(WHO, "ALTER TABLE outbound_messages ADD COLUMN extra TEXT"); // mentions, quote, media
        }
        database.update(WHO, "CREATE INDEX IF NOT EXISTS outbound_messages_account ON outbound_messages (account, dead, seq)");
        // Before accounts had outboxes of their own, one table served every account on the data folder: the first
        // account to open takes its rows, almost always the only account there ever was.
        int adopted = database.adopt("outbox", """
                INSERT OR IGNORE INTO outbound_messages (account, id, chat, text, plugin, reply, attempts, not_before,
                  dead, last_error)
                SELECT ?, id, chat, text, 'blacksky', 1, attempts, not_before, dead, last_error FROM outbox ORDER BY seq""",
                account);
        if (adopted >= 0) {
            log.info("The outbox kept for all accounts ({} messages) now belongs to account '{}'", adopted, account);
        }
    }

    /**
     * Persists a message to send, in the next shared transaction; the stage completes with it once it is on disk,
     * in the order messages were added. It must not be sent before. Completes with null when a message with that
     * id is in the outbox already: an earlier run of the same command added it.
     */
    CompletableFuture<OutboxItem> add(String id, ChatId chat, OutgoingMessage message, Origin origin, Instant now) {
        String extra = OutgoingCodec.encode(message, id);
        return database.commitSoon(WHO, c -> SqliteDatabase.query(c, """
                INSERT INTO outbound_messages (account, id, chat, text, plugin, reply, not_before, extra)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING seq""", r -> r.getLong(1),
                account, id, chat.value(), message.text(), origin.pluginId(), origin.reply() ? 1 : 0, now.toEpochMilli(),
                extra).stream().findFirst().map(seq -> new OutboxItem(seq, id, chat, message, origin, 0, now)).orElse(null));
    }

    /** Completes after everything added before it is on disk, in that order: keeps an action behind earlier sends. */
    CompletableFuture<Void> after() {
        return database.commitSoon(WHO, c -> null);
    }

    /**
     * Removes a sent message, committed with the next shared writes rather than waited for: lost in a crash, the
     * message is sent once more (sends are at least once). The stage completes once the removal is on disk.
     */
    CompletableFuture<Void> delivered(OutboxItem item) {
        return database.<Integer>commitSoon(WHO, c -> SqliteDatabase.update(c, "DELETE FROM outbound_messages WHERE seq = ?",
                item.seq())).thenApply(rows -> null);
    }

    void retryLater(OutboxItem item, String error) {
        database.inSharedTransaction(WHO, c -> SqliteDatabase.update(c, "UPDATE outbound_messages SET attempts ="
                + " attempts + 1, not_before = ?, last_error = ? WHERE seq = ?", item.notBefore().toEpochMilli(), error,
                item.seq()));
    }

    void dead(OutboxItem item, String error) {
        database.update(WHO, "UPDATE outbound_messages SET attempts = attempts + 1, dead = 1, last_error = ? WHERE seq = ?",
                error, item.seq());
    }

    /** A dead letter back to pending with no attempts counted, or empty if there is no dead one with that id. */
    Optional<OutboxItem> revive(String id, Instant now) {
        int changed = database.update(WHO, "UPDATE outbound_messages SET dead = 0, attempts = 0, not_before = ?,"
                + " last_error = NULL WHERE account = ? AND id = ? AND dead = 1", now.toEpochMilli(), account, id);
        if (changed == 0) {
            return Optional.empty();
        }
        return pending().stream().filter(item -> item.id().equals(id)).findFirst();
    }

    /** Deletes a dead letter; false if there is no dead one with that id. */
    boolean discard(String id) {
        return database.update(WHO, "DELETE FROM outbound_messages WHERE account = ? AND id = ? AND dead = 1",
                account, id) > 0;
    }

    /** The last error of each dead letter, by id. */
    Map<String, String> deadErrors() {
        Map<String, String> errors = new HashMap<>();
        database.query(WHO, "SELECT id, last_error FROM outbound_messages WHERE account = ? AND dead = 1",
                r -> Map.entry(r.getString(1), String.valueOf(r.getString(2))), account)
                .forEach(e -> errors.put(e.getKey(), e.getValue()));
        return errors;
    }

    /** Items still to deliver, oldest first. */
    List<OutboxItem> pending() {
        return items(false);
    }

    /** Items given up on, oldest first. */
    List<OutboxItem> dead() {
        return items(true);
    }

    private List<OutboxItem> items(boolean dead) {
        return database.query(WHO, """
                SELECT seq, id, chat, text, plugin, reply, attempts, not_before, extra FROM outbound_messages
                WHERE account = ? AND dead = ? ORDER BY seq""", r -> new OutboxItem(r.getLong(1), r.getString(2),
                ChatId.of(r.getString(3)), OutgoingCodec.decode(r.getString(4), r.getString(9), spool),
                new Origin(r.getString(5), r.getInt(6) == 1), r.getInt(7), Instant.ofEpochMilli(r.getLong(8))),
                account, dead ? 1 : 0);
    }
}
