package dev.blacksky.plugins.groups;

import dev.blacksky.api.PluginContext;
import dev.blacksky.api.command.Access;
import dev.blacksky.api.command.Argument;
import dev.blacksky.api.command.ChatScope;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandSpec;
import dev.blacksky.api.command.Cooldown;
import dev.blacksky.api.group.GroupInfo;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.api.message.UserId;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/** {@code !tagall [message...]}: group admins mention every member, so that everyone's phone rings. */
@Extension
public final class TagAll implements Command {

    static final Argument<String> TEXT = Argument.rest("message", "what to tell everyone").optional();

    private final PluginContext context;

    @Inject
    public TagAll(PluginContext context) {
        this.context = context;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.named("tagall")
                .alias("everyone")
                .description("Mentions every member of the group")
                .category("Groups")
                .argument(TEXT)
                .example("tagall meeting in 5 minutes")
                .access(Access.GROUP_ADMINS)
                .scope(ChatScope.GROUP)
                .cooldown(Cooldown.perChat(context.config().getDuration("tagall-cooldown")))
                .build();
    }

    @Override
    public void execute(CommandContext ctx) {
        GroupInfo group = context.groups().info(ctx.chat().id()).toCompletableFuture().join();
        List<UserId> members = group.members().stream().map(m -> m.user())
                .filter(u -> context.groups().bot().map(bot -> !bot.equals(u)).orElse(true)).toList();
        String header = "📣 " + ctx.args().find(TEXT).orElse("Attention, everyone!");
        String tags = members.stream().map(UserId::mention).collect(Collectors.joining(" "));
        ctx.reply(OutgoingMessage.text(members.isEmpty() ? header : header + "\n" + tags).mentioning(members));
    }
}
