package dev.blacksky.core.outbound;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.core.storage.SqliteDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox table: a send is written here before it goes out and removed once the transport accepted it,
 * so sends made while offline, or interrupted by a crash, are delivered later, in order, with the same id.
 * Items that failed too often stay, marked dead, for an operator.
 */
final class Outbox {

    private final SqliteDatabase database;

    Outbox(SqliteDatabase database) {
        this.database = database;
    }

    void open() {
        database.use("The outbox", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        CREATE TABLE IF NOT EXISTS outbox (
                          seq        INTEGER PRIMARY KEY AUTOINCREMENT,
                          id         TEXT    NOT NULL UNIQUE,
                          chat       TEXT    NOT NULL,
                          text       TEXT    NOT NULL,
                          attempts   INTEGER NOT NULL DEFAULT 0,
                          not_before INTEGER NOT NULL,
                          dead       INTEGER NOT NULL DEFAULT 0,
                          last_error TEXT)""");
            }
            return null;
        });
    }

    OutboxItem add(String id, ChatId chat, String text, Instant now) {
        return database.use("The outbox", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO outbox (id, chat, text, not_before) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, id);
                s.setString(2, chat.value());
                s.setString(3, text);
                s.setLong(4, now.toEpochMilli());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return new OutboxItem(keys.getLong(1), id, chat, text, 0, now);
                }
            }
        });
    }

    void delivered(OutboxItem item) {
        update("DELETE FROM outbox WHERE seq = ?", item.seq(), null, null);
    }

    void retryLater(OutboxItem item, String error) {
        update("UPDATE outbox SET attempts = attempts + 1, not_before = ?, last_error = ? WHERE seq = ?",
                item.seq(), item.notBefore().toEpochMilli(), error);
    }

    void dead(OutboxItem item, String error) {
        update("UPDATE outbox SET attempts = attempts + 1, dead = 1, last_error = ? WHERE seq = ?", item.seq(), null, error);
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
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT seq, id, chat, text, attempts, not_before FROM outbox WHERE dead = ? ORDER BY seq")) {
                s.setInt(1, dead ? 1 : 0);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        items.add(new OutboxItem(r.getLong(1), r.getString(2), ChatId.of(r.getString(3)), r.getString(4),
                                r.getInt(5), Instant.ofEpochMilli(r.getLong(6))));
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
