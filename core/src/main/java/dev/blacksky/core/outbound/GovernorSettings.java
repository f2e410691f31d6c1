package dev.blacksky.core.outbound;

import com.typesafe.config.Config;
import dev.blacksky.core.config.ConfigRanges;
import java.time.Duration;
import com.typesafe.config.ConfigUtil;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code blacksky.outbound.governor} settings: WhatsApp's unwritten anti-spam limits, all configurable. */
public record GovernorSettings(
        List<String> transports,
        double perMinute,
        int burst,
        Duration perChatGap,
        int perHour,
        int perDay,
        Duration rampAfterConnect,
        double rampStart,
        double pluginShare,
        Map<String, Double> pluginShares) {

    public static GovernorSettings from(Config config) {
        String g = "blacksky.outbound.governor.";
        Map<String, Double> shares = new TreeMap<>();
        for (String plugin : config.getConfig(g + "plugin-shares").root().keySet()) {
            shares.put(plugin, ConfigRanges.fraction(config, g + "plugin-shares." + ConfigUtil.joinPath(plugin)));
        }
        return new GovernorSettings(config.getStringList(g + "transports"), ConfigRanges.positiveNumber(config, g + "per-minute"),
                ConfigRanges.atLeast(config, g + "burst", 1), config.getDuration(g + "per-chat-gap"),
                ConfigRanges.atLeast(config, g + "per-hour", 1), ConfigRanges.atLeast(config, g + "per-day", 1),
                config.getDuration(g + "ramp-after-connect"), ConfigRanges.fraction(config, g + "ramp-start"),
                ConfigRanges.fraction(config, g + "plugin-share"), Map.copyOf(shares));
    }

    /** The share of the hourly and daily budget that {@code pluginId}'s broadcasts may use. */
    double shareOf(String pluginId) {
        return pluginShares.getOrDefault(pluginId, pluginShare);
    }
}
