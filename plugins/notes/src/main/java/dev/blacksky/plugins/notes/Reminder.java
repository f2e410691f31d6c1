package dev.blacksky.plugins.notes;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.UserId;
import dev.blacksky.api.storage.KeyValueStore;
import java.time.Instant;

/**
 * A pending reminder, stored as a record (KeyValueStore.putRecord) so that it survives a restart, with the account
 * it was asked through (null in reminders stored before accounts). Reminders stored by earlier versions, as lines
 * or as "due|chat|user|text", are still read.
 */
record Reminder(Instant due, ChatId chat, UserId user, String text, String account) {

    static Reminder read(KeyValueStore store, String key, String value) {
        return value.startsWith("{") ? store.getRecord(key, Reminder.class).orElseThrow() : decode(value);
    }

    private static Reminder decode(String value) {
        String[] parts = value.startsWith("2\n") ? value.substring(2).split("\n", 4) : value.split("\\|", 4);
        return new Reminder(Instant.ofEpochMilli(Long.parseLong(parts[0])), ChatId.of(parts[1]), UserId.of(parts[2]), parts[3],
                null);
    }
}
