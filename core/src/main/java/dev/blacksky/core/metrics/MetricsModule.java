package dev.blacksky.core.metrics;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Binds the host's meter registry: Prometheus's, so {@code /metrics} can write it out as it is. */
public final class MetricsModule extends AbstractModule {

    @Provides
    @Singleton
    PrometheusMeterRegistry prometheus() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @Provides
    @Singleton
    MeterRegistry registry(PrometheusMeterRegistry prometheus) {
        return prometheus;
    }
}
