package dev.blacksky.core.inbound;

import com.typesafe.config.Config;
import dev.blacksky.core.config.ConfigRanges;
import java.time.Duration;

/** The {@code blacksky.inbound.journal} settings, and the account whose journal it is. */
public record JournalSettings(String account, Duration keepFor, int maxEntries, int maxAttempts, int inMemoryPerChat) {

    public static JournalSettings from(Config config) {
        String j = "blacksky.inbound.journal.";
        return new JournalSettings(config.getString("blacksky.account"), ConfigRanges.positive(config, j + "keep-for"),
                ConfigRanges.atLeast(config, j + "max-entries", 1), ConfigRanges.atLeast(config, j + "max-attempts", 1),
                ConfigRanges.atLeast(config, j + "in-memory-per-chat", 1));
    }
}
