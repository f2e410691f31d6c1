package dev.blacksky.core.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** {@code blacksky_commands_seconds}: each command call's latency by plugin, command and outcome, as a histogram. */
final class CommandMeters {

    // Buckets for what users feel, from an instant answer to the default timeout.
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    /** How a call ended: ok, refused (the user's mistake: bad arguments, a cooldown), error or timeout. */
    enum Outcome { OK, REFUSED, ERROR, TIMEOUT }

    private final MeterRegistry registry;
    private final String account;

    CommandMeters(MeterRegistry registry, String account) {
        this.registry = registry;
        this.account = account;
    }

    void record(String plugin, String command, Outcome outcome, long nanos) {
        Timer.builder("blacksky.commands").description("Command calls by plugin, command and outcome")
                .tags("account", account, "plugin", plugin, "command", command, "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .serviceLevelObjectives(BUCKETS).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }
}
