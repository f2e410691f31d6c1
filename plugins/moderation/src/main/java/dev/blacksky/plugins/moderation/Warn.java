package dev.blacksky.plugins.moderation;

import dev.blacksky.api.PluginContext;
import dev.blacksky.api.command.Access;
import dev.blacksky.api.command.Argument;
import dev.blacksky.api.command.ChatScope;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandSpec;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.api.message.UserId;
import jakarta.inject.Inject;
import org.pf4j.Extension;

/** {@code !warn <who> [reason...]}: group admins warn a member; the count is kept per group. */
@Extension
public final class Warn implements Command {

    static final Argument<UserId> WHO = Argument.user("who", "the member to warn: a mention or a phone number");
    static final Argument<String> REASON = Argument.rest("reason", "why, shown to the group").optional();

    private final Warnings warnings;
    private final long max;

    @Inject
    public Warn(Warnings warnings, PluginContext context) {
        this.warnings = warnings;
        this.max = context.config().getLong("max-warnings");
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.named("warn")
                .description("Warns a member of the group")
                .category("Moderation")
                .argument(WHO)
                .argument(REASON)
                .example("warn @391234567890 spamming links")
                .access(Access.GROUP_ADMINS)
                .scope(ChatScope.GROUP)
                .build();
    }

    @Override
    public void execute(CommandContext ctx) {
        UserId who = ctx.args().get(WHO);
        long count = warnings.add(ctx.chat().id(), who);
        String reason = ctx.args().find(REASON).map(r -> ": " + r).orElse(".");
        String text = "⚠️ " + who.mention() + " has been warned (" + count + "/" + max + ")" + reason;
        String full = count >= max ? text + "\nThat is " + count + " warnings: time for an admin to act." : text;
        ctx.reply(OutgoingMessage.text(full).mentioning(who).quoting(ctx.message()));
    }
}
