package dev.blacksky.plugins.moderation;

import dev.blacksky.api.command.Access;
import dev.blacksky.api.command.ChatScope;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandProvider;
import dev.blacksky.api.command.CommandSpec;
import dev.blacksky.api.command.Cooldown;
import dev.blacksky.api.message.UserId;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.pf4j.Extension;

/** {@code !warnings [who]} for everyone in a group, {@code !pardon <who>} for its admins. */
@Extension
public final class WarningCommands implements CommandProvider {

    private final Warnings warnings;

    @Inject
    public WarningCommands(Warnings warnings) {
        this.warnings = warnings;
    }

    @Override
    public List<Command> commands() {
        return List.of(
                Command.of(CommandSpec.named("warnings").description("Shows how many warnings a member has")
                        .category("Moderation").argument(Warn.WHO.optional()).scope(ChatScope.GROUP)
                        .cooldown(Cooldown.perChat(Duration.ofSeconds(5))).example("warnings @391234567890").build(),
                        this::show),
                Command.of(CommandSpec.named("pardon").description("Clears a member's warnings")
                        .category("Moderation").argument(Warn.WHO).access(Access.GROUP_ADMINS).scope(ChatScope.GROUP)
                        .build(), this::pardon));
    }

    private void show(CommandContext ctx) {
        UserId who = ctx.args().find(Warn.WHO).orElse(ctx.sender().id());
        long count = warnings.count(ctx.chat().id(), who);
        ctx.reply("@" + who + " has " + (count == 0 ? "no warnings" : count + (count == 1 ? " warning" : " warnings")) + ".");
    }

    private void pardon(CommandContext ctx) {
        UserId who = ctx.args().get(Warn.WHO);
        ctx.reply(warnings.clear(ctx.chat().id(), who) ? "@" + who + "'s warnings are cleared." : "@" + who + " has no warnings.");
    }
}
