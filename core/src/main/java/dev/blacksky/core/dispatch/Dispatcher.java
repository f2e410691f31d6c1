package dev.blacksky.core.dispatch;

import dev.blacksky.api.command.Access;
import dev.blacksky.api.command.ArgumentException;
import dev.blacksky.api.command.Arguments;
import dev.blacksky.api.command.ChatScope;
import dev.blacksky.api.command.CommandException;
import dev.blacksky.api.command.CommandSpec;
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
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns inbound messages into command calls: banned senders and duplicates are dropped first, listeners
 * hear the rest, and commands run in order per chat, each plugin call under a deadline.
 */
@Singleton
public final class Dispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final CommandRegistry registry;
    private final ListenerRegistry listeners;
    private final DispatchSettings settings;
    private final Messenger messenger;
    private final TimeSource time;
    private final AccessPolicy access;
    private final Cooldowns cooldowns = new Cooldowns();
    private final RecentMessages recent;
    private final DispatchMetrics metrics = new DispatchMetrics();
    private final AtomicLong inFlight = new AtomicLong(); // only shutdown reads it
    private final ChatLanes lanes;
    private final EventDelivery events;
    private final long slowAfterNanos;

    @Inject
    public Dispatcher(CommandRegistry registry, ListenerRegistry listeners, DispatchSettings settings,
                      Transport transport, Messenger messenger, TimeSource time) {
        this.registry = registry;
        this.listeners = listeners;
        this.settings = settings;
        this.messenger = messenger;
        this.time = time;
        this.access = new AccessPolicy(settings.owners(), transport.implicitOwners(), settings.bannedUsers(),
                settings.bannedChats());
        this.recent = new RecentMessages(settings.dedupCapacity());
        this.lanes = new ChatLanes(this::leave, WorkerPool.workersFor(settings.workers()), settings.workerSpin(),
                settings.workerHandoff());
        this.slowAfterNanos = settings.commandSlowAfter().toNanos();
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
        if (listeners.all().isEmpty()) {
            MessageJob job = new MessageJob(inbound, false);
            lanes.submit(inbound.message().chat().id(), job);
            return job;
        }
        // With listeners, the message is done when its listeners are too; they run beside the lane, not on it.
        MessageJob job = new MessageJob(inbound, true);
        CompletableFuture<Void> result = new CompletableFuture<>();
        lanes.submit(inbound.message().chat().id(), job);
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
            handle(lane, job, line, inbound);
        }
    }

    /** Delivers an event to every listener, each call on its own thread under the command deadline. */
    public CompletableFuture<Void> publish(BotEvent event) {
        return events.publish(event);
    }

    private void handle(Lane lane, MessageJob job, CommandLine line, Inbound inbound) {
        Message message = inbound.message();
        Route route = registry.lookup(line.word());
        if (route == null) {
            boolean reply = message.chat().isGroup() ? settings.replyToUnknownInGroups() : settings.replyToUnknownInPrivate();
            if (reply) {
                say(message, "Unknown command " + line.prefix() + line.word() + ". Send " + line.prefix()
                        + "help to see what I can do.");
            }
            return;
        }
        CommandSpec spec = route.spec();
        boolean owner = access.isOwner(message.sender().id());
        if (!AccessPolicy.inScope(spec.scope(), message.chat().type())) {
            say(message, shown(line, spec) + (spec.scope() == ChatScope.GROUP ? " works only in groups." : " works only in a private chat with me."));
            return;
        }
        if (!AccessPolicy.allowedBy(spec.access(), owner, inbound.senderIsGroupAdmin(), message.chat().type())) {
            say(message, spec.access() == Access.OWNERS
                    ? "Only the bot's owners can use " + shown(line, spec) + "."
                    : "Only group admins can use " + shown(line, spec) + ".");
            return;
        }
        Arguments arguments;
        try {
            arguments = ArgumentBinder.bind(route.arguments(), line.rest(), message);
        } catch (ArgumentException e) {
            say(message, e.getMessage() + "\nUsage: " + line.prefix() + spec.usage());
            return;
        }
        if (spec.cooldown().isPresent() && !owner
                && cooldowns.check(route, spec.cooldown().get(), message, time.clock().instant())
                        instanceof Cooldowns.Refused refused) {
            if (refused.answer()) {
                say(message, "Slow down: " + shown(line, spec) + " can be used again in " + DurationText.of(refused.remaining()) + ".");
            }
            return;
        }
        String invokedAs = line.word().equals(spec.name()) ? spec.name() : line.word().toLowerCase(Locale.ROOT);
        HostCommandContext context = new HostCommandContext(message, arguments, invokedAs, line.prefix(), owner,
                inbound.senderIsGroupAdmin(), messenger);
        Duration timeout = spec.timeout().orElse(settings.commandTimeout());
        PluginGate gate = route.gate();
        PluginGate.Admission admission = gate.admit();
        if (admission instanceof PluginGate.Retired) {
            Route current = registry.lookup(line.word()); // reloaded just now: the new version takes the call
            if (current == null || current == route) {
                say(message, "Sorry, " + shown(line, spec) + " is being reloaded; try again in a moment.");
                return;
            }
            handle(lane, job, line, inbound);
            return;
        }
        if (admission instanceof PluginGate.Refused refused) {
            say(message, refused.reason());
            return;
        }
        metrics.commands.incrementAndGet();
        CommandCall call = new CommandCall(route, line, context, timeout);
        Throwable failure = ChatLanes.guarded(lane, job, Math.min(slowAfterNanos, call.timeoutNanos), call.timeoutNanos, call);
        if (failure == ChatLanes.TIMED_OUT) {
            return;
        }
        if (failure != null) {
            report(route, line, context, failure); // the user hears first; a breaker alert to owners may follow
        }
        gate.release(failure == null ? PluginGate.Outcome.SUCCESS
                : failure instanceof CommandException || failure instanceof ArgumentException
                        ? PluginGate.Outcome.USER_ERROR : PluginGate.Outcome.FAILURE);
    }

    /** A command's call under its deadline. */
    private final class CommandCall extends GuardedCall {
        private final Route route;
        private final CommandLine line;
        private final HostCommandContext context;
        private final Duration timeout;
        private final long timeoutNanos;

        CommandCall(Route route, CommandLine line, HostCommandContext context, Duration timeout) {
            super(route.pluginId(), route.gate().classLoader());
            this.route = route;
            this.line = line;
            this.context = context;
            this.timeout = timeout;
            this.timeoutNanos = timeout.toNanos();
        }

        @Override
        void invoke() throws Exception {
            route.command().execute(context);
        }

        @Override
        void onSlow() {
            log.warn("Command {} of plugin '{}' is still running after {}", shown(line, route.spec()), pluginId(),
                    timeout.compareTo(settings.commandSlowAfter()) > 0 ? settings.commandSlowAfter() : timeout);
        }

        @Override
        void onTimeout() {
            timedOut(route, shown(line, route.spec()), context, timeout);
        }
    }

    // The command as the user typed its name, for answers and logs; built only when one is needed.
    private static String shown(CommandLine line, CommandSpec spec) {
        return line.prefix() + spec.name();
    }

    // Runs on the watchdog: the call is abandoned and its context revoked, so a late reply never confuses.
    private void timedOut(Route route, String shown, HostCommandContext context, Duration timeout) {
        context.revoke();
        route.gate().release(PluginGate.Outcome.TIMEOUT);
        metrics.timeouts.incrementAndGet();
        log.warn("Command {} of plugin '{}' ran past its {} timeout and was cancelled", shown, route.pluginId(), timeout);
        say(context.message(), "Sorry, " + shown + " took too long and was stopped.");
    }

    private void report(Route route, CommandLine line, HostCommandContext context, Throwable error) {
        String shown = shown(line, route.spec());
        if (error instanceof CommandException) {
            say(context.message(), error.getMessage());
        } else if (error instanceof ArgumentException) {
            say(context.message(), error.getMessage() + "\nUsage: " + line.prefix() + route.spec().usage());
        } else {
            metrics.failures.incrementAndGet();
            log.error("Command {} of plugin '{}' failed", shown, route.pluginId(), error);
            say(context.message(), "Sorry, " + shown + " failed. The bot's owner can find the details in the log.");
        }
    }

    private void say(Message message, String text) {
        try {
            messenger.send(message.chat().id(), text).whenComplete((id, error) -> {
                if (error != null) {
                    log.warn("Could not answer in {}: {}", message.chat().id(), error.toString());
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not answer in {}: {}", message.chat().id(), e.toString());
        }
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
        cooldowns.forget(routes);
        lanes.renewWorkers(); // and no worker thread keeps a thread-local of the plugin's, or its class loader
    }

    @Override
    public void close() {
        lanes.close();
    }
}
