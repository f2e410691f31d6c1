package dev.blacksky.core.inbound;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.Messenger;
import dev.blacksky.core.dispatch.Dispatcher;
import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.storage.AccountMovedException;
import dev.blacksky.core.transport.Inbound;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Intake of messages the network already acknowledged: journal, dispatch, mark done. Each chat holds at most
 * in-memory-per-chat of them in memory; the rest wait in the journal, in order, so a backlog costs disk, not heap.
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
    private final Map<ChatId, Window> chats = new HashMap<>(); // guarded by this
    private final JournalWriter writer;
    // The newest message handed on from the writer (or journaled by an earlier run). Reading the journal stops
    // there: a message already on disk but not yet handed on is the writer's to hand on, or it would run twice.
    private long handedOn; // guarded by this
    private volatile boolean running;

    // A chat's messages in memory, and whether more of them wait in the journal (after lastSeq).
    private static final class Window {
        int inMemory;
        boolean onDisk;
        boolean filling; // a message that completes at once must not start a second fill inside this one
        long lastSeq;
    }

    @Inject
    public JournaledIntake(InboundJournal journal, Dispatcher dispatcher, Messenger messenger, TimeSource time,
                           JournalSettings settings) {
        this.journal = journal;
        this.dispatcher = dispatcher;
        this.messenger = messenger;
        this.time = time;
        this.settings = settings;
        this.writer = new JournalWriter(journal, time, this::wake);
    }

    private synchronized void wake() {
        notifyAll();
    }

    /** Opens the journal and takes up, chat by chat, what the previous run left unfinished. */
    public synchronized void start() {
        journal.open();
        handedOn = journal.lastSeq();
        journal.prune(time.clock().instant());
        running = true;
        writer.start();
        schedulePrune();
        List<ChatId> unfinished = journal.chatsWithUnfinished();
        if (!unfinished.isEmpty()) {
            log.info("Handling the messages the last run received but did not finish, in {} chats", unfinished.size());
        }
        for (ChatId chat : unfinished) {
            chats.computeIfAbsent(chat, c -> new Window()).onDisk = true;
            fill(chat);
        }
    }

    /**
     * Journals {@code inbound} together with whatever else arrives meanwhile, and dispatches it once it is on disk;
     * returns at once. The stage completes when it is on disk: a transport that can hold its acknowledgement to the
     * network until then should.
     */
    public CompletableFuture<Void> accept(Inbound inbound) {
        return writer.record(inbound, seq -> journaled(inbound, seq));
    }

    // On the writer's thread, in the order journaled, so each chat's messages are dispatched in that order.
    private synchronized void journaled(Inbound inbound, long seq) {
        handedOn = Math.max(handedOn, seq);
        if (seq == 0) {
            log.debug("Dropped a redelivered message {}", inbound.message().id());
            return;
        }
        ChatId chat = inbound.message().chat().id();
        Window window = chats.computeIfAbsent(chat, c -> new Window());
        if (window.onDisk || window.inMemory >= settings.inMemoryPerChat()) {
            window.onDisk = true; // handled once the chat's earlier messages are
        } else {
            window.lastSeq = seq;
            dispatch(inbound.journaled(journal.key(inbound.message())), window);
        }
    }

    /** While stopping: journals the message without handling it, so the next start does (the network counts it delivered). */
    public CompletableFuture<Void> keepForNextStart(Inbound inbound) {
        return writer.record(inbound, seq -> {
            if (seq != 0) {
                log.info("Message {} arrived while stopping; it is journaled and handled at the next start",
                        inbound.message().id());
            }
        });
    }

    // Takes the chat's next messages from the journal, setting aside any whose handling started too often.
    private void fill(ChatId chat) {
        Window window = chats.get(chat);
        window.filling = true;
        do { // again while a whole page was set aside: nothing dispatched would ask for the next one
            int room = settings.inMemoryPerChat() - window.inMemory;
            List<InboundJournal.Unfinished> next = journal.unfinished(chat, window.lastSeq, handedOn, room);
            window.onDisk = next.size() == room;
            for (InboundJournal.Unfinished left : next) {
                window.lastSeq = left.seq();
                if (left.attempts() >= settings.maxAttempts()) {
                    deadLetter(left);
                } else {
                    dispatch(left.inbound(), window);
                }
            }
        } while (window.onDisk && window.inMemory == 0);
        window.filling = false;
        if (window.inMemory == 0 && !window.onDisk) {
            chats.remove(chat);
            notifyAll();
        }
    }

    private void dispatch(Inbound inbound, Window window) {
        window.inMemory++;
        AtomicBoolean moved = new AtomicBoolean();
        dispatcher.dispatch(inbound, () -> {
            boolean start = running; // once stopping, a message not yet started waits for the next start
            if (start) {
                try {
                    journal.attempt(inbound.message());
                } catch (AccountMovedException e) { // not handled here, nor marked done: the new owner handles it
                    log.info("Message {} is left to the account's new owner: {}", inbound.message().id(), e.getMessage());
                    moved.set(true);
                    return false;
                }
            }
            return start;
        }).whenComplete((ignored, error) -> finished(inbound.message(), !moved.get()));
    }

    private void finished(Message message, boolean handled) {
        if (!running) {
            return;
        }
        if (handled) {
            journal.done(message);
        }
        synchronized (this) {
            ChatId chat = message.chat().id();
            Window window = chats.get(chat);
            window.inMemory--;
            if (window.onDisk && !window.filling && window.inMemory <= settings.inMemoryPerChat() / 2) {
                fill(chat);
            } else if (window.inMemory == 0 && !window.onDisk && !window.filling) {
                chats.remove(chat);
                notifyAll();
            }
        }
    }

    /** Waits until the messages taken up so far, in memory or in the journal, are handled; at most until {@code deadline}. */
    public synchronized boolean awaitHandled(long deadline) throws InterruptedException {
        for (long left = deadline - System.nanoTime(); !idle() && left > 0; left = deadline - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return idle();
    }

    private boolean idle() {
        return chats.isEmpty() && writer.pending() == 0;
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

    /** Stops handling; what the writer still holds is journaled for the next start. */
    public void stop() {
        running = false;
        try {
            writer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
