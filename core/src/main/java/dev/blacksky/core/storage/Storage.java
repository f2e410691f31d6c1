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
    // Accounts whose journal and outbox live elsewhere (in a cluster's database) while this node runs them.
    private final java.util.Map<String, AccountDatabase> elsewhere = new java.util.concurrent.ConcurrentHashMap<>();

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

    /** Where {@code account}'s journal and outbox live: the database given by {@link #keepAccountIn}, else this one. */
    public AccountDatabase forAccount(String account) {
        return elsewhere.getOrDefault(account, database);
    }

    /** Keeps {@code account}'s journal and outbox in {@code database} from its next start on; null to keep them here. */
    public void keepAccountIn(String account, AccountDatabase database) {
        if (database == null) {
            elsewhere.remove(account);
        } else {
            elsewhere.put(account, database);
        }
    }

    public PluginStore forPlugin(String pluginId) {
        return new PluginStore(pluginId, database, settings.maxValueBytes(), clock);
    }

    @Override
    public void close() {
        database.close();
    }
}
