package dev.blacksky.core.storage;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.blacksky.core.config.HostPaths;
import java.time.Clock;

/** Binds the storage service; the database file opens only in {@link Storage#start()}. */
public final class StorageModule extends AbstractModule {

    private final StorageSettings settings;

    public StorageModule(StorageSettings settings) {
        this.settings = settings;
    }

    @Provides
    @Singleton
    Storage storage(HostPaths paths, Clock clock) {
        return new Storage(paths, settings, clock);
    }
}
