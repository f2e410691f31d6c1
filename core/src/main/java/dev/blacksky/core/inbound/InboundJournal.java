package dev.blacksky.core.inbound;

import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.User;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.storage.SqliteDatabase;
import dev.blacksky.core.transport.Inbound;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The inbound journal: one row per message key (chat, sender, id), written before the message is dispatched
 * and marked done after. It is the durable dedup (a key already present is a redelivery) and the record of
 * what a crash interrupted. Rows are kept for a while, then pruned, oldest first.
 */
public final class InboundJournal {

    private final SqliteDatabase database;
    private final JournalSettings settings;
    // Arrival order, also within one millisecond: replay after a crash keeps each chat's order.
    private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();

    public InboundJournal(SqliteDatabase database, JournalSettings settings) {
        this.database = database;
        this.settings = settings;
    }

    public void open() {
        database.use("The inbound journal", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        CREATE TABLE IF NOT EXISTS inbound_journal (
                          chat        TEXT    NOT NULL,
                          sender      TEXT    NOT NULL,
                          id          TEXT    NOT NULL,
                          received_at INTEGER NOT NULL,
                          done        INTEGER NOT NULL DEFAULT 0,
                          chat_type   TEXT    NOT NULL,
                          chat_name   TEXT    NOT NULL,
                          sender_name TEXT    NOT NULL,
                          text        TEXT    NOT NULL,
                          sent_at     INTEGER NOT NULL,
                          admin       INTEGER NOT NULL,
                          seq         INTEGER NOT NULL,
                          PRIMARY KEY (chat, sender, id)
                        ) WITHOUT ROWID""");
                s.execute("CREATE INDEX IF NOT EXISTS inbound_journal_received ON inbound_journal (received_at)");
                try (ResultSet r = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM inbound_journal")) {
                    r.next();
                    sequence.set(r.getLong(1));
                }
            }
            return null;
        });
    }

    /** Journals a message; returns false if its key is already journaled (a redelivery). Durable on return. */
    public boolean record(Inbound inbound, Instant now) {
        Message m = inbound.message();
        return database.use("The inbound journal", c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT OR IGNORE INTO inbound_journal
                      (chat, sender, id, received_at, chat_type, chat_name, sender_name, text, sent_at, admin, seq)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                s.setString(1, m.chat().id().value());
                s.setString(2, m.sender().id().value());
                s.setString(3, m.id());
                s.setLong(4, now.toEpochMilli());
                s.setString(5, m.chat().type().name());
                s.setString(6, m.chat().name());
                s.setString(7, m.sender().displayName());
                s.setString(8, m.text());
                s.setLong(9, m.timestamp().toEpochMilli());
                s.setInt(10, inbound.senderIsGroupAdmin() ? 1 : 0);
                s.setLong(11, sequence.incrementAndGet());
                return s.executeUpdate() == 1;
            }
        });
    }

    /** The message was fully handled. */
    public void done(Message m) {
        database.use("The inbound journal", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE inbound_journal SET done = 1 WHERE chat = ? AND sender = ? AND id = ?")) {
                s.setString(1, m.chat().id().value());
                s.setString(2, m.sender().id().value());
                s.setString(3, m.id());
                s.executeUpdate();
                return null;
            }
        });
    }

    /** Messages journaled but never marked done: what the last run was handling when it stopped. */
    public List<Inbound> unfinished() {
        return database.use("The inbound journal", c -> {
            List<Inbound> pending = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                    SELECT chat, sender, id, chat_type, chat_name, sender_name, text, sent_at, admin
                    FROM inbound_journal WHERE done = 0 ORDER BY seq""")) {
                while (r.next()) {
                    Chat chat = new Chat(ChatId.of(r.getString(1)), ChatType.valueOf(r.getString(4)), r.getString(5));
                    User sender = new User(UserId.of(r.getString(2)), r.getString(6));
                    pending.add(new Inbound(Message.text(r.getString(3), chat, sender, r.getString(7),
                            Instant.ofEpochMilli(r.getLong(8))), r.getInt(9) == 1));
                }
            }
            return pending;
        });
    }

    /** Drops rows older than keep-for, then the oldest beyond max-entries. */
    public int prune(Instant now) {
        return database.use("The inbound journal", c -> {
            int removed;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM inbound_journal WHERE received_at < ? AND done = 1")) {
                s.setLong(1, now.minus(settings.keepFor()).toEpochMilli());
                removed = s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    DELETE FROM inbound_journal WHERE done = 1 AND received_at <
                      (SELECT received_at FROM inbound_journal ORDER BY received_at DESC LIMIT 1 OFFSET ?)""")) {
                s.setInt(1, settings.maxEntries() - 1);
                removed += s.executeUpdate();
            }
            return removed;
        });
    }

    /** Rows in the journal, for tests and status. */
    public int size() {
        return database.use("The inbound journal", c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM inbound_journal")) {
                r.next();
                return r.getInt(1);
            }
        });
    }
}
