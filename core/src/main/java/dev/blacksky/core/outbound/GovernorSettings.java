package dev.blacksky.core.outbound;

import com.typesafe.config.Config;
import dev.blacksky.core.config.ConfigRanges;
import java.time.Duration;
import java.util.List;

/** The {@code blacksky.outbound.governor} settings: WhatsApp's unwritten anti-spam limits, all configurable. */
public record GovernorSettings(
        List<String> transports,
        double perMinute,
        int burst,
        Duration perChatGap,
        int perHour,
        int perDay,
        Duration rampAfterConnect,
        double rampStart) {

    public static GovernorSettings from(Config config) {
        String g = "blacksky.outbound.governor.";
        return new GovernorSettings(config.getStringList(g + "transports"), ConfigRanges.positiveNumber(config, g + "per-minute"),
                ConfigRanges.atLeast(config, g + "burst", 1), config.getDuration(g + "per-chat-gap"),
                ConfigRanges.atLeast(config, g + "per-hour", 1), ConfigRanges.atLeast(config, g + "per-day", 1),
                config.getDuration(g + "ramp-after-connect"), ConfigRanges.fraction(config, g + "ramp-start"));
    }
}
