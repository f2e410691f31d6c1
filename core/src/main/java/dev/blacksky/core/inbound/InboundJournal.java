package dev.blacksky.core.inbound;

import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.QuotedMessage;
import dev.blacksky.api.message.User;
import dev.blacksky.api.message.UserId;
import dev.blacksky.api.storage.StorageException;
import dev.blacksky.core.storage.SqliteDatabase;
import dev.blacksky.core.storage.WriteLedger;
import dev.blacksky.core.transport.Inbound;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's inbound journal: a row per message key (chat, sender, id), written before the message is
 * handled and marked done after. It is the durable dedup (a key already present is a redelivery), the record
 * of what a crash interrupted, with every field a plugin sees, and the count of attempts that bounds how
 * often a message that keeps killing the bot is tried. Rows are kept for a while, then pruned, oldest first.
 */
public final class InboundJournal {

    /** A message the last run did not finish, and how many times handling it was started. */
    public record Unfinished(Inbound inbound, int attempts) {
    }

    private static final Logger log = LoggerFactory.getLogger(InboundJournal.class);
    private static final int PENDING = 0;
    private static final int DONE = 1;
    private static final int DEAD = 2;

    private final SqliteDatabase database;
    private final JournalSettings settings;
    // Arrival order, also within one millisecond: replay after a crash keeps each chat's order.
    private final AtomicLong sequence = new AtomicLong();

    public InboundJournal(SqliteDatabase database, JournalSettings settings) {
        this.database = database;
        this.settings = settings;
    }

