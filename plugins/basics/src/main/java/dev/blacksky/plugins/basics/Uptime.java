package dev.blacksky.plugins.basics;

import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandSpec;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.pf4j.Extension;

/** {@code !uptime} says how long the bot has been running. */
@Extension
public final class Uptime implements Command {

    @Override
    public CommandSpec spec() {
        return CommandSpec.named("uptime")
                .description("Says how long the bot has been running")
                .build();
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply("Up for " + format(Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime())));
    }

    static String format(Duration d) {
        long days = d.toDays();
        return (days > 0 ? days + "d " : "") + d.toHoursPart() + "h " + d.toMinutesPart() + "m " + d.toSecondsPart() + "s";
    }
}
