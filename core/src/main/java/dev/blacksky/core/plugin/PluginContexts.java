package dev.blacksky.core.plugin;

import com.typesafe.config.Config;
import dev.blacksky.api.group.GroupInfo;
import dev.blacksky.api.group.Groups;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.MediaDownloader;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.dispatch.DispatchSettings;
import dev.blacksky.core.dispatch.PluginCalls;
import dev.blacksky.core.group.GroupDirectory;
import dev.blacksky.core.inbound.MediaDownloads;
import dev.blacksky.core.outbound.Origin;
import dev.blacksky.core.outbound.OutboundMessenger;
import dev.blacksky.core.schedule.HostPluginScheduler;
import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.storage.Storage;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletionStage;
import org.slf4j.LoggerFactory;

/** Makes each plugin's {@link HostPluginContext}; what a plugin chains to a stage runs on its threads, not the host's. */
@Singleton
final class PluginContexts {

    private final Storage storage;
    private final TimeSource time;
    private final OutboundMessenger messenger;
    private final PluginCalls calls;
    private final GroupDirectory groups;
    private final MediaDownloads downloads;
    private final String prefix;

    @Inject
    PluginContexts(Storage storage, TimeSource time, OutboundMessenger messenger, PluginCalls calls, GroupDirectory groups,
                   MediaDownloads downloads, DispatchSettings dispatch) {
        this.prefix = dispatch.prefixes().getFirst();
        this.storage = storage;
        this.time = time;
        this.messenger = messenger;
        this.calls = calls;
        this.groups = groups;
        this.downloads = downloads;
    }

    java.time.Clock clock() {
        return time.clock();
    }

    HostPluginContext create(String id, ClassLoader loader, Config pluginConfig) {
        PluginCalls.Call task = new PluginCalls.Call(id, loader, "scheduled task of plugin '" + id + "'");
        MediaDownloader media = (message, maxBytes) -> calls.forPlugin(downloads.download(message, maxBytes));
        return new HostPluginContext(id, pluginConfig, storage.forPlugin(id),
                new HostPluginScheduler(id, body -> calls.execute(task, body).join(), time),
                messenger.as(Origin.broadcastFrom(id), calls::forPlugin), handedOff(groups, calls), media, prefix, time.clock(),
                LoggerFactory.getLogger("plugin." + id));
    }

    /** {@code groups} whose stages complete on the plugin's threads. */
    static Groups handedOff(Groups groups, PluginCalls calls) {
        return new Groups() {
            @Override
            public java.util.Optional<UserId> bot() {
                return groups.bot();
            }

            @Override
            public CompletionStage<GroupInfo> info(ChatId group) {
                return calls.forPlugin(groups.info(group));
            }

            @Override
            public CompletionStage<Void> add(ChatId group, UserId user) {
                return calls.forPlugin(groups.add(group, user));
            }

            @Override
            public CompletionStage<Void> remove(ChatId group, UserId user) {
                return calls.forPlugin(groups.remove(group, user));
            }

            @Override
            public CompletionStage<Void> promote(ChatId group, UserId user) {
                return calls.forPlugin(groups.promote(group, user));
            }

            @Override
            public CompletionStage<Void> demote(ChatId group, UserId user) {
                return calls.forPlugin(groups.demote(group, user));
            }

            @Override
            public CompletionStage<Void> setSubject(ChatId group, String subject) {
                return calls.forPlugin(groups.setSubject(group, subject));
            }

            @Override
            public CompletionStage<Void> setDescription(ChatId group, String description) {
                return calls.forPlugin(groups.setDescription(group, description));
            }

            @Override
            public CompletionStage<Void> setAnnouncementOnly(ChatId group, boolean on) {
                return calls.forPlugin(groups.setAnnouncementOnly(group, on));
            }

            @Override
            public CompletionStage<String> inviteLink(ChatId group) {
                return calls.forPlugin(groups.inviteLink(group));
            }
        };
    }
}
