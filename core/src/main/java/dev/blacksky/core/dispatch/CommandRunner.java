package dev.blacksky.core.dispatch;

import dev.blacksky.api.command.Access;
import dev.blacksky.api.command.ArgumentException;
import dev.blacksky.api.command.Arguments;
import dev.blacksky.api.command.ChatScope;
import dev.blacksky.api.command.CommandException;
import dev.blacksky.api.command.CommandSpec;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.Messenger;
import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.transport.Inbound;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command half of dispatch: takes a parsed command line on its chat's lane, checks who may run it where,
 * binds its arguments, applies its cooldown and runs it through its plugin's gate under its deadline, and
 * answers the user when any of that says no or goes wrong.
 */
final class CommandRunner {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class); // the dispatcher's voice, as before

    private final CommandRegistry registry;
    private final DispatchSettings settings;
    private final Messenger messenger;
    private final TimeSource time;
    private final AccessPolicy access;
    private final DispatchMetrics metrics;
    private final Cooldowns cooldowns = new Cooldowns();

    CommandRunner(CommandRegistry registry, DispatchSettings settings, Messenger messenger, TimeSource time,
                  AccessPolicy access, DispatchMetrics metrics) {
        this.registry = registry;
        this.settings = settings;
        this.messenger = messenger;
        this.time = time;
        this.access = access;
        this.metrics = metrics;
    }

    /** Runs one command line on the lane thread: lookup, scope, access, arguments, cooldown, gate, the guarded call. */
    void run(Lane lane, Lane.Job job, CommandLine line, Inbound inbound) {
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
            run(lane, job, line, inbound);
            return;
        }
        if (admission instanceof PluginGate.Refused refused) {
            say(message, refused.reason());
            return;
        }
        metrics.commands.incrementAndGet();
        Duration slow = timeout.compareTo(settings.commandSlowAfter()) > 0 ? settings.commandSlowAfter() : timeout;
        Throwable failure = ChatLanes.guarded(lane, job, new CommandCall(route, line, context, slow, timeout));
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
        private final Duration slow;
        private final Duration timeout;

        CommandCall(Route route, CommandLine line, HostCommandContext context, Duration slow, Duration timeout) {
            super(route.pluginId(), route.gate().classLoader(), slow, timeout);
            this.route = route;
            this.line = line;
            this.context = context;
            this.slow = slow;
            this.timeout = timeout;
        }

        @Override
        void invoke() throws Exception {
            route.command().execute(context);
        }

        @Override
        void onSlow() {
            log.warn("Command {} of plugin '{}' is still running after {}", shown(line, route.spec()), pluginId(), slow);
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

    // Runs once the watchdog has abandoned the call: its context is revoked, so a late reply never confuses.
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

    /** Forgets the cooldown windows of routes that are gone, so they keep no plugin classes alive. */
    void forget(Collection<Route> routes) {
        cooldowns.forget(routes);
    }
}
