package dev.blacksky.plugins.basics;

import dev.blacksky.api.PluginContext;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandSpec;
import jakarta.inject.Inject;
import org.pf4j.Extension;

/**
 * {@code !account} names the WhatsApp account you are talking to: the example of {@link CommandContext#account()}
 * and {@link PluginContext#accounts()}, for a bot that runs several ({@code blacksky.accounts}).
 */
@Extension
public final class AccountCommand implements Command {

    private final PluginContext context;

    @Inject
    public AccountCommand(PluginContext context) {
        this.context = context;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.named("account")
                .description("Names the account you are talking to")
                .build();
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply("This is account " + ctx.account() + (context.accounts().size() > 1
                ? " (this bot runs " + String.join(", ", context.accounts()) + ")" : "") + ".");
    }
}
