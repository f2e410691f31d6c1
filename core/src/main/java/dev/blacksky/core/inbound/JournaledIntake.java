package dev.blacksky.core.inbound;

import dev.blacksky.core.dispatch.Dispatcher;
import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.transport.Inbound;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Intake for transports whose messages the network has already acknowledged: journal first, then dispatch,
 * then mark done. A redelivery (same chat, sender and id, even after a restart) is dropped; what a crash
 * interrupted is dispatched again at the next start.
 */
@Singleton
public final class JournaledIntake {

    private static final Logger log = LoggerFactory.getLogger(JournaledIntake.class);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final InboundJournal journal;
    private final Dispatcher dispatcher;
    private final TimeSource time;
    private volatile boolean running;

    @Inject
    public JournaledIntake(InboundJournal journal, Dispatcher dispatcher, TimeSource time) {
        this.journal = journal;
        this.dispatcher = dispatcher;
        this.time = time;
    }

    /** Opens the journal and dispatches what the previous run left unfinished. */
    public void start() {
        journal.open();
        journal.prune(time.clock().instant());
        running = true;
        schedulePrune();
        var unfinished = journal.unfinished();
        if (!unfinished.isEmpty()) {
            log.info("Handling {} messages the last run received but did not finish", unfinished.size());
        }
        unfinished.forEach(this::dispatch);
    }

    public void accept(Inbound inbound) {
        if (journal.record(inbound, time.clock().instant())) {
            dispatch(inbound);
        } else {
            log.debug("Dropped a redelivered message {}", inbound.message().id());
        }
    }

    private void dispatch(Inbound inbound) {
        dispatcher.dispatch(inbound).whenComplete((ignored, error) -> {
            if (running) {
                journal.done(inbound.message());
            }
        });
    }

    private void schedulePrune() {
        time.schedule(PRUNE_EVERY, () -> {
            if (running) {
                int removed = journal.prune(time.clock().instant());
                log.debug("Pruned {} inbound journal rows", removed);
                schedulePrune();
            }
        });
    }

    public void stop() {
        running = false;
    }
}
