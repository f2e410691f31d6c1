package dev.blacksky.plugins.groups;

import dev.blacksky.api.PluginContext;
import dev.blacksky.api.command.Argument;
import dev.blacksky.api.command.ChatScope;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandException;
import dev.blacksky.api.command.CommandSpec;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.api.message.Poll;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import org.pf4j.Extension;

/** {@code !ask Lunch? | Pizza | Sushi}: asks the group with a native WhatsApp poll; {@code !tally} counts it. */
@Extension
public final class Ask implements Command {

    static final Argument<String> POLL = Argument.rest("poll", "the question and its options, separated by |");

    private final PluginContext context;

    @Inject
    public Ask(PluginContext context) {
        this.context = context;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.named("ask").description("Asks the group a question as a WhatsApp poll").category("Groups")
                .argument(POLL).example("ask Lunch? | Pizza | Sushi | Salad").scope(ChatScope.GROUP).build();
    }

    @Override
    public void execute(CommandContext ctx) throws Exception {
        List<String> parts = Arrays.stream(ctx.args().get(POLL).split("\\|")).map(String::strip).toList();
        Poll poll;
        try {
            poll = new Poll(parts.getFirst(), parts.subList(1, parts.size()));
        } catch (IllegalArgumentException e) {
            throw new CommandException("Write it as " + ctx.prefix() + "ask Question? | option | option: " + e.getMessage() + ".");
        }
        String id = ctx.reply(OutgoingMessage.poll(poll)).toCompletableFuture().join();
        Votes.remember(context.storage(), ctx.chat().id(), id, poll);
    }
}
