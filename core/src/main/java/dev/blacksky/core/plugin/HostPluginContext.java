package dev.blacksky.core.plugin;

import com.typesafe.config.Config;
import dev.blacksky.api.PluginContext;
import dev.blacksky.api.group.Groups;
import dev.blacksky.api.message.MediaDownloader;
import dev.blacksky.api.message.Messenger;
import dev.blacksky.core.schedule.HostPluginScheduler;
import dev.blacksky.core.storage.PluginStore;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;

/** The host's {@link PluginContext}: one per started plugin; {@link #close()} releases what it handed out. */
record HostPluginContext(String pluginId, Config config, PluginStore storage, HostPluginScheduler scheduler,
                         Messenger messenger, Groups groups, MediaDownloader media, PluginAccounts served,
                         String commandPrefix, Clock clock, Logger logger) implements PluginContext, AutoCloseable {

    @Override
    public Messenger messenger(String account) {
        return served.messenger(account);
    }

    @Override
    public Groups groups(String account) {
        return served.groups(account);
    }

    @Override
    public List<String> accounts() {
        return served.names();
    }

    @Override
    public String account() {
        return served.current().name();
    }

    /** Cancels the plugin's tasks and closes its store; the stored data stays. */
    @Override
    public void close() {
        scheduler.close();
        storage.close();
    }
}
