package dev.blacksky.core.metrics;

import dev.blacksky.core.connection.ConnectionSettings;
import dev.blacksky.core.inbound.InboundJournal;
import dev.blacksky.core.outbound.OutboundMessenger;
import dev.blacksky.core.plugin.BreakerTrips;
import dev.blacksky.core.plugin.PluginHost;
import dev.blacksky.core.plugin.PluginStatus;
import dev.blacksky.core.session.SessionService;
import dev.blacksky.core.transport.Transport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
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
 * The host's meters besides the connection's and the commands': messages, plugins, outbox, journal, session, and
 * the JVM's own. Registered in {@link #start()}; the values are read from their owners at each scrape.
 */
@Singleton
public final class HostMeters implements AutoCloseable {

    private final MeterRegistry registry;
    private final String account;
    private final Transport transport;
    private final OutboundMessenger outbound;
    private final PluginHost plugins;
    private final SessionService session;
    private final BreakerTrips trips;
    private final InboundJournal journal;
    private final Counter received;
    private JvmGcMetrics gc;

    @Inject
    HostMeters(MeterRegistry registry, ConnectionSettings connection, Transport transport, OutboundMessenger outbound,
               PluginHost plugins, SessionService session, BreakerTrips trips, InboundJournal journal) {
        this.registry = registry;
        this.account = connection.account();
        this.transport = transport;
        this.outbound = outbound;
        this.plugins = plugins;
        this.session = session;
        this.trips = trips;
        this.journal = journal;
        this.received = Counter.builder("blacksky.messages.received").description("Messages that reached the bot")
                .tag("account", account).register(registry);
    }

    /** A message reached the bot (before dedup, bans and dispatch). */
    public void received() {
        received.increment();
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

    public void start() {
        FunctionCounter.builder("blacksky.messages.sent", outbound, OutboundMessenger::sentCount)
                .description("Messages the transport accepted").tag("account", account).register(registry);
        FunctionCounter.builder("blacksky.governor.waits", outbound, OutboundMessenger::pacedCount)
                .description("Sends the send governor held back to keep to WhatsApp's pace").tag("account", account)
                .register(registry);
        Gauge.builder("blacksky.outbox.queued", outbound, OutboundMessenger::queued)
                .description("Messages queued or in flight").tag("account", account).register(registry);
        Gauge.builder("blacksky.outbox.dead", outbound, o -> o.deadLetters().size())
                .description("Messages the outbox gave up on (dead letters)").tag("account", account).register(registry);
        if (transport.durable()) {
            Gauge.builder("blacksky.journal.messages", journal, InboundJournal::size)
                    .description("Messages kept in the inbound journal").tag("account", account).register(registry);
        }
        FunctionCounter.builder("blacksky.session.writes", session, SessionService::writes)
                .description("Completed writes of the WhatsApp session").tag("account", account).register(registry);
        FunctionCounter.builder("blacksky.session.backups", session, SessionService::backupsTaken)
                .description("Session backups taken").tag("account", account).register(registry);
        for (PluginStatus.State state : PluginStatus.State.values()) {
            Gauge.builder("blacksky.plugins", plugins, p -> p.status().stream().filter(s -> s.state() == state).count())
                    .description("Plugins by state").tag("state", state.name()).register(registry);
        }
        trips.addListener((plugin, reason) -> Counter.builder("blacksky.plugin.breaker.trips")
                .description("Times a plugin's circuit breaker opened").tag("plugin", plugin).register(registry).increment());
    }

    @Override
    public synchronized void close() {
        if (gc != null) {
            gc.close();
        }
    }
}
