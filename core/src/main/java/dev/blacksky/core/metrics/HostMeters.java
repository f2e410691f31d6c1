package dev.blacksky.core.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The JVM's and the process's meters (each account has its {@link AccountMeters}, the plugins their
 * {@code PluginMeters}). Values are read from their owners at each scrape.
 */
@Singleton
public final class HostMeters implements AutoCloseable {

    private final MeterRegistry registry;
    private JvmGcMetrics gc;

    @Inject
    HostMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * The JVM's and the process's own meters, bound at the first scrape rather than at start: they load the JVM's
     * management classes (about 1.5 MiB), which a bot nobody monitors has no use for. GC pauses count from then on.
     */
    public synchronized void bindJvmMeters() {
        if (gc != null) {
            return;
        }
        new JvmMemoryMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    @Override
    public synchronized void close() {
        if (gc != null) {
            gc.close();
        }
    }
}
