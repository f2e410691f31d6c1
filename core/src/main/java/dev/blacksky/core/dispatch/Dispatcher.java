package dev.blacksky.core.dispatch;

import dev.blacksky.api.event.BotEvent;
import dev.blacksky.api.event.GroupSubjectChangedEvent;
import dev.blacksky.api.event.MemberDemotedEvent;
import dev.blacksky.api.event.MemberJoinedEvent;
import dev.blacksky.api.event.MemberLeftEvent;
import dev.blacksky.api.event.MemberPromotedEvent;
import dev.blacksky.api.event.PollVotedEvent;
import dev.blacksky.api.event.MessageReceivedEvent;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.Message;
import dev.blacksky.core.config.AccountPlan;
import dev.blacksky.core.outbound.OutboundMessenger;
import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.storage.Storage;
import dev.blacksky.core.transport.Inbound;
import dev.blacksky.core.transport.Transport;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Turns inbound messages into command calls, each chat in order, so a stuck plugin delays only its own chat. */
@Singleton
public final class Dispatcher {

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final ListenerRegistry listeners;
    private final DispatchSettings settings;
    private final AccessPolicy access;
    private final RecentMessages recent;
    private final ChatQueues chats;
    private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();
    private final PluginCalls calls;
    private final EventDelivery events;
    private final CommandRunner commands;

    private final AccountPlan account;

    @Inject
    public Dispatcher(CommandRegistry registry, ListenerRegistry listeners, DispatchSettings settings,
                      Transport transport, OutboundMessenger messenger, TimeSource time, PluginCalls calls,
                      Storage storage, MeterRegistry meters, AccountPlan account) {
        this.account = account;
        this.listeners = listeners;
        this.settings = settings;
        this.calls = calls;
        this.chats = new ChatQueues(calls.steps());
        this.access = new AccessPolicy(settings.owners(), transport.implicitOwners(), settings.bannedUsers(),
                settings.bannedChats());
        this.recent = new RecentMessages(settings.dedupCapacity());
        this.commands = new CommandRunner(registry, settings, messenger, time, access, calls,
                new Cooldowns(new KeptCooldowns(storage, account.name())), new CommandMeters(meters, account.name()), account);
        this.events = new EventDelivery(listeners, settings, calls, account);
    }

    /** The account whose messages this dispatcher handles. */
    public String account() {
        return account.name();
    }

    /** Handles one message after its chat's earlier ones, without blocking the caller; done when listeners are too. */
    public CompletableFuture<Void> dispatch(Inbound inbound) {
        return dispatch(inbound, () -> true);
    }

    /**
     * {@link #dispatch(Inbound)}, asking {@code starting} on the chat's turn before any plugin sees the message;
     * false leaves it unhandled (the bot is stopping, say, and handles it at the next start).
     */
    public CompletableFuture<Void> dispatch(Inbound inbound, BooleanSupplier starting) {
        CompletableFuture<Void> heard = new CompletableFuture<>();
        return inChat(inbound.message().chat().id(), heard, turn -> {
            boolean start = false;
            try {
                start = starting.getAsBoolean();
            } finally {
                if (!start) {
                    heard.complete(null);
                }
            }
            if (start) {
                handle(inbound, heard, turn);
            }
        });
    }

    /**
     * Delivers an event to every listener, each call on a plugin thread under the command deadline. An event
     * of a chat (a member joining or leaving) waits for that chat's earlier messages, and its later ones for it.
     */
    public CompletableFuture<Void> publish(BotEvent event) {
        ChatId chat = switch (event) {
            case MemberJoinedEvent joined -> joined.group().id();
            case MemberLeftEvent left -> left.group().id();
            case MemberPromotedEvent promoted -> promoted.group().id();
            case MemberDemotedEvent demoted -> demoted.group().id();
            case GroupSubjectChangedEvent renamed -> renamed.group().id();
            case PollVotedEvent voted -> voted.chat().id();
            default -> null;
        };
        if (chat == null) {
            return track(events.deliver(event)).copy();
        }
        CompletableFuture<Void> heard = new CompletableFuture<>();
        return inChat(chat, heard, turn -> {
            events.deliver(event).whenComplete((ignored, error) -> heard.complete(null));
            turn.passWhen(heard); // the chat waits for its listeners
        });
    }

    /** Completes when every step submitted for {@code chat} so far has passed. */
    public CompletableFuture<Void> barrier(ChatId chat) {
        return inChat(chat, CompletableFuture.completedFuture(null), turn -> { });
    }

    // Queues a step on the chat; the returned stage completes when the chat's turn has passed on and `beside`
    // (what the step started that does not hold the chat up) is done too.
    private CompletableFuture<Void> inChat(ChatId chat, CompletableFuture<Void> beside, Consumer<ChatQueues.Turn> step) {
        CompletableFuture<Void> done = track(chats.submit(chat, step).thenCombine(beside, (a, b) -> null));
        return done.copy(); // the caller's own view: completing it changes nothing here
    }

    private void handle(Inbound inbound, CompletableFuture<Void> heard, ChatQueues.Turn turn) {
        Message message = inbound.message();
        boolean handled = false;
        try {
            if (access.isBanned(message.sender().id(), message.chat().id())) {
                return;
            }
            if (!recent.firstTime(message)) {
                return;
            }
            if (message.text().length() > settings.maxMessageLength()) {
                CommandLine line = CommandLine.parse(message.text(), settings.prefixes());
                if (line != null) {
                    commands.refuseTooLong(line, message);
                }
                return;
            }
            handled = true;
            if (!anyListener()) {
                heard.complete(null);
            } else { // beside the chat: its next message does not wait for them
                events.deliver(new MessageReceivedEvent(message)).whenComplete((ignored, error) -> heard.complete(null));
            }
        } finally {
            if (!handled) {
                heard.complete(null);
            }
        }
        CommandLine line = CommandLine.parse(message.text(), settings.prefixes());
        if (line != null) {
            commands.run(line, inbound, turn);
        }
    }

    // Whether a plugin this account serves listens at all: without one, a message costs no listener call.
    private boolean anyListener() {
        for (ListenerRegistry.Entry entry : listeners.all()) {
            if (account.serves(entry.pluginId())) {
                return true;
            }
        }
        return false;
    }

    private CompletableFuture<Void> track(CompletableFuture<Void> work) {
        inFlight.add(work);
        work.whenComplete((ignored, error) -> inFlight.remove(work));
        return work;
    }

    /** Waits until the messages and events accepted so far are handled, at most {@code timeout}; returns whether they were. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture<?>[]::new))
                    .get(PluginCalls.nanos(timeout), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true; // never: the stages complete normally
        }
    }

    public AccessPolicy accessPolicy() {
        return access;
    }

    /** Plugin calls abandoned at their deadline whose threads are still alive (plugins ignoring the interrupt). */
    public int abandonedCallsAlive() {
        return calls.abandonedAlive();
    }

    /** Forgets what dispatch kept of routes that are gone, so nothing keeps their plugin's classes alive. */
    public void forget(Collection<Route> routes) {
        commands.forget(routes);
    }
}
