package dev.blacksky.core.metrics;

import dev.blacksky.core.connection.ConnectionSettings;
import dev.blacksky.core.inbound.InboundJournal;
import dev.blacksky.core.outbound.OutboundMessenger;
import dev.blacksky.core.session.SessionService;
import dev.blacksky.core.transport.Transport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** One account's meters, tagged with its name; an account run anew on a cluster node replaces the stopped one's. */
@Singleton
public final class AccountMeters {

    private final MeterRegistry registry;
    private final String account;
    private final Transport transport;
    private final OutboundMessenger outbound;
    private final SessionService session;
    private final InboundJournal journal;
    private final Counter received;

    @Inject
    AccountMeters(MeterRegistry registry, ConnectionSettings connection, Transport transport, OutboundMessenger outbound,
                  SessionService session, InboundJournal journal) {
        this.registry = registry;
        this.account = connection.account();
        this.transport = transport;
        this.outbound = outbound;
        this.session = session;
        this.journal = journal;
        this.received = Counter.builder("blacksky.messages.received").description("Messages that reached the bot")
                .tag("account", account).register(registry); // counts on across runs, as a counter should
    }

    /** A message reached the bot (before dedup, bans and dispatch). */
    public void received() {
        received.increment();
    }

    public synchronized void start() {
        for (String name : new String[] {"blacksky.messages.sent", "blacksky.governor.waits", "blacksky.outbox.queued",
            "blacksky.outbox.dead", "blacksky.journal.messages", "blacksky.session.writes", "blacksky.session.backups"}) {
            registry.find(name).tag("account", account).meters().forEach(registry::remove);
        }
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
    }

}
