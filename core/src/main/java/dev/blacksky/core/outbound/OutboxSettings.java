package dev.blacksky.core.outbound;

import com.typesafe.config.Config;
import dev.blacksky.core.config.ConfigRanges;
import java.time.Duration;

/** The {@code blacksky.outbound.outbox} settings (retries and the dead letter), and the account whose outbox it is. */
public record OutboxSettings(String account, int maxAttempts, Duration retryBase, Duration retryCap) {

    public static OutboxSettings from(Config config) {
        String o = "blacksky.outbound.outbox.";
        return new OutboxSettings(config.getString("blacksky.account"), ConfigRanges.atLeast(config, o + "max-attempts", 1),
                ConfigRanges.positive(config, o + "retry-base"), ConfigRanges.positive(config, o + "retry-cap"));
    }

    /** Exponential: base, 2 x base, 4 x base ... up to the cap. */
    Duration retryAfter(int attempts) {
        Duration delay = retryBase.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return delay.compareTo(retryCap) > 0 ? retryCap : delay;
    }
}
