package dev.blacksky.plugins.groups;

import dev.blacksky.api.PluginContext;
import dev.blacksky.api.command.Access;
import dev.blacksky.api.command.Argument;
import dev.blacksky.api.command.ChatScope;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandProvider;
import dev.blacksky.api.command.CommandSpec;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.api.message.UserId;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import org.pf4j.Extension;

/** {@code !kick}, {@code !promote} and {@code !demote}: group admins manage members through the bot, an admin too. */
@Extension
public final class MemberCommands implements CommandProvider {

    static final Argument<UserId> MEMBER = Argument.user("member", "a mention or a phone number");

    private final PluginContext context;

    @Inject
    public MemberCommands(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<Command> commands() {
        return List.of(
                command("kick", "Removes a member from the group", "Removed", (g, u) -> context.groups().remove(g, u)),
                command("promote", "Makes a member an admin", "Promoted", (g, u) -> context.groups().promote(g, u)),
                command("demote", "Makes an admin an ordinary member", "Demoted", (g, u) -> context.groups().demote(g, u)));
    }

    private static Command command(String name, String description, String done,
                                   BiFunction<ChatId, UserId, CompletionStage<Void>> action) {
        return new Command() {
            @Override
            public CommandSpec spec() {
                return CommandSpec.named(name).description(description).category("Groups").argument(MEMBER)
                        .example(name + " @391234567890").access(Access.GROUP_ADMINS).scope(ChatScope.GROUP).build();
            }

            @Override
            public void execute(CommandContext ctx) {
                UserId member = ctx.args().get(MEMBER);
                try {
                    action.apply(ctx.chat().id(), member).toCompletableFuture().join();
                    ctx.reply(OutgoingMessage.text(done + " " + member.mention() + ".").mentioning(member));
                } catch (CompletionException e) {
                    // The host's words say why (not a member, the bot is no admin): the user can act on them.
                    ctx.reply("❌ " + e.getCause().getMessage());
                }
            }
        };
    }
}
