package dev.blacksky.core.inbound;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.Messenger;
import dev.blacksky.core.dispatch.Dispatcher;
import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.transport.Inbound;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Intake of messages the network already acknowledged: journal, dispatch, mark done; replay what a crash
 * interrupted, and dead-letter a message whose handling started max-attempts times without finishing.
 */
@Singleton
public final class JournaledIntake {

    private static final Logger log = LoggerFactory.getLogger(JournaledIntake.class);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final int EXCERPT = 80;

    private final InboundJournal journal;
    private final Dispatcher dispatcher;
    private final Messenger messenger;
    private final TimeSource time;
    private final JournalSettings settings;
    private volatile boolean running;

    @Inject
    public JournaledIntake(InboundJournal journal, Dispatcher dispatcher, Messenger messenger, TimeSource time,
                           JournalSettings settings) {
        this.journal = journal;
        this.dispatcher = dispatcher;
        this.messenger = messenger;
        this.time = time;
        this.settings = settings;
    }

    /** Opens the journal, sets aside what was tried too often, and dispatches what the previous run left unfinished. */
    public void start() {
        journal.open();
        journal.prune(time.clock().instant());
        running = true;
        schedulePrune();
        var unfinished = journal.unfinished();
        if (!unfinished.isEmpty()) {
            log.info("Handling {} messages the last run received but did not finish", unfinished.size());
        }
        for (InboundJournal.Unfinished left : unfinished) {
            if (left.attempts() >= settings.maxAttempts()) {
                deadLetter(left);
            } else {
                dispatch(left.inbound());
            }
        }
    }

    public void accept(Inbound inbound) {
        if (journal.record(inbound, time.clock().instant())) {
            dispatch(inbound.journaled(journal.key(inbound.message())));
        } else {
            log.debug("Dropped a redelivered message {}", inbound.message().id());
        }
    }

    /** While stopping: journals the message without handling it, so the next start does (the network counts it delivered). */
    public void keepForNextStart(Inbound inbound) {
        if (journal.record(inbound, time.clock().instant())) {
            log.info("Message {} arrived while stopping; it is journaled and handled at the next start", inbound.message().id());
        }
    }

    private void dispatch(Inbound inbound) {
        dispatcher.dispatch(inbound, () -> {
            boolean start = running; // once stopping, a message not yet started waits for the next start
            if (start) {
                journal.attempt(inbound.message());
            }
            return start;
        }).whenComplete((ignored, error) -> {
            if (running) {
                journal.done(inbound.message());
            }
        });
    }

    private void deadLetter(InboundJournal.Unfinished left) {
        Message m = left.inbound().message();
        journal.dead(m);
        String text = m.text().length() > EXCERPT ? m.text().substring(0, EXCERPT) + "…" : m.text();
        log.warn("Message {} from {} in {} was being handled each of the {} times the bot stopped unexpectedly; it is"
                + " set aside as a dead letter and not tried again: \"{}\"", m.id(), m.sender().id(), m.chat().id(),
                left.attempts(), text);
        String notice = "⚠️ A message from " + m.sender().id() + " in " + m.chat().id() + " was being handled each of the "
                + left.attempts() + " times the bot stopped unexpectedly, so it was set aside and will not be tried"
                + " again: \"" + text + "\". The log has the details.";
        dispatcher.accessPolicy().owners().forEach(owner -> messenger.send(ChatId.of(owner.value()), notice));
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
