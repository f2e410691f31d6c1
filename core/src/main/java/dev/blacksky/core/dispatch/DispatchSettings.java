package dev.blacksky.core.dispatch;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.blacksky.core.config.ConfigRanges;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code blacksky.dispatch} settings, owners and bans, read eagerly so errors surface at start-up. */
public record DispatchSettings(
        List<String> prefixes,
        Duration commandTimeout,
        Duration commandSlowAfter,
        boolean replyToUnknownInPrivate,
        boolean replyToUnknownInGroups,
        int dedupCapacity,
        int pluginThreads,
        int maxMessageLength,
        Set<UserId> owners,
        Set<UserId> bannedUsers,
        Set<ChatId> bannedChats) {

    public static DispatchSettings from(Config config) {
        String d = "blacksky.dispatch.";
        List<String> prefixes = config.getStringList(d + "prefixes");
        if (prefixes.isEmpty() || prefixes.stream().anyMatch(String::isBlank)) {
            throw new ConfigException.BadValue(config.getValue(d + "prefixes").origin(), d + "prefixes",
                    "needs at least one non-blank prefix, such as \"!\"");
        }
        Set<UserId> owners = config.getStringList("blacksky.owners").stream()
                .map(UserId::parse)
                .collect(Collectors.toUnmodifiableSet());
        return new DispatchSettings(List.copyOf(prefixes), ConfigRanges.positive(config, d + "command-timeout"),
                ConfigRanges.positive(config, d + "command-slow-after"),
                config.getBoolean(d + "reply-to-unknown-in-private"), config.getBoolean(d + "reply-to-unknown-in-groups"),
                ConfigRanges.atLeast(config, d + "dedup-capacity", 1), ConfigRanges.between(config, d + "plugin-threads", 1, 1024),
                ConfigRanges.atLeast(config, "blacksky.inbound.max-message-length", 1), owners,
                config.getStringList("blacksky.banned.users").stream().map(UserId::parse)
                        .collect(Collectors.toUnmodifiableSet()),
                config.getStringList("blacksky.banned.chats").stream().map(String::trim).map(ChatId::of)
                        .collect(Collectors.toUnmodifiableSet()));
    }

}
