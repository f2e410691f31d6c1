package dev.blacksky.core.plugin;

import com.typesafe.config.Config;
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
                config.getDuration(p + "debounce"),
                config.getDuration(p + "rescan-every"),
                config.getInt(p + "bulkhead.max-concurrent-calls"),
                config.getInt(p + "bulkhead.max-queued-calls"),
                config.getDuration(p + "bulkhead.max-queue-wait"),
                config.getInt(p + "breaker.consecutive-failures"),
                config.getInt(p + "breaker.window"),
                config.getDouble(p + "breaker.failure-rate"),
                config.getDuration(p + "breaker.open-for"),
                config.getDuration(p + "drain-timeout"));
    }
}
