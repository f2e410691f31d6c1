package dev.blacksky.core.outbound;

import com.typesafe.config.Config;
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
        return new GovernorSettings(config.getStringList(g + "transports"), config.getDouble(g + "per-minute"),
                config.getInt(g + "burst"), config.getDuration(g + "per-chat-gap"), config.getInt(g + "per-hour"),
                config.getInt(g + "per-day"), config.getDuration(g + "ramp-after-connect"), config.getDouble(g + "ramp-start"));
    }
}
