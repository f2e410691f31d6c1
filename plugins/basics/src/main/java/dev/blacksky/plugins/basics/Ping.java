package dev.blacksky.plugins.basics;

import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandSpec;
import org.pf4j.Extension;

/** {@code !ping} answers {@code pong}: is the bot alive? */
@Extension
public final class Ping implements Command {

    @Override
    public CommandSpec spec() {
        return CommandSpec.named("ping")
                .description("Checks that the bot is alive")
                .example("ping")
                .build();
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply("pong");
    }
}
