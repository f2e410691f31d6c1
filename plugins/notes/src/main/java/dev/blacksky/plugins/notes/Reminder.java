package dev.blacksky.plugins.notes;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.UserId;
import java.time.Instant;

/** A pending reminder, stored as "due|chat|user|text" so it survives a restart. */
record Reminder(Instant due, ChatId chat, UserId user, String text) {

    String encode() {
        return due.toEpochMilli() + "|" + chat + "|" + user + "|" + text;
    }

    static Reminder decode(String value) {
        String[] parts = value.split("\\|", 4);
        return new Reminder(Instant.ofEpochMilli(Long.parseLong(parts[0])), ChatId.of(parts[1]), UserId.of(parts[2]), parts[3]);
    }
}
