package dev.blacksky.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.api.storage.KeyValueStore;
import dev.blacksky.core.config.HostPaths;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginStoreTest {

    @TempDir
    Path home;

    @Test
    void compare_and_set_swaps_only_what_the_caller_saw() {
        Storage storage = new Storage(new HostPaths(home, home.resolve("data"), home.resolve("plugins")),
                new StorageSettings("storage.db", 65536), Clock.systemUTC());
        storage.start();
        try {
            KeyValueStore store = storage.forPlugin("poll");
            assertThat(store.compareAndSet("winner", Optional.empty(), "alice")).isTrue();
            assertThat(store.compareAndSet("winner", Optional.empty(), "bob")).as("alice was first").isFalse();
            assertThat(store.get("winner")).hasValue("alice");
            assertThat(store.compareAndSet("winner", Optional.of("alice"), null)).isTrue();
            assertThat(store.get("winner")).isEmpty();
        } finally {
            storage.close();
        }
    }
}
