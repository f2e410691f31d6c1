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
     * Reads, changes and writes one value in a single transaction, so concurrent updates never lose each
     * other's changes.
     *
     * @param key the key
     * @param change gets the current value (or empty) and returns the new one; returning null deletes the key
     * @return the new value, or null if the key was deleted
     * @throws StorageException if the new value is too large, the store is closed or the disk fails
     */
    String update(String key, Function<Optional<String>, String> change);

    /**
     * Lists the entries whose key starts with a prefix, in key order.
     *
     * @param keyPrefix the prefix; empty for all entries
     * @return the matching entries, as an ordered, unmodifiable map
     * @throws StorageException if the store is closed or the disk fails
     */
    Map<String, String> entries(String keyPrefix);
}
