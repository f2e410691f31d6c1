package dev.blacksky.core.dispatch;

import dev.blacksky.api.command.Access;
import dev.blacksky.api.command.ArgumentException;
import dev.blacksky.api.command.ChatScope;
import dev.blacksky.api.command.CommandException;
import dev.blacksky.api.command.CommandSpec;
import dev.blacksky.api.message.Message;
import dev.blacksky.core.config.KeySuggestions;
import dev.blacksky.core.outbound.Origin;
import dev.blacksky.core.config.AccountPlan;
import dev.blacksky.core.outbound.OutboundMessenger;
import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.storage.WriteLedger;
import dev.blacksky.core.transport.Inbound;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The command half of dispatch: look up, check access, admit through the plugin's gate, run under the deadline. */
final class CommandRunner {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class); // the dispatcher's voice, as before
    private static final int SHOWN_WORD_MAX = 32;

    private final CommandRegistry registry;
    private final DispatchSettings settings;
    private final OutboundMessenger messenger;
    private final TimeSource time;
    private final AccessPolicy access;
    private final PluginCalls calls;
    private final Cooldowns cooldowns;
    private final CommandMeters meters;
    private final AccountPlan account;

    CommandRunner(CommandRegistry registry, DispatchSettings settings, OutboundMessenger messenger, TimeSource time,
                  AccessPolicy access, PluginCalls calls, Cooldowns cooldowns, CommandMeters meters, AccountPlan account) {
        this.meters = meters;
        this.account = account;
        this.cooldowns = cooldowns;
        this.registry = registry;
        this.settings = settings;
        this.messenger = messenger;
        this.time = time;
        this.access = access;
        this.calls = calls;
    }

    /**
     * Runs one command line: lookup, scope, access, the gate, then arguments, cooldown and the command itself.
     * A call past its deadline passes the chat's {@code turn} on without waiting for the call to return.
     */
    void run(CommandLine called, Inbound inbound, ChatQueues.Turn turn) {
        Message message = inbound.message();
        Route found = lookup(called.word());
        if (found == null) {
            boolean reply = message.chat().isGroup() ? settings.replyToUnknownInGroups() : settings.replyToUnknownInPrivate();
            if (reply) {
                String suggestion = suggest(called.word(), inbound).map(name -> " Did you mean " + called.prefix() + name + "?")
                        .orElse("");
                say(message, "Unknown command " + called.prefix() + shortened(called.word()) + "." + suggestion + " Send "
                        + called.prefix() + "help to see what I can do.");
            }
            return;
        }
        boolean owner = access.isOwner(message.sender().id());
        Selected selected = select(found, called, inbound, owner);
        if (selected == null) {
            return;
        }
        Route route = selected.route();
        CommandLine line = selected.line();
        CommandSpec spec = route.spec();
        PluginGate gate = route.gate();
        PluginGate.Admission admission = gate.admit();
        if (admission instanceof PluginGate.Retired) {
            Route current = lookup(called.word()); // reloaded just now: the new version takes the call
            if (current == null || current == found) {
                say(message, "Sorry, " + shown(line, route) + " is being reloaded; try again in a moment.");
                return;
            }
            run(called, inbound, turn);
            return;
        }
        if (admission instanceof PluginGate.Refused refused) {
            say(message, refused.reason());
            return;
        }
        String invokedAs = line.word().equals(spec.name()) ? spec.name() : line.word().toLowerCase(Locale.ROOT);
        // Revoked at the deadline, before the interrupt: the user is told the command was stopped, and a late
        // reply would only confuse them.
        HostCommandContext context = new HostCommandContext(message, invokedAs, line.prefix(), owner,
                inbound.senderIsGroupAdmin(), account.name(), messenger.as(Origin.replyFrom(route.pluginId())), calls,
                () -> spec.cooldown().ifPresent(cooldown -> cooldowns.reset(route, cooldown, message)));
        Duration timeout = spec.timeout().orElse(settings.commandTimeout());
        String what = "command " + shown(line, route) + " of plugin '" + route.pluginId() + "'";
        PluginCalls.Guarded call = calls.guard(new PluginCalls.Call(route.pluginId(), account.name(), gate.classLoader(), what), gate,
                settings.commandSlowAfter(), timeout, context::revoke);
        long started = System.nanoTime();
        turn.passWhen(call.outcome().thenAccept(failure -> {
            meters.record(route.pluginId(), route.title(), failure == null ? CommandMeters.Outcome.OK
                    : failure == PluginCalls.TIMED_OUT ? CommandMeters.Outcome.TIMEOUT
                    : failure instanceof CommandException || failure instanceof ArgumentException
                            || failure instanceof CooldownRefusal ? CommandMeters.Outcome.REFUSED
                    : CommandMeters.Outcome.ERROR, System.nanoTime() - started);
            if (failure == PluginCalls.TIMED_OUT) {
                log.warn("The {} ran past its {} timeout and was cancelled", what, timeout);
                say(message, "Sorry, " + shown(line, route) + " took too long and was stopped.");
                gate.record(PluginGate.Outcome.TIMEOUT); // after the user heard: a breaker alert to owners may follow
                return;
            }
            if (failure != null) {
                report(route, line, message, failure); // the user hears first; a breaker alert to owners may follow
            }
            gate.record(failure == null || failure instanceof CommandException || failure instanceof ArgumentException
                    || failure instanceof CooldownRefusal ? PluginGate.Outcome.SUCCESS : PluginGate.Outcome.FAILURE);
        }));
        call.run(() -> inbound.journalKey() == null ? runCommand(route, line, inbound, context, owner)
                // A journaled message may be handled again after a crash: its store writes happen once.
                : WriteLedger.during(inbound.journalKey() + '\u0000' + route.pluginId() + ':' + spec.name(),
                        () -> runCommand(route, line, inbound, context, owner)));
    }

    /** The command, or the sub-command its next word names, that may run here; null when the user was answered. */
    private record Selected(Route route, CommandLine line) {
    }

    private Selected select(Route route, CommandLine line, Inbound inbound, boolean owner) {
        Message message = inbound.message();
        CommandSpec spec = route.spec();
        if (!AccessPolicy.inScope(spec.scope(), message.chat().type())) {
            say(message, shown(line, route) + (spec.scope() == ChatScope.GROUP ? " works only in groups."
                    : " works only in a private chat with me."));
            return null;
        }
        if (!AccessPolicy.allowedBy(spec.access(), owner, inbound.senderIsGroupAdmin(), message.chat().type())) {
            say(message, spec.access() == Access.OWNERS
                    ? "Only the bot's owners can use " + shown(line, route) + "."
                    : "Only group admins can use " + shown(line, route) + ".");
            return null;
        }
        if (route.subroutes().isEmpty()) {
            return new Selected(route, line);
        }
        String[] words = line.rest().strip().split("\\s+", 2);
        Route sub = route.subroutes().get(words[0].toLowerCase(Locale.ROOT));
        if (sub == null) {
            say(message, (words[0].isEmpty() ? "" : "There is no " + shown(line, route) + " " + shortened(words[0]) + ". ")
                    + "Usage: " + line.prefix() + spec.usage() + "\nSend " + line.prefix() + "help " + spec.name()
                    + " for details.");
            return null;
        }
        return select(sub, new CommandLine(line.prefix(), line.word(), words.length > 1 ? words[1] : ""), inbound, owner);
    }

    // On the plugin's thread, under the call's deadline: arguments (parsers are plugin code), cooldown, the command.
    private Void runCommand(Route route, CommandLine line, Inbound inbound, HostCommandContext context, boolean owner)
            throws Exception {
        CommandSpec spec = route.spec();
        Message message = inbound.message();
        context.bind(ArgumentBinder.bind(route.arguments(), line.rest(), message));
        if (spec.cooldown().isPresent() && !owner
                && cooldowns.check(route, spec.cooldown().get(), message, time.clock().instant())
                        instanceof Cooldowns.Refused refused) {
            throw new CooldownRefusal(refused.answer() ? "Slow down: " + shown(line, route)
                    + " can be used again in " + DurationText.of(refused.remaining()) + "." : null);
        }
        route.command().execute(context);
        return null;
    }

    // A command of a plugin this account does not serve is unknown here.
    private Route lookup(String word) {
        Route route = registry.lookup(word);
        return route != null && account.serves(route.pluginId()) ? route : null;
    }

    // Among the commands this user may run here, by any name they answer to.
    private Optional<String> suggest(String word, Inbound inbound) {
        Message message = inbound.message();
        boolean owner = access.isOwner(message.sender().id());
        List<String> names = registry.all().stream().filter(route -> account.serves(route.pluginId()))
                .filter(route -> AccessPolicy.mayRun(route.spec(), owner, inbound.senderIsGroupAdmin(), message.chat().type()))
                .flatMap(route -> java.util.stream.Stream.concat(java.util.stream.Stream.of(registry.reachableName(route)),
                        route.spec().aliases().stream()))
                .toList();
        return KeySuggestions.closest(word.toLowerCase(Locale.ROOT), names);
    }

    /** A command in a message longer than blacksky.inbound.max-message-length: answered, not run. */
    void refuseTooLong(CommandLine line, Message message) {
        log.info("Did not handle a message of {} characters from {} in {}: blacksky.inbound.max-message-length is {}",
                message.text().length(), message.sender().id(), message.chat().id(), settings.maxMessageLength());
        say(message, "Your message is longer than the " + settings.maxMessageLength() + " characters I read, so I did"
                + " not run " + line.prefix() + shortened(line.word()) + ".");
    }

    /** The cooldown refused a call; the answer is null when the user was already told in this window. */
    private static final class CooldownRefusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CooldownRefusal(String answer) {
            super(answer, null, false, false);
        }
    }

    // The command as the user typed its name, for answers and logs.
    // A sub-command's usage starts with its parent's name: "poll create <question>".
    static String usage(Route route) {
        String usage = route.spec().usage();
        String name = route.spec().name();
        return usage.startsWith(name) ? route.title() + usage.substring(name.length()) : usage;
    }

    private static String shown(CommandLine line, Route route) {
        return line.prefix() + route.title();
    }

    // An unknown word is echoed back, but not at any length.
    private static String shortened(String word) {
        return word.length() <= SHOWN_WORD_MAX ? word : word.substring(0, SHOWN_WORD_MAX) + "…";
    }

    private void report(Route route, CommandLine line, Message message, Throwable error) {
        String shown = shown(line, route);
        if (error instanceof CooldownRefusal) {
            if (error.getMessage() != null) {
                say(message, error.getMessage());
            }
        } else if (error instanceof CommandException) {
            say(message, error.getMessage());
        } else if (error instanceof ArgumentException) {
            say(message, error.getMessage() + "\nUsage: " + line.prefix() + usage(route));
        } else if (error instanceof ParserFailedException parser) {
            log.error("Command {} of plugin '{}': {}", shown, route.pluginId(), parser.getMessage(), parser.getCause());
            say(message, parser.answer() + " (The plugin's owner can find why in the log.)\nUsage: " + line.prefix()
                    + usage(route));
        } else {
            log.error("Command {} of plugin '{}' failed", shown, route.pluginId(), error);
            say(message, "Sorry, " + shown + " failed. The bot's owner can find the details in the log.");
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
