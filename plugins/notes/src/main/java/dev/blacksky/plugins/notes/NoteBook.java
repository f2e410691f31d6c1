package dev.blacksky.plugins.notes;

import dev.blacksky.api.PluginContext;
import dev.blacksky.api.command.CommandException;
import dev.blacksky.api.message.UserId;
import dev.blacksky.api.storage.KeyValueStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** Each user's numbered notes in the plugin's store, under keys "note:<user>:<number>". */
@Singleton
public final class NoteBook {

    private final KeyValueStore store;
    private final int maxNotes;
    private final int maxLength;

    @Inject
    public NoteBook(PluginContext context) {
        this.store = context.storage();
        this.maxNotes = context.config().getInt("max-notes");
        this.maxLength = context.config().getInt("max-note-length");
    }

    /** Saves a note and returns its number; checks come first, so a refused note takes no number. */
    public long add(UserId user, String text) {
        if (text.length() > maxLength) {
            throw new CommandException("A note can be at most " + maxLength + " characters; this one has " + text.length() + ".");
        }
        if (list(user).size() >= maxNotes) {
            throw new CommandException("You already have " + maxNotes + " notes. Delete one with !forget <number> first.");
        }
        long number = Long.parseLong(store.update("next:" + user, n -> String.valueOf(Long.parseLong(n.orElse("0")) + 1)));
        store.put(key(user, number), text);
        return number;
    }

    /** The user's notes as "number. text", oldest first. */
    public List<String> list(UserId user) {
        Map<String, String> notes = store.entries("note:" + user + ":");
        return notes.entrySet().stream()
                .sorted((a, b) -> Long.compare(number(a.getKey()), number(b.getKey())))
                .map(e -> number(e.getKey()) + ". " + e.getValue())
                .toList();
    }

    public boolean delete(UserId user, long number) {
        return store.delete(key(user, number));
    }

    private static String key(UserId user, long number) {
        return "note:" + user + ":" + number;
    }

    private static long number(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf(':') + 1));
    }
}
