package dev.blacksky.core.inbound;

import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.storage.StorageException;
import dev.blacksky.api.message.QuotedMessage;
import dev.blacksky.api.message.User;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.storage.AccountDatabase;
import dev.blacksky.core.storage.SqliteDatabase;
import dev.blacksky.core.storage.WriteLedger;
import dev.blacksky.core.transport.Inbound;
import java.sql.ResultSet;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One account's inbound journal: the durable dedup, what a crash interrupted, and how often each was tried. */
public final class InboundJournal {

    /** A message not handled yet, its place in arrival order, and how many times handling it was started. */
    public record Unfinished(Inbound inbound, long seq, int attempts) {
    }

    private static final Logger log = LoggerFactory.getLogger(InboundJournal.class);
    private static final String WHO = "The inbound journal";
    private static final String KEY = " WHERE account = ? AND chat = ? AND sender = ? AND id = ?";
    private static final int PENDING = 0;
    private static final int DONE = 1;
    private static final int DEAD = 2;

    private final java.util.function.Supplier<AccountDatabase> where;
    private final SqliteDatabase ledger; // the plugins' store writes, and their ledgers
    private final JournalSettings settings;
    private AccountDatabase database; // from open()
    // Arrival order, also within one millisecond: replay after a crash keeps each chat's order.
    private final AtomicLong sequence = new AtomicLong();

    /** A journal in the plugins' own database: a message's completion commits with its ledgers. */
    public InboundJournal(SqliteDatabase database, JournalSettings settings) {
        this(() -> database, database, settings);
    }

    /** A journal in the database {@code where} gives at {@link #open()}; the write ledgers stay in {@code ledger}. */
    public InboundJournal(java.util.function.Supplier<AccountDatabase> where, SqliteDatabase ledger, JournalSettings settings) {
        this.where = where;
        this.ledger = ledger;
        this.settings = settings;
    }

    public void open() {
        database = where.get();
        if (database instanceof SqliteDatabase local) {
            createTables(local); // a cluster's database has them from its migrations
        }
        sequence.set(database.query(WHO, "SELECT COALESCE(MAX(seq), 0) FROM inbound_messages WHERE account = ?",
                r -> r.getLong(1), settings.account()).getFirst());
    }

    private void createTables(SqliteDatabase database) {
        database.update(WHO, """
                CREATE TABLE IF NOT EXISTS inbound_messages (
                  account TEXT NOT NULL, chat TEXT NOT NULL, sender TEXT NOT NULL, id TEXT NOT NULL,
                  received_at INTEGER NOT NULL, state INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0,
                  chat_type TEXT NOT NULL, chat_name TEXT NOT NULL, sender_name TEXT NOT NULL, text TEXT NOT NULL,
                  sent_at INTEGER NOT NULL, admin INTEGER NOT NULL, quoted_id TEXT, quoted_sender TEXT, quoted_text TEXT,
                  mentions TEXT NOT NULL DEFAULT '', seq INTEGER NOT NULL,
                  PRIMARY KEY (account, chat, sender, id)
                ) WITHOUT ROWID""");
        if (database.query(WHO, "SELECT 1 FROM pragma_table_info('inbound_messages') WHERE name = 'content'", r -> 1).isEmpty()) {
            database.update(WHO, "ALTER TABLE inbound_messages ADD COLUMN content TEXT"); // media, location, contact
        }
        database.update(WHO, "CREATE INDEX IF NOT EXISTS inbound_messages_received ON inbound_messages (account, received_at)");
        database.update(WHO, "CREATE INDEX IF NOT EXISTS inbound_messages_pending ON inbound_messages (account, chat, seq)"
                + " WHERE state = 0");
        // Before accounts had journals of their own, one table served every account on the data folder: the first
        // account to open takes its rows, almost always the only account there ever was.
        int adopted = database.adopt("inbound_journal", """
                INSERT OR IGNORE INTO inbound_messages (account, chat, sender, id, received_at, state, attempts, chat_type,
                  chat_name, sender_name, text, sent_at, admin, seq)
                SELECT ?, chat, sender, id, received_at, done, 0, chat_type, chat_name, sender_name, text, sent_at, admin,
                  seq FROM inbound_journal""", settings.account());
        if (adopted >= 0) {
            log.info("The inbound journal kept for all accounts ({} rows) now belongs to account '{}'", adopted, settings.account());
        }
    }

