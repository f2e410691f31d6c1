package dev.blacksky.plugins.basics;

import dev.blacksky.api.command.Argument;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandSpec;
import org.pf4j.Extension;

/** {@code !echo <text...>} repeats the text: the simplest command with an argument. */
@Extension
public final class Echo implements Command {

    static final Argument<String> TEXT = Argument.rest("text", "what to repeat");

    @Override
    public CommandSpec spec() {
        return CommandSpec.named("echo")
                .alias("say")
                .description("Repeats what you write")
                .argument(TEXT)
                .example("echo hello world")
                .build();
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply(ctx.args().get(TEXT));
    }
}
