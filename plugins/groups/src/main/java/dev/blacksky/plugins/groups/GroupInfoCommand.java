package dev.blacksky.plugins.groups;

import dev.blacksky.api.PluginContext;
import dev.blacksky.api.command.ChatScope;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandSpec;
import dev.blacksky.api.group.GroupInfo;
import jakarta.inject.Inject;
import org.pf4j.Extension;

/** {@code !groupinfo}: the group's real subject, description, member and admin counts. */
@Extension
public final class GroupInfoCommand implements Command {

    private final PluginContext context;

    @Inject
    public GroupInfoCommand(PluginContext context) {
        this.context = context;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.named("groupinfo").description("Shows the group's subject and members").category("Groups")
                .scope(ChatScope.GROUP).build();
    }

    @Override
    public void execute(CommandContext ctx) {
        GroupInfo group = context.groups().info(ctx.chat().id()).toCompletableFuture().join();
        StringBuilder text = new StringBuilder("👥 ").append(group.subject()).append('\n')
                .append(group.members().size()).append(" members, ").append(group.admins().size()).append(" admins");
        if (group.announcementOnly()) {
            text.append("\nOnly admins can send messages.");
        }
        if (!group.description().isBlank()) {
            text.append('\n').append(group.description());
        }
        ctx.reply(text.toString());
    }
}