    public void open() {
        database.use("The inbound journal", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        CREATE TABLE IF NOT EXISTS inbound_messages (
                          account       TEXT    NOT NULL,
                          chat          TEXT    NOT NULL,
                          sender        TEXT    NOT NULL,
                          id            TEXT    NOT NULL,
                          received_at   INTEGER NOT NULL,
                          state         INTEGER NOT NULL DEFAULT 0,
                          attempts      INTEGER NOT NULL DEFAULT 0,
                          chat_type     TEXT    NOT NULL,
                          chat_name     TEXT    NOT NULL,
                          sender_name   TEXT    NOT NULL,
                          text          TEXT    NOT NULL,
                          sent_at       INTEGER NOT NULL,
                          admin         INTEGER NOT NULL,
                          quoted_id     TEXT,
                          quoted_sender TEXT,
                          quoted_text   TEXT,
                          mentions      TEXT    NOT NULL DEFAULT '',
                          seq           INTEGER NOT NULL,
                          PRIMARY KEY (account, chat, sender, id)
                        ) WITHOUT ROWID""");
                s.execute("CREATE INDEX IF NOT EXISTS inbound_messages_received ON inbound_messages (account, received_at)");
                adoptUnseparatedJournal(c);
                try (PreparedStatement max = c.prepareStatement(
                        "SELECT COALESCE(MAX(seq), 0) FROM inbound_messages WHERE account = ?")) {
                    max.setString(1, settings.account());
                    try (ResultSet r = max.executeQuery()) {
                        r.next();
                        sequence.set(r.getLong(1));
                    }
                }
            }
            return null;
        });
    }

    // Before accounts had journals of their own, one table served every account on the data folder. The first
    // account to open takes its rows: almost always the only account there ever was.
    private void adoptUnseparatedJournal(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'inbound_journal'")) {
            if (!r.next()) {
                return;
            }
        }
        int adopted = database.inTransaction(tx -> {
            try (PreparedStatement copy = tx.prepareStatement("""
                    INSERT OR IGNORE INTO inbound_messages (account, chat, sender, id, received_at, state, attempts,
                      chat_type, chat_name, sender_name, text, sent_at, admin, seq)
                    SELECT ?, chat, sender, id, received_at, done, 0, chat_type, chat_name, sender_name, text, sent_at,
                      admin, seq FROM inbound_journal""");
                 Statement drop = tx.createStatement()) {
                copy.setString(1, settings.account());
                int rows = copy.executeUpdate();
                drop.execute("DROP TABLE inbound_journal");
                return rows;
            }
        });
        log.info("The inbound journal kept for all accounts ({} rows) now belongs to account '{}'", adopted, settings.account());
    }

    /**
     * Journals a message; returns false if its key is already journaled (a redelivery). {@code handling} counts
     * this as the first attempt, for a message handled right away. Durable on return.
     */
    public boolean record(Inbound inbound, Instant now, boolean handling) {
        Message m = inbound.message();
        return database.use("The inbound journal", c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT OR IGNORE INTO inbound_messages (account, chat, sender, id, received_at, attempts, chat_type,
                      chat_name, sender_name, text, sent_at, admin, quoted_id, quoted_sender, quoted_text, mentions, seq)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int i = key(s, m);
                s.setLong(i++, now.toEpochMilli());
                s.setInt(i++, handling ? 1 : 0);
                s.setString(i++, m.chat().type().name());
                s.setString(i++, m.chat().name());
                s.setString(i++, m.sender().displayName());
                s.setString(i++, m.text());
                s.setLong(i++, m.timestamp().toEpochMilli());
                s.setInt(i++, inbound.senderIsGroupAdmin() ? 1 : 0);
                s.setString(i++, m.quoted().map(QuotedMessage::messageId).orElse(null));
                s.setString(i++, m.quoted().map(q -> q.sender().value()).orElse(null));
                s.setString(i++, m.quoted().map(QuotedMessage::text).orElse(null));
                s.setString(i++, String.join("\n", m.mentions().stream().map(UserId::value).toList()));
                s.setLong(i, sequence.incrementAndGet());
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Handling a journaled message starts (again): one more attempt, counted before it can kill the bot. */
    public void attempt(Message m) {
        update("UPDATE inbound_messages SET attempts = attempts + 1", m);
    }

    /** The message was fully handled; its commands' write ledgers go with the same commit. */
    public void done(Message m) {
        finish(DONE, m);
    }

    /** The message is set aside for good: it will not be tried again. */
    public void dead(Message m) {
        finish(DEAD, m);
    }

    private void finish(int state, Message m) {
        update("UPDATE inbound_messages SET state = " + state, m, true);
    }

    private void update(String change, Message m) {
        update(change, m, false);
    }

    private void update(String change, Message m, boolean forgetWrites) {
        try {
            database.inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement(change + " WHERE account = ? AND chat = ? AND sender = ? AND id = ?")) {
                    key(s, m);
                    s.executeUpdate();
                }
                if (forgetWrites) {
                    WriteLedger.forget(c, key(m));
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StorageException("The inbound journal failed: " + e.getMessage(), e);
        }
    }

    /** The message's key among every account's journaled messages; what its commands' write ledgers are kept under. */
    public String key(Message m) {
        return settings.account() + '\u0001' + m.chat().id().value() + '\u0001' + m.sender().id().value() + '\u0001' + m.id();
    }

    private int key(PreparedStatement s, Message m) throws SQLException {
        s.setString(1, settings.account());
        s.setString(2, m.chat().id().value());
        s.setString(3, m.sender().id().value());
        s.setString(4, m.id());
        return 5;
    }

    /** Messages journaled but neither done nor dead, in arrival order: what the last run left. */
    public List<Unfinished> unfinished() {
        return database.use("The inbound journal", c -> {
            List<Unfinished> pending = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT chat, sender, id, chat_type, chat_name, sender_name, text, sent_at, admin, quoted_id,
                      quoted_sender, quoted_text, mentions, attempts
                    FROM inbound_messages WHERE account = ? AND state = ? ORDER BY seq""")) {
                s.setString(1, settings.account());
                s.setInt(2, PENDING);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Message m = message(r);
                        pending.add(new Unfinished(new Inbound(m, r.getInt(9) == 1, key(m)), r.getInt(14)));
                    }
                }
            }
            return pending;
        });
    }

    private static Message message(ResultSet r) throws SQLException {
        Chat chat = new Chat(ChatId.of(r.getString(1)), ChatType.valueOf(r.getString(4)), r.getString(5));
        User sender = new User(UserId.of(r.getString(2)), r.getString(6));
        Optional<QuotedMessage> quoted = r.getString(10) == null ? Optional.empty()
                : Optional.of(new QuotedMessage(r.getString(10), UserId.of(r.getString(11)), r.getString(12)));
        String mentions = r.getString(13);
        List<UserId> mentioned = mentions.isEmpty() ? List.of() : Arrays.stream(mentions.split("\n")).map(UserId::of).toList();
        return new Message(r.getString(3), chat, sender, r.getString(7), Instant.ofEpochMilli(r.getLong(8)), quoted, mentioned);
    }

    /** Drops handled and dead rows older than keep-for, then the oldest beyond max-entries. */
    public int prune(Instant now) {
        return database.use("The inbound journal", c -> {
            int removed;
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM inbound_messages WHERE account = ? AND received_at < ? AND state <> " + PENDING)) {
                s.setString(1, settings.account());
                s.setLong(2, now.minus(settings.keepFor()).toEpochMilli());
                removed = s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    DELETE FROM inbound_messages WHERE account = ? AND state <> ? AND received_at <
                      (SELECT received_at FROM inbound_messages WHERE account = ? ORDER BY received_at DESC LIMIT 1 OFFSET ?)""")) {
                s.setString(1, settings.account());
                s.setInt(2, PENDING);
                s.setString(3, settings.account());
                s.setInt(4, settings.maxEntries() - 1);
                removed += s.executeUpdate();
            }
            return removed;
        });
    }

    /** This account's rows, for tests and status. */
    public int size() {
        return database.use("The inbound journal", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM inbound_messages WHERE account = ?")) {
                s.setString(1, settings.account());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }
}
