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
import java.util.List;
import java.util.Locale;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Turns inbound messages into command calls: lookup, scope, access, arguments, then an isolated call. */
@Singleton
public final class Dispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final CommandRegistry registry;
    private final ListenerRegistry listeners;
    private final DispatchSettings settings;
    private final Messenger messenger;
    private final TimeSource time;
    private final AccessPolicy access;
    private final Cooldowns cooldowns = new Cooldowns();
    private final RecentMessages recent;
    private final KeyedSerialExecutor chats = new KeyedSerialExecutor();
    private final CommandInvoker invoker = new CommandInvoker();
    private final ReentrantLock idleLock = new ReentrantLock();
    private final Condition idle = idleLock.newCondition();
    private int inFlight;

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
        try {
            registry.register(CommandRegistry.BUILTIN, List.of(new HelpCommand(registry, access)));
        } catch (InvalidCommandException e) {
            throw new IllegalStateException(e);
        }
    }

    public AccessPolicy accessPolicy() {
        return access;
    }

    /**
     * Handles one message: banned senders and duplicates are dropped first, listeners hear the rest, and a
     * command runs in order with its chat. The stage completes when all of it is done; never blocks.
     */
    public CompletableFuture<Void> dispatch(Inbound inbound) {
        Message message = inbound.message();
        if (access.isBanned(message.sender().id(), message.chat().id()) || !recent.firstTime(message)) {
            return DONE;
        }
        CompletableFuture<Void> heard = publish(new MessageReceivedEvent(message));
        CommandLine line = CommandLine.parse(message.text(), settings.prefixes());
        if (line == null) {
            return heard;
        }
        enter();
        CompletableFuture<Void> done = chats.submit(message.chat().id(), () -> handle(line, inbound));
        done.whenComplete((ignored, error) -> leave());
        return heard == DONE ? done : CompletableFuture.allOf(done, heard);
    }

    /** Delivers an event to every listener, each call isolated like a command call. */
    public CompletableFuture<Void> publish(BotEvent event) {
        List<ListenerRegistry.Entry> all = listeners.all();
        if (all.isEmpty()) {
            return DONE;
        }
        CompletableFuture<?>[] calls = new CompletableFuture<?>[all.size()];
        for (int i = 0; i < calls.length; i++) {
            ListenerRegistry.Entry entry = all.get(i);
            enter();
            calls[i] = invoker.invoke(() -> listen(entry, event), settings.commandTimeout())
                    .handle((ignored, error) -> {
                        if (error != null) {
                            log.error("Listener {} of plugin '{}' failed on {}", entry.listener().getClass().getName(),
                                    entry.pluginId(), event.getClass().getSimpleName(), unwrap(error));
                        }
                        leave();
                        return null;
                    });
        }
        return CompletableFuture.allOf(calls);
    }

    private static void listen(ListenerRegistry.Entry entry, BotEvent event) throws Exception {
        MDC.put("plugin", entry.pluginId());
        try {
            entry.listener().onEvent(event);
        } finally {
            MDC.remove("plugin");
        }
    }

    /** Forgets a plugin's cooldown windows when it unloads. */
    public void forget(String pluginId) {
        cooldowns.forget(pluginId);
    }

    private CompletableFuture<Void> handle(CommandLine line, Inbound inbound) {
        Message message = inbound.message();
        Optional<Route> found = registry.find(line.word());
        if (found.isEmpty()) {
            boolean reply = message.chat().isGroup() ? settings.replyToUnknownInGroups() : settings.replyToUnknownInPrivate();
            if (reply) {
                return say(message, "Unknown command " + line.prefix() + line.word() + ". Send " + line.prefix()
                        + "help to see what I can do.");
            }
            return DONE;
        }
        Route route = found.get();
        CommandSpec spec = route.spec();
        String shown = line.prefix() + spec.name();
        if (!AccessPolicy.inScope(spec.scope(), message.chat().type())) {
            return say(message, shown + (spec.scope() == ChatScope.GROUP
                    ? " works only in groups." : " works only in a private chat with me."));
        }
        if (!AccessPolicy.allowedBy(spec.access(), access.isOwner(message.sender().id()), inbound.senderIsGroupAdmin(),
                message.chat().type())) {
            return say(message, spec.access() == Access.OWNERS
                    ? "Only the bot's owners can use " + shown + "."
                    : "Only group admins can use " + shown + ".");
        }
        Arguments arguments;
        try {
            arguments = ArgumentBinder.bind(spec, line.rest(), message);
        } catch (ArgumentException e) {
            return say(message, e.getMessage() + "\nUsage: " + line.prefix() + spec.usage());
        }
        boolean owner = access.isOwner(message.sender().id());
        if (spec.cooldown().isPresent() && !owner
                && cooldowns.check(route, spec.cooldown().get(), message, time.clock().instant())
                        instanceof Cooldowns.Refused refused) {
            return refused.answer()
                    ? say(message, "Slow down: " + shown + " can be used again in " + Cooldowns.describe(refused.remaining()) + ".")
                    : DONE;
        }
        HostCommandContext context = new HostCommandContext(message, arguments, line.word().toLowerCase(Locale.ROOT),
                line.prefix(), owner, inbound.senderIsGroupAdmin(), messenger);
        Duration timeout = spec.timeout().orElse(settings.commandTimeout());
        return invoker.invoke(() -> call(route, context), timeout)
                .handle((ignored, error) -> {
                    if (error != null) {
                        report(route, line, context, unwrap(error), timeout);
                    }
                    return null;
                });
    }

    private static void call(Route route, HostCommandContext context) throws Exception {
        MDC.put("plugin", route.pluginId());
        try {
            route.command().execute(context);
        } finally {
            MDC.remove("plugin");
        }
    }

    private void report(Route route, CommandLine line, HostCommandContext context, Throwable error, Duration timeout) {
        String shown = line.prefix() + route.spec().name();
        if (error instanceof CommandException) {
            say(context.message(), error.getMessage());
        } else if (error instanceof ArgumentException) {
            say(context.message(), error.getMessage() + "\nUsage: " + line.prefix() + route.spec().usage());
        } else if (error instanceof TimeoutException) {
            context.revoke();
            log.warn("Command {} of plugin '{}' ran past its {} timeout and was cancelled", shown, route.pluginId(), timeout);
            say(context.message(), "Sorry, " + shown + " took too long and was stopped.");
        } else {
            log.error("Command {} of plugin '{}' failed", shown, route.pluginId(), error);
            say(context.message(), "Sorry, " + shown + " failed. The bot's owner can find the details in the log.");
        }
    }

    private CompletableFuture<Void> say(Message message, String text) {
        try {
            return messenger.send(message.chat().id(), text).toCompletableFuture()
                    .handle((id, error) -> {
                        if (error != null) {
                            log.warn("Could not answer in {}: {}", message.chat().id(), error.toString());
                        }
                        return null;
                    });
        } catch (RuntimeException e) {
            log.warn("Could not answer in {}: {}", message.chat().id(), e.toString());
            return DONE;
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private void enter() {
        idleLock.lock();
        try {
            inFlight++;
        } finally {
            idleLock.unlock();
        }
    }

    private void leave() {
        idleLock.lock();
        try {
            if (--inFlight == 0) {
                idle.signalAll();
            }
        } finally {
            idleLock.unlock();
        }
    }

    /** Waits until no message is being handled, at most {@code timeout}; returns whether it got there. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        idleLock.lock();
        try {
            while (inFlight > 0) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = idle.awaitNanos(remaining);
            }
            return true;
        } finally {
            idleLock.unlock();
        }
    }

    @Override
    public void close() {
        invoker.close();
    }

    /** Handler calls whose thread is still running, including abandoned ones not yet interrupted out. */
    public int runningHandlers() {
        return invoker.running();
    }

    /** For diagnostics: messages accepted but not finished. */
    int inFlight() {
        idleLock.lock();
        try {
            return inFlight;
        } finally {
            idleLock.unlock();
        }
    }

}
