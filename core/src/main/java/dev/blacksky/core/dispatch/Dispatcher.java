package dev.blacksky.core.dispatch;

import dev.blacksky.api.event.BotEvent;
import dev.blacksky.api.event.MessageReceivedEvent;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.Messenger;
import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.transport.Inbound;
import dev.blacksky.core.transport.Transport;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns inbound messages into command calls: banned senders and duplicates are dropped first, listeners
 * hear the rest, and commands run in order per chat, each plugin call under a deadline.
 */
@Singleton
public final class Dispatcher implements AutoCloseable {

    private final ListenerRegistry listeners;
    private final DispatchSettings settings;
    private final AccessPolicy access;
    private final RecentMessages recent;
    private final DispatchMetrics metrics = new DispatchMetrics();
    private final AtomicLong inFlight = new AtomicLong(); // only shutdown reads it
    private final ChatLanes lanes;
    private final EventDelivery events;
    private final CommandRunner commands;

    @Inject
    public Dispatcher(CommandRegistry registry, ListenerRegistry listeners, DispatchSettings settings,
                      Transport transport, Messenger messenger, TimeSource time) {
        this.listeners = listeners;
        this.settings = settings;
        this.access = new AccessPolicy(settings.owners(), transport.implicitOwners(), settings.bannedUsers(),
                settings.bannedChats());
        this.recent = new RecentMessages(settings.dedupCapacity());
        this.lanes = new ChatLanes(this::leave, WorkerPool.workersFor(settings.workers()), settings.workerSpin(),
                settings.workerHandoff());
        this.commands = new CommandRunner(registry, settings, messenger, time, access, metrics);
        this.events = new EventDelivery(listeners, lanes, settings, metrics, inFlight::incrementAndGet);
        try {
            registry.register(CommandRegistry.BUILTIN, List.of(new HelpCommand(registry, access)));
        } catch (InvalidCommandException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Handles one message. The caller only enqueues it on its chat's lane, so it is never blocked, whatever
     * plugins do. On the lane, in order per chat: the ban check, dedup and the command; listeners hear the
     * message beside the lane, each on its own thread and in no particular order. The stage completes when
     * all of it is done, listeners included.
     */
    public CompletableFuture<Void> dispatch(Inbound inbound) {
        metrics.received.incrementAndGet();
        inFlight.incrementAndGet();
        MessageJob job = new MessageJob(inbound, !listeners.all().isEmpty());
        lanes.submit(inbound.message().chat().id(), job);
        if (!job.toListeners) {
            return job;
        }
        // With listeners, the message is done when its listeners are too; they run beside the lane, not on it.
        CompletableFuture<Void> result = new CompletableFuture<>();
        job.whenComplete((ignored, error) -> {
            CompletableFuture<Void> listening = job.heard;
            if (listening == null) {
                result.complete(null);
            } else {
                listening.whenComplete((x, e) -> result.complete(null));
            }
        });
        return result;
    }

    /** One inbound message on its chat's lane; completes when the lane is done with it. */
    private final class MessageJob extends Lane.Job {
        private final Inbound inbound;
        private final boolean toListeners;
        private volatile CompletableFuture<Void> heard; // the listeners' stage, once they have it

        MessageJob(Inbound inbound, boolean toListeners) {
            this.inbound = inbound;
            this.toListeners = toListeners;
        }

        @Override
        void run(Lane lane) {
            process(lane, this);
        }
    }

    private void process(Lane lane, MessageJob job) {
        Inbound inbound = job.inbound;
        Message message = inbound.message();
        if (access.isBanned(message.sender().id(), message.chat().id())) {
            metrics.dropped.incrementAndGet();
            return;
        }
        if (!recent.firstTime(message)) {
            metrics.duplicates.incrementAndGet();
            return;
        }
        if (job.toListeners) {
            job.heard = publish(new MessageReceivedEvent(message));
        }
        CommandLine line = CommandLine.parse(message.text(), settings.prefixes());
        if (line != null) {
            commands.run(lane, job, line, inbound);
        }
    }

    /** Delivers an event to every listener, each call on its own thread under the command deadline. */
    public CompletableFuture<Void> publish(BotEvent event) {
        return events.publish(event);
    }

    private void leave() {
        inFlight.decrementAndGet();
    }

    /**
     * Waits until no message or event is being handled, at most {@code timeout}; returns whether it got there.
     * Checks every few milliseconds: only shutdown waits, and the message path then pays nothing for it.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return true;
    }

    public AccessPolicy accessPolicy() {
        return access;
    }

    public DispatchMetrics.Snapshot metrics() {
        return metrics.snapshot();
    }

    /** Threads of timed-out calls that are still alive despite the interrupt (plugins ignoring it). */
    public int abandonedCallsAlive() {
        return lanes.abandonedThreadsAlive();
    }

    /** Forgets the cooldown windows of routes that are gone, so they keep no plugin classes alive. */
    public void forget(java.util.Collection<Route> routes) {
        commands.forget(routes);
        lanes.renewWorkers(); // and no worker thread keeps a thread-local of the plugin's, or its class loader
    }

    @Override
    public void close() {
        lanes.close();
    }
}
