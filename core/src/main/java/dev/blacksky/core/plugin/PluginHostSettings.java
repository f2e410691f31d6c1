package dev.blacksky.core.plugin;

import com.typesafe.config.Config;
import dev.blacksky.core.config.ConfigRanges;
import java.time.Duration;

/** The {@code blacksky.plugin-host} settings: folder watching, bulkheads, circuit breakers, draining. */
public record PluginHostSettings(
        boolean watch,
        Duration debounce,
        Duration rescanEvery,
        int maxConcurrentCalls,
        int maxQueuedCalls,
        Duration maxQueueWait,
        int breakerConsecutiveFailures,
        int breakerWindow,
        double breakerFailureRate,
        Duration breakerOpenFor,
        Duration drainTimeout) {

    public static PluginHostSettings from(Config config) {
        String p = "blacksky.plugin-host.";
        return new PluginHostSettings(
                config.getBoolean(p + "watch"),
                ConfigRanges.positive(config, p + "debounce"),
                ConfigRanges.positive(config, p + "rescan-every"),
                ConfigRanges.atLeast(config, p + "bulkhead.max-concurrent-calls", 1),
                ConfigRanges.atLeast(config, p + "bulkhead.max-queued-calls", 0),
                config.getDuration(p + "bulkhead.max-queue-wait"),
                ConfigRanges.atLeast(config, p + "breaker.consecutive-failures", 1),
                ConfigRanges.atLeast(config, p + "breaker.window", 1),
                ConfigRanges.fraction(config, p + "breaker.failure-rate"),
                ConfigRanges.positive(config, p + "breaker.open-for"),
                config.getDuration(p + "drain-timeout"));
    }
}
