package dev.blacksky.core.outbound;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.core.storage.SqliteDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's outbox: a send is written here before it goes out and removed once the transport accepted
 * it, so sends made while offline, or interrupted by a crash, are delivered later, in order, with the same id
 * and from the same account. Items that failed too often stay, marked dead, for an operator.
 */
final class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final SqliteDatabase database;
    private final String account;

    Outbox(SqliteDatabase database, String account) {
        this.database = database;
        this.account = account;
    }

    void open() {
        database.use("The outbox", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        CREATE TABLE IF NOT EXISTS outbound_messages (
                          seq        INTEGER PRIMARY KEY AUTOINCREMENT,
                          account    TEXT    NOT NULL,
                          id         TEXT    NOT NULL UNIQUE,
                          chat       TEXT    NOT NULL,
                          text       TEXT    NOT NULL,
                          plugin     TEXT    NOT NULL,
                          reply      INTEGER NOT NULL,
                          attempts   INTEGER NOT NULL DEFAULT 0,
                          not_before INTEGER NOT NULL,
                          dead       INTEGER NOT NULL DEFAULT 0,
                          last_error TEXT)""");
                s.execute("CREATE INDEX IF NOT EXISTS outbound_messages_account ON outbound_messages (account, dead, seq)");
            }
            adoptUnseparatedOutbox(c);
            return null;
        });
    }

    // Before accounts had outboxes of their own, one table served every account on the data folder. The first
    // account to open takes its rows: almost always the only account there ever was.
    private void adoptUnseparatedOutbox(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outbox'")) {
            if (!r.next()) {
                return;
            }
        }
        int adopted = database.inTransaction(tx -> {
            try (PreparedStatement copy = tx.prepareStatement("""
                    INSERT OR IGNORE INTO outbound_messages (account, id, chat, text, plugin, reply, attempts, not_before,
                      dead, last_error)
                    SELECT ?, id, chat, text, 'blacksky', 1, attempts, not_before, dead, last_error FROM outbox ORDER BY seq""");
                 Statement drop = tx.createStatement()) {
                copy.setString(1, account);
                int rows = copy.executeUpdate();
                drop.execute("DROP TABLE outbox");
                return rows;
            }
        });
        log.info("The outbox kept for all accounts ({} messages) now belongs to account '{}'", adopted, account);
    }

    OutboxItem add(String id, ChatId chat, String text, Origin origin, Instant now) {
        return database.use("The outbox", c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO outbound_messages (account, id, chat, text, plugin, reply, not_before)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, account);
                s.setString(2, id);
                s.setString(3, chat.value());
                s.setString(4, text);
                s.setString(5, origin.pluginId());
                s.setInt(6, origin.reply() ? 1 : 0);
                s.setLong(7, now.toEpochMilli());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return new OutboxItem(keys.getLong(1), id, chat, text, origin, 0, now);
                }
            }
        });
    }

    void delivered(OutboxItem item) {
        update("DELETE FROM outbound_messages WHERE seq = ?", item.seq(), null, null);
    }

    void retryLater(OutboxItem item, String error) {
        update("UPDATE outbound_messages SET attempts = attempts + 1, not_before = ?, last_error = ? WHERE seq = ?",
                item.seq(), item.notBefore().toEpochMilli(), error);
    }

    void dead(OutboxItem item, String error) {
        update("UPDATE outbound_messages SET attempts = attempts + 1, dead = 1, last_error = ? WHERE seq = ?", item.seq(),
                null, error);
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
        return database.use("The outbox", c -> {
            List<OutboxItem> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT seq, id, chat, text, plugin, reply, attempts, not_before FROM outbound_messages
                    WHERE account = ? AND dead = ? ORDER BY seq""")) {
                s.setString(1, account);
                s.setInt(2, dead ? 1 : 0);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        items.add(new OutboxItem(r.getLong(1), r.getString(2), ChatId.of(r.getString(3)), r.getString(4),
                                new Origin(r.getString(5), r.getInt(6) == 1), r.getInt(7), Instant.ofEpochMilli(r.getLong(8))));
                    }
                }
            }
            return items;
        });
    }

    private void update(String sql, long seq, Long notBefore, String error) {
        database.use("The outbox", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
                if (notBefore != null) {
                    s.setLong(i++, notBefore);
                }
                if (sql.contains("last_error")) {
                    s.setString(i++, error);
                }
                s.setLong(i, seq);
                s.executeUpdate();
                return null;
            }
        });
    }
}
