package dev.blacksky.plugins.notes;

import dev.blacksky.api.PluginContext;
import dev.blacksky.api.PluginLifecycle;
import dev.blacksky.api.command.Argument;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandException;
import dev.blacksky.api.command.CommandSpec;
import dev.blacksky.api.command.Cooldown;
import dev.blacksky.api.message.Messenger;
import dev.blacksky.api.message.OutgoingMessage;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.pf4j.Extension;

/**
 * {@code !remind <in> <text...>}: sends the text back after a delay, mentioning whom it is for. Pending
 * reminders are stored, and the plugin's start hook re-arms those a restart interrupted.
 */
@Extension
public final class Remind implements Command, PluginLifecycle {

    private static final Argument<Duration> IN = Argument.duration("in", "how long from now, such as 10m or 1h30m");
    private static final Argument<String> TEXT = Argument.rest("text", "what to remind you of");

    private final PluginContext context;
    private final Duration maxDelay;

    @Inject
    public Remind(PluginContext context) {
        this.context = context;
        this.maxDelay = context.config().getDuration("max-reminder");
    }

    @Override
    public void start(PluginContext started) {
        started.storage().entries("reminder:").forEach((key, value) -> arm(key, Reminder.read(started.storage(), key, value)));
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.named("remind")
                .description("Reminds you of something later")
                .category("Notes")
                .argument(IN)
                .argument(TEXT)
                .example("remind 10m stretch your legs")
                .cooldown(Cooldown.perUser(Duration.ofSeconds(2)))
                .build();
    }

    @Override
    public void execute(CommandContext ctx) {
        Duration in = ctx.args().get(IN);
        if (in.isZero() || in.compareTo(maxDelay) > 0) {
            throw new CommandException("I can remind you from 1s up to " + maxDelay.toDays() + " days ahead.");
        }
        Reminder reminder = new Reminder(context.clock().instant().plus(in), ctx.chat().id(), ctx.sender().id(),
                ctx.args().get(TEXT), ctx.account());
        String key = "reminder:" + UUID.randomUUID();
        context.storage().putRecord(key, reminder);
        arm(key, reminder);
        ctx.reply("OK, I will remind you in " + ctx.args().raw().split("\\s+")[0] + ".");
    }

    private void arm(String key, Reminder reminder) {
        Duration delay = Duration.between(context.clock().instant(), reminder.due());
        context.scheduler().schedule(delay.isNegative() ? Duration.ZERO : delay, () -> {
            // A timer belongs to no account: the reminder goes out through the one it was asked through.
            Messenger messenger = reminder.account() == null ? context.messenger() : context.messenger(reminder.account());
            messenger.send(reminder.chat(), OutgoingMessage.text("⏰ Reminder for " + reminder.user().mention()
                    + ": " + reminder.text()).mentioning(reminder.user()));
            context.storage().delete(key);
        });
    }
}
