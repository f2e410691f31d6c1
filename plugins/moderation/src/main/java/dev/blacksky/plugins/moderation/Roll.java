package dev.blacksky.plugins.moderation;

import dev.blacksky.api.PluginContext;
import dev.blacksky.api.command.Argument;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandException;
import dev.blacksky.api.command.CommandSpec;
import dev.blacksky.api.command.Cooldown;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.pf4j.Extension;

/** {@code !roll [sides]}: anyone rolls a die, once every 10 seconds per user. */
@Extension
public final class Roll implements Command {

    private static final Argument<Long> SIDES = Argument.integer("sides", "how many sides the die has (default 6)").optional();

    private final long maxSides;

    @Inject
    public Roll(PluginContext context) {
        this.maxSides = context.config().getLong("max-sides");
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.named("roll")
                .alias("dice")
                .description("Rolls a die")
                .category("Fun")
                .argument(SIDES)
                .example("roll")
                .example("roll 20")
                .cooldown(Cooldown.perUser(Duration.ofSeconds(10)))
                .build();
    }

    @Override
    public void execute(CommandContext ctx) {
        long sides = ctx.args().find(SIDES).orElse(6L);
        if (sides < 2 || sides > maxSides) {
            throw new CommandException("A die has 2 to " + maxSides + " sides.");
        }
        long result = ThreadLocalRandom.current().nextLong(1, sides + 1);
        ctx.reply("🎲 " + ctx.sender().displayName() + " rolled " + result + " (d" + sides + ")");
    }
}
