package dev.blacksky.core.storage;

import dev.blacksky.core.config.HostPaths;
import java.nio.file.Path;
import java.time.Clock;

/** The storage service: opens the database at start, hands each plugin its namespace, closes at stop. */
public final class Storage implements AutoCloseable {

    private final SqliteDatabase database;
    private final StorageSettings settings;
    private final Clock clock;

    private final Path dataFolder;

    public Storage(HostPaths paths, StorageSettings settings, Clock clock) {
        this.dataFolder = paths.data();
        this.database = new SqliteDatabase(paths.data().resolve(settings.file()));
        this.settings = settings;
        this.clock = clock;
    }

    public void start() {
        SqliteNativeLibrary.useCopyIn(dataFolder);
        database.open();
    }

    /** The database itself, for the host's own tables (the inbound journal, the outbox). */
    public SqliteDatabase database() {
        return database;
    }

    public PluginStore forPlugin(String pluginId) {
        return new PluginStore(pluginId, database, settings.maxValueBytes(), clock);
    }

    @Override
    public void close() {
        database.close();
    }
}
