package dev.blacksky.api.storage;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A plugin's persistent key-value store: strings to strings, transactional, kept in the bot's data folder
 * across restarts and plugin reloads. Each plugin sees only its own keys.
 *
 * <pre>{@code
 * KeyValueStore store = context.storage();
 * store.put("greeting", "hello");
 * String greeting = store.get("greeting").orElse("hi");
 * long visits = Long.parseLong(store.update("visits", old -> String.valueOf(Long.parseLong(old.orElse("0")) + 1)));
 * Map<String, String> notes = store.entries("note:");   // every key starting with "note:"
 * }</pre>
 *
 * <p>Keys are 1 to 256 characters; values are limited in size ({@code blacksky.storage.max-value-size},
 * 64 KiB by default). Each call is atomic and durable when it returns. Safe to use from any thread. After
 * the plugin stops, every call throws {@link StorageException}.
 */
public interface KeyValueStore {

    /**
     * Reads a value.
     *
     * @param key the key
     * @return the value, or empty if the key is absent
     * @throws StorageException if the store is closed or the disk fails
     */
    Optional<String> get(String key);

    /**
     * Writes a value, replacing any previous one.
     *
     * @param key the key
     * @param value the value
     * @throws StorageException if the value is too large, the store is closed or the disk fails
     */
    void put(String key, String value);

    /**
     * Deletes a key.
     *
     * @param key the key
     * @return true if the key existed
     * @throws StorageException if the store is closed or the disk fails
     */
    boolean delete(String key);

    /**
     * Reads, changes and writes one value atomically, so concurrent updates never lose each other's changes.
     * When another write got in between, the host runs {@code change} again on the newer value: it may run
     * more than once, so keep it free of side effects (no sends, no counters outside it).
     *
     * <pre>{@code
     * store.update("count", n -> String.valueOf(Long.parseLong(n.orElse("0")) + 1));
     * }</pre>
     *
     * @param key the key
     * @param change gets the current value (or empty) and returns the new one; returning null deletes the key
     * @return the new value, or null if the key was deleted
     * @throws StorageException if the new value is too large, the store is closed or the disk fails
     */
    String update(String key, Function<Optional<String>, String> change);

    /**
     * Sets a value only if the key still holds what the caller saw: a claim, a lock, a one-time action.
     *
     * <pre>{@code
     * if (store.compareAndSet("winner:" + pollId, Optional.empty(), user.value())) { ctx.reply("You were first!"); }
     * }</pre>
     *
     * @param key the key
     * @param expected the value the key must hold now, or empty for "absent"
     * @param value the new value, or null to delete the key
     * @return true if the key held {@code expected} and now holds {@code value}
     * @throws StorageException if the new value is too large, the store is closed or the disk fails
     */
    default boolean compareAndSet(String key, Optional<String> expected, String value) {
        boolean[] swapped = new boolean[1];
        update(key, current -> {
            swapped[0] = current.equals(expected);
            return swapped[0] ? value : current.orElse(null);
        });
        return swapped[0];
    }

    /**
     * Stores a record as JSON: its components may be text, numbers, booleans, enums, {@code Instant},
     * {@code Duration}, {@code LocalDate}, {@code Optional}s, lists and other records.
     *
     * <pre>{@code
     * record Vote(UserId voter, List<String> choices, Instant at) {}
     * store.putRecord("vote:" + poll + ":" + voter.value(), new Vote(voter, choices, context.clock().instant()));
     * Optional<Vote> vote = store.getRecord("vote:" + poll + ":" + voter.value(), Vote.class);
     * }</pre>
     *
     * @param key the key
     * @param value the record
     * @param <T> the record's type
     * @throws IllegalArgumentException if a component's type cannot be stored
     * @throws StorageException if the value is too large, the store is closed or the disk fails
     */
    default <T extends Record> void putRecord(String key, T value) {
        put(key, RecordJson.write(value));
    }

    /**
     * Reads a record stored with {@link #putRecord}.
     *
     * @param key the key
     * @param type the record's class
     * @param <T> the record's type
     * @return the record, or empty if the key is absent
     * @throws IllegalArgumentException if the stored value does not fit the record
     * @throws StorageException if the store is closed or the disk fails
     */
    default <T extends Record> Optional<T> getRecord(String key, Class<T> type) {
        return get(key).map(json -> RecordJson.read(json, type));
    }

    /**
     * Changes a stored record atomically, as {@link #update} does a text: {@code change} may run more than
     * once, so keep it free of side effects. An absent key stays absent.
     *
     * <pre>{@code
     * store.updateRecord("poll:" + chat, OpenPoll.class, poll -> poll.withVote(voter, choices));
     * }</pre>
     *
     * @param key the key
     * @param type the record's class
     * @param change gets the current record and returns the new one
     * @param <T> the record's type
     * @return the new record, or empty if the key was absent
     * @throws StorageException if the new value is too large, the store is closed or the disk fails
     */
    default <T extends Record> Optional<T> updateRecord(String key, Class<T> type, java.util.function.UnaryOperator<T> change) {
        String next = update(key, json -> json.map(j -> RecordJson.write(change.apply(RecordJson.read(j, type)))).orElse(null));
        return Optional.ofNullable(next).map(j -> RecordJson.read(j, type));
    }

    /**
     * Lists the entries whose key starts with a prefix, in key order.
     *
     * @param keyPrefix the prefix; empty for all entries
     * @return the matching entries, as an ordered, unmodifiable map
     * @throws StorageException if the store is closed or the disk fails
     */
    Map<String, String> entries(String keyPrefix);
}