    /** Journals a message; returns its place in arrival order, or 0 if its key is already there (a redelivery). */
    public long record(Inbound inbound, Instant now) {
        return recordAll(List.of(inbound), now)[0];
    }

    /** Journals messages in one transaction (one fsync); returns each one's place as {@link #record} does. */
    public long[] recordAll(List<Inbound> inbounds, Instant now) {
        long[] seqs = new long[inbounds.size()];
        try {
            database.inTransaction(c -> {
                for (int i = 0; i < seqs.length; i++) {
                    seqs[i] = insert(c, inbounds.get(i), now);
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StorageException(WHO + " failed: " + e.getMessage(), e);
        }
        return seqs;
    }

    private long insert(Connection c, Inbound inbound, Instant now) throws SQLException {
        Message m = inbound.message();
        long seq = sequence.incrementAndGet();
        return SqliteDatabase.update(c, """
                INSERT INTO inbound_messages (account, chat, sender, id, received_at, attempts, chat_type,
                  chat_name, sender_name, text, sent_at, admin, quoted_id, quoted_sender, quoted_text, mentions, seq, content)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                settings.account(), m.chat().id().value(), m.sender().id().value(), m.id(), now.toEpochMilli(),
                0, m.chat().type().name(), m.chat().name(), m.sender().displayName(), m.text(),
                m.timestamp().toEpochMilli(), inbound.senderIsGroupAdmin() ? 1 : 0,
                m.quoted().map(QuotedMessage::messageId).orElse(null), m.quoted().map(q -> q.sender().value()).orElse(null),
                m.quoted().map(QuotedMessage::text).orElse(null),
                String.join("\n", m.mentions().stream().map(UserId::value).toList()), seq,
                ContentCodec.encode(m.content())) == 1 ? seq : 0;
    }

    /** Counts an attempt as handling starts, so a message that kills the bot is told from those queued behind it. */
    public void attempt(Message m) {
        database.updateUnsynced(WHO, "UPDATE inbound_messages SET attempts = attempts + 1" + KEY, settings.account(),
                m.chat().id().value(), m.sender().id().value(), m.id());
    }

    /**
     * The message was fully handled; its commands' write ledgers go with the same commit. Returns before that commit,
     * which it shares with the other writes of the moment: lost in a crash, the message is handled again, with its
     * store writes still applied once (the ledger) and its replies sent again under the same ids (the same messages).
     */
    public CompletableFuture<Void> done(Message m) {
        if (database == ledger) {
            return database.commitSoon(WHO, c -> finish(c, "state = " + DONE, m).forget(c, m));
        }
        // Apart, the ledgers go only after the message is done: a crash in between leaves rows to forget, never a
        // message to run again without its ledgers.
        return database.commitSoon(WHO, c -> finish(c, "state = " + DONE, m))
                .thenCompose(ignored -> ledger.commitSoon(WHO, c -> forget(c, m)));
    }

    /** The message is set aside for good: it will not be tried again. Returns once that is on disk. */
    public void dead(Message m) {
        if (database == ledger) {
            database.inSharedTransaction(WHO, c -> finish(c, "state = " + DEAD, m).forget(c, m));
        } else {
            database.inSharedTransaction(WHO, c -> finish(c, "state = " + DEAD, m));
            ledger.inSharedTransaction(WHO, c -> forget(c, m));
        }
    }

    private InboundJournal finish(Connection c, String change, Message m) throws SQLException {
        SqliteDatabase.update(c, "UPDATE inbound_messages SET " + change + KEY, settings.account(),
                m.chat().id().value(), m.sender().id().value(), m.id());
        return this;
    }

    private Void forget(Connection c, Message m) throws SQLException {
        WriteLedger.forget(c, key(m));
        return null;
    }

    /** The message's key among every account's journaled messages; what its commands' write ledgers are kept under. */
    public String key(Message m) {
        return settings.account() + '\u0001' + m.chat().id().value() + '\u0001' + m.sender().id().value() + '\u0001' + m.id();
    }

    /** The chats with messages journaled but neither done nor dead. */
    public List<ChatId> chatsWithUnfinished() {
        return database.query(WHO, "SELECT DISTINCT chat FROM inbound_messages WHERE account = ? AND state = 0",
                r -> ChatId.of(r.getString(1)), settings.account());
    }

    /** Up to {@code limit} of a chat's messages neither done nor dead after {@code afterSeq}, in arrival order. */
    public List<Unfinished> unfinished(ChatId chat, long afterSeq, int limit) {
        return unfinished(chat, afterSeq, Long.MAX_VALUE, limit);
    }

    /** {@link #unfinished(ChatId, long, int)}, among the messages up to {@code upToSeq} only. */
    public List<Unfinished> unfinished(ChatId chat, long afterSeq, long upToSeq, int limit) {
        return database.query(WHO, """
                SELECT chat, sender, id, chat_type, chat_name, sender_name, text, sent_at, admin, quoted_id,
                  quoted_sender, quoted_text, mentions, attempts, seq, content
                FROM inbound_messages WHERE account = ? AND chat = ? AND state = 0 AND seq > ? AND seq <= ?
                ORDER BY seq LIMIT ?""", r -> {
            Message m = message(r);
            return new Unfinished(new Inbound(m, r.getInt(9) == 1, key(m)), r.getLong(15), r.getInt(14));
        }, settings.account(), chat.value(), afterSeq, upToSeq, limit);
    }

    /** The place of the last message journaled so far (after {@link #open()}, that of the previous run's last). */
    public long lastSeq() {
        return sequence.get();
    }

    private static Message message(ResultSet r) throws SQLException {
        Chat chat = new Chat(ChatId.of(r.getString(1)), ChatType.valueOf(r.getString(4)), r.getString(5));
        User sender = new User(UserId.of(r.getString(2)), r.getString(6));
        Optional<QuotedMessage> quoted = r.getString(10) == null ? Optional.empty()
                : Optional.of(new QuotedMessage(r.getString(10), UserId.of(r.getString(11)), r.getString(12)));
        String mentions = r.getString(13);
        List<UserId> mentioned = mentions.isEmpty() ? List.of() : Arrays.stream(mentions.split("\n")).map(UserId::of).toList();
        return new Message(r.getString(3), chat, sender, r.getString(7), Instant.ofEpochMilli(r.getLong(8)), quoted, mentioned,
                ContentCodec.decode(r.getString(16)));
    }

    /** Drops handled and dead rows older than keep-for, then the oldest beyond max-entries. */
    public int prune(Instant now) {
        return database.update(WHO, "DELETE FROM inbound_messages WHERE account = ? AND received_at < ? AND state <> ?",
                settings.account(), now.minus(settings.keepFor()).toEpochMilli(), PENDING)
                + database.update(WHO, """
                        DELETE FROM inbound_messages WHERE account = ? AND state <> ? AND received_at < (SELECT received_at
                          FROM inbound_messages WHERE account = ? ORDER BY received_at DESC LIMIT 1 OFFSET ?)""",
                        settings.account(), PENDING, settings.account(), settings.maxEntries() - 1);
    }

    /** This account's rows, for tests and status. */
    public int size() {
        return database.query(WHO, "SELECT COUNT(*) FROM inbound_messages WHERE account = ?", r -> r.getInt(1),
                settings.account()).getFirst();
    }
}
