package dev.blacksky.plugins.moderation;

import dev.blacksky.api.command.Access;
import dev.blacksky.api.command.Argument;
import dev.blacksky.api.command.ChatScope;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandSpec;
import dev.blacksky.api.command.Cooldown;
import java.time.Duration;
import org.pf4j.Extension;

/** {@code !announce <text...>}: group admins post an announcement, at most once every 10 minutes per group. */
@Extension
public final class Announce implements Command {

    private static final Argument<String> TEXT = Argument.rest("text", "the announcement");

    @Override
    public CommandSpec spec() {
        return CommandSpec.named("announce")
                .description("Posts an announcement to the group")
                .category("Moderation")
                .argument(TEXT)
                .example("announce Meeting moved to 3pm")
                .access(Access.GROUP_ADMINS)
                .scope(ChatScope.GROUP)
                .cooldown(Cooldown.perChat(Duration.ofMinutes(10)))
                .build();
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.react("📢");
        ctx.reply("📢 *Announcement* from " + ctx.sender().displayName() + ":\n" + ctx.args().get(TEXT));
    }
}
