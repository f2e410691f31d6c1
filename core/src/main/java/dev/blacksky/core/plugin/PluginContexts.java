package dev.blacksky.core.plugin;

import com.typesafe.config.Config;
import dev.blacksky.api.group.GroupInfo;
import dev.blacksky.api.group.Groups;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.MediaDownloader;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.account.HostedAccounts;
import dev.blacksky.core.dispatch.DispatchSettings;
import dev.blacksky.core.dispatch.PluginCalls;
import dev.blacksky.core.schedule.HostPluginScheduler;
import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.storage.Storage;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/** Makes each plugin's {@link HostPluginContext}; what a plugin chains to a stage runs on its threads, not the host's. */
@Singleton
final class PluginContexts {

    private final Storage storage;
    private final TimeSource time;
    private final HostedAccounts accounts;
    private final PluginCalls calls;
    private final String prefix;

    @Inject
    PluginContexts(Storage storage, TimeSource time, HostedAccounts accounts, PluginCalls calls, DispatchSettings dispatch) {
        this.prefix = dispatch.prefixes().getFirst();
        this.storage = storage;
        this.time = time;
        this.accounts = accounts;
        this.calls = calls;
    }

    java.time.Clock clock() {
        return time.clock();
    }

    HostPluginContext create(String id, ClassLoader loader, Config pluginConfig) {
        PluginCalls.Call task = new PluginCalls.Call(id, null, loader, "scheduled task of plugin '" + id + "'");
        PluginAccounts served = new PluginAccounts(id, accounts, calls);
        MediaDownloader media = (message, maxBytes) -> calls.forPlugin(served.current().downloads().download(message,
                maxBytes));
        return new HostPluginContext(id, pluginConfig, storage.forPlugin(id),
                new HostPluginScheduler(id, body -> calls.execute(task, body).join(), time), served.currentMessenger(),
                handedOff(() -> served.current().groups(), calls), media, served, prefix, time.clock(),
                LoggerFactory.getLogger("plugin." + id));
    }

    /** The groups {@code of} names at each call, whose stages complete on the plugin's threads. */
    static Groups handedOff(Supplier<Groups> of, PluginCalls calls) {
        return new Groups() {
            @Override
            public java.util.Optional<UserId> bot() {
                return of.get().bot();
            }

            @Override
            public CompletionStage<GroupInfo> info(ChatId group) {
                return calls.forPlugin(of.get().info(group));
            }

            @Override
            public CompletionStage<Void> add(ChatId group, UserId user) {
                return calls.forPlugin(of.get().add(group, user));
            }

            @Override
            public CompletionStage<Void> remove(ChatId group, UserId user) {
                return calls.forPlugin(of.get().remove(group, user));
            }

            @Override
            public CompletionStage<Void> promote(ChatId group, UserId user) {
                return calls.forPlugin(of.get().promote(group, user));
            }

            @Override
            public CompletionStage<Void> demote(ChatId group, UserId user) {
                return calls.forPlugin(of.get().demote(group, user));
            }

            @Override
            public CompletionStage<Void> setSubject(ChatId group, String subject) {
                return calls.forPlugin(of.get().setSubject(group, subject));
            }

            @Override
            public CompletionStage<Void> setDescription(ChatId group, String description) {
                return calls.forPlugin(of.get().setDescription(group, description));
            }

            @Override
            public CompletionStage<Void> setAnnouncementOnly(ChatId group, boolean on) {
                return calls.forPlugin(of.get().setAnnouncementOnly(group, on));
            }

            @Override
            public CompletionStage<String> inviteLink(ChatId group) {
                return calls.forPlugin(of.get().inviteLink(group));
            }
        };
    }
}
