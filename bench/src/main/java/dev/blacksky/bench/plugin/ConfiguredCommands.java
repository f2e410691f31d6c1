package dev.blacksky.bench.plugin;

import com.typesafe.config.Config;
import dev.blacksky.api.PluginContext;
import dev.blacksky.api.command.Argument;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandProvider;
import dev.blacksky.api.command.CommandSpec;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * The bench plugin's only extension: {@code plugins.<id>.commands = ["cmd0", ...]} become commands that reply
 * with their argument text, {@code plugins.<id>.ping = true} adds {@code ping}, which replies {@code pong}, and
 * {@code plugins.<id>.tally = true} adds {@code tally <n>} for the soak: two store writes (a counter, then
 * {@code seen:<n>}), then the reply {@code tally <n>}.
 *
 * <p>The harness copies this class into plugin JARs it writes at run time; it must stay a single class that
 * uses only what plugins can see (dev.blacksky.api, PF4J, Typesafe Config, jakarta.inject and the JDK).
 */
@Extension
public final class ConfiguredCommands implements CommandProvider {

    private static final Argument<String> TEXT = Argument.rest("text", "what to send back").optional();

    private final Config config;
    private final PluginContext context;

    @Inject
    public ConfiguredCommands(PluginContext context) {
        this.config = context.config();
        this.context = context;
    }

    @Override
    public List<Command> commands() {
        List<Command> commands = new ArrayList<>();
        List<String> names = config.hasPath("commands") ? config.getStringList("commands") : List.of();
        for (String name : names) {
            CommandSpec spec = CommandSpec.named(name).description("Replies with its argument text").argument(TEXT).build();
            commands.add(Command.of(spec, ctx -> ctx.reply(ctx.args().raw())));
        }
        if (config.hasPath("ping") && config.getBoolean("ping")) {
            CommandSpec spec = CommandSpec.named("ping").description("Answers pong").build();
            commands.add(Command.of(spec, ctx -> ctx.reply("pong")));
        }
        if (config.hasPath("tally") && config.getBoolean("tally")) {
            CommandSpec spec = CommandSpec.named("tally").description("Counts a message once").argument(TEXT).build();
            commands.add(Command.of(spec, ctx -> {
                context.storage().update("count", n -> String.valueOf(Long.parseLong(n.orElse("0")) + 1));
                context.storage().put("seen:" + ctx.args().raw(), "1");
                ctx.reply("tally " + ctx.args().raw());
            }));
        }
        return commands;
    }
}
