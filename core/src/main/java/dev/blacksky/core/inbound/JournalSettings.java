package dev.blacksky.core.inbound;

import com.typesafe.config.Config;
import java.time.Duration;

/** The {@code blacksky.inbound.journal} settings. */
public record JournalSettings(Duration keepFor, int maxEntries) {

    public static JournalSettings from(Config config) {
        return new JournalSettings(config.getDuration("blacksky.inbound.journal.keep-for"),
                config.getInt("blacksky.inbound.journal.max-entries"));
    }
}
