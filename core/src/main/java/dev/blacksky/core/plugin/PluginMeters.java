package dev.blacksky.core.plugin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The plugins' meters, which every account shares: plugins by state, and the times each one's breaker opened. */
@Singleton
public final class PluginMeters {

    private final MeterRegistry registry;
    private final PluginHost plugins;
    private final BreakerTrips trips;

    @Inject
    PluginMeters(MeterRegistry registry, PluginHost plugins, BreakerTrips trips) {
        this.registry = registry;
        this.plugins = plugins;
        this.trips = trips;
    }

    public void start() {
        for (PluginStatus.State state : PluginStatus.State.values()) {
            Gauge.builder("blacksky.plugins", plugins, p -> p.status().stream().filter(s -> s.state() == state).count())
                    .description("Plugins by state").tag("state", state.name()).register(registry);
        }
        trips.addListener((plugin, reason) -> Counter.builder("blacksky.plugin.breaker.trips")
                .description("Times a plugin's circuit breaker opened").tag("plugin", plugin).register(registry).increment());
    }
}
