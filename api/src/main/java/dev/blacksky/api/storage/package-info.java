/**
 * Persistent storage for plugins: {@link dev.blacksky.api.storage.KeyValueStore}, one namespace per
 * plugin, kept across restarts and reloads, and {@link dev.blacksky.api.storage.StorageException}.
 */
package dev.blacksky.api.storage;
