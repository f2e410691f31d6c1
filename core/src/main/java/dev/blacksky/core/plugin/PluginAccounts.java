package dev.blacksky.core.plugin;

import dev.blacksky.api.group.Groups;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.Messenger;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.core.account.HostedAccount;
import dev.blacksky.core.account.HostedAccounts;
import dev.blacksky.core.dispatch.PluginCalls;
import dev.blacksky.core.outbound.Origin;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** The accounts one plugin serves, and its messenger and groups on each: what its context hands out. */
final class PluginAccounts {

    private final String pluginId;
    private final HostedAccounts accounts;
    private final PluginCalls calls;
    private final Map<String, Messenger> messengers = new ConcurrentHashMap<>();
    private final Map<String, Groups> groups = new ConcurrentHashMap<>();

    PluginAccounts(String pluginId, HostedAccounts accounts, PluginCalls calls) {
        this.pluginId = pluginId;
        this.accounts = accounts;
        this.calls = calls;
    }

    List<String> names() {
        return accounts.servedBy(pluginId);
    }

    /** The account this thread handles a call of, if the plugin serves it; else the first it serves. */
    HostedAccount current() {
        HostedAccount current = accounts.current();
        if (current.plan().serves(pluginId)) {
            return current;
        }
        List<String> served = names();
        if (served.isEmpty()) {
            throw new IllegalStateException("Plugin '" + pluginId + "' serves no account: blacksky.accounts lists its"
                    + " id under no account's plugins");
        }
        return served(served.getFirst());
    }

    Messenger messenger(String account) {
        HostedAccount hosted = served(account);
        return messengers.computeIfAbsent(hosted.name(),
                name -> hosted.outbound().as(Origin.broadcastFrom(pluginId), calls::forPlugin));
    }

    Groups groups(String account) {
        HostedAccount hosted = served(account);
        return groups.computeIfAbsent(hosted.name(), name -> PluginContexts.handedOff(hosted::groups, calls));
    }

    /** A messenger that sends through {@link #current()} at each call. */
    Messenger currentMessenger() {
        return new Messenger() {
            @Override
            public CompletionStage<String> send(ChatId chat, String text) {
                return now().send(chat, text);
            }

            @Override
            public CompletionStage<String> send(ChatId chat, OutgoingMessage message) {
                return now().send(chat, message);
            }

            @Override
            public CompletionStage<Void> delete(Message message) {
                return now().delete(message);
            }

            @Override
            public CompletionStage<Void> deleteSent(ChatId chat, String sentId) {
                return now().deleteSent(chat, sentId);
            }

            @Override
            public CompletionStage<Void> edit(ChatId chat, String sentId, String text) {
                return now().edit(chat, sentId, text);
            }

            @Override
            public CompletionStage<Void> react(Message target, String emoji) {
                return now().react(target, emoji);
            }

            private Messenger now() {
                return messenger(current().name());
            }
        };
    }

    private HostedAccount served(String account) {
        HostedAccount hosted = accounts.named(account).filter(a -> a.plan().serves(pluginId)).orElse(null);
        if (hosted == null) {
            throw new IllegalArgumentException("Plugin '" + pluginId + "' does not serve an account '" + account
                    + "'; it serves " + names());
        }
        return hosted;
    }
}
