package ${package};

import dev.blacksky.api.PluginContext;
import dev.blacksky.api.command.Argument;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandSpec;
import jakarta.inject.Inject;
import org.pf4j.Extension;

/** {@code !hello [name]}: greets the caller, or someone else, with the greeting from the configuration. */
@Extension
public final class Hello implements Command {

    static final Argument<String> NAME = Argument.word("name", "whom to greet").optional();

    private final String greeting;

    @Inject
    public Hello(PluginContext context) {
        this.greeting = context.config().getString("greeting");
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.named("hello").description("Greets you, or someone else").argument(NAME)
                .example("hello").example("hello Ada").build();
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply(greeting + ", " + ctx.args().find(NAME).orElse(ctx.sender().displayName()) + "!");
    }
}
