package dev.blacksky.plugins.notes;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.UserId;
import java.time.Instant;

/**
 * A pending reminder, stored so that it survives a restart: "2", due, chat, user and text on lines of their own
 * (ids hold no line breaks; the text, last, may). Reminders stored by earlier versions as "due|chat|user|text"
 * are still read, though a chat id holding '|' was split wrongly there.
 */
record Reminder(Instant due, ChatId chat, UserId user, String text) {

    String encode() {
        return "2\n" + due.toEpochMilli() + "\n" + chat + "\n" + user + "\n" + text;
    }

    static Reminder decode(String value) {
        String[] parts = value.startsWith("2\n") ? value.substring(2).split("\n", 4) : value.split("\\|", 4);
        return new Reminder(Instant.ofEpochMilli(Long.parseLong(parts[0])), ChatId.of(parts[1]), UserId.of(parts[2]), parts[3]);
    }
}
