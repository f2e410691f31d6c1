package dev.blacksky.core.plugin;

import com.typesafe.config.Config;
import dev.blacksky.api.PluginContext;
import dev.blacksky.api.message.Messenger;
import dev.blacksky.core.schedule.HostPluginScheduler;
import dev.blacksky.core.storage.PluginStore;
import java.time.Clock;
import org.slf4j.Logger;

/** The host's {@link PluginContext}: one per started plugin; {@link #close()} releases what it handed out. */
final class HostPluginContext implements PluginContext, AutoCloseable {

    private final String pluginId;
    private final Config config;
    private final PluginStore storage;
    private final HostPluginScheduler scheduler;
    private final Messenger messenger;
    private final Clock clock;
    private final Logger logger;

    HostPluginContext(String pluginId, Config config, PluginStore storage, HostPluginScheduler scheduler,
                      Messenger messenger, Clock clock, Logger logger) {
        this.pluginId = pluginId;
        this.config = config;
        this.storage = storage;
        this.scheduler = scheduler;
        this.messenger = messenger;
        this.clock = clock;
        this.logger = logger;
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public PluginStore storage() {
        return storage;
    }

    @Override
    public HostPluginScheduler scheduler() {
        return scheduler;
    }

    @Override
    public Messenger messenger() {
        return messenger;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Logger logger() {
        return logger;
    }

    /** Cancels the plugin's tasks and closes its store; the stored data stays. */
    @Override
    public void close() {
        scheduler.close();
        storage.close();
    }
}
