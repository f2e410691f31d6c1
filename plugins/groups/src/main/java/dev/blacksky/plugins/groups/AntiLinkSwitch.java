package dev.blacksky.plugins.groups;

import dev.blacksky.api.PluginContext;
import dev.blacksky.api.command.Access;
import dev.blacksky.api.command.Argument;
import dev.blacksky.api.command.ArgumentException;
import dev.blacksky.api.command.ChatScope;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandSpec;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.storage.KeyValueStore;
import jakarta.inject.Inject;
import org.pf4j.Extension;

/** {@code !antilink on|off}: group admins turn the invite-link guard on or off for their group. */
@Extension
public final class AntiLinkSwitch implements Command {

    static final Argument<Boolean> STATE = Argument.custom("state", "whether to delete invite links", (word, message) -> switch (word) {
        case "on" -> true;
        case "off" -> false;
        default -> throw new ArgumentException("say on or off");
    });

    private final PluginContext context;

    @Inject
    public AntiLinkSwitch(PluginContext context) {
        this.context = context;
    }

    static boolean isOn(KeyValueStore storage, ChatId group) {
        return storage.get("antilink:" + group.value()).isPresent();
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.named("antilink").description("Deletes links to other WhatsApp groups posted by non-admins")
                .category("Groups").argument(STATE).example("antilink on").access(Access.GROUP_ADMINS)
                .scope(ChatScope.GROUP).build();
    }

    @Override
    public void execute(CommandContext ctx) {
        String key = "antilink:" + ctx.chat().id().value();
        if (ctx.args().get(STATE)) {
            context.storage().put(key, "on");
            ctx.reply("🛡️ Links to other groups posted by members who are not admins will be deleted.");
        } else {
            context.storage().delete(key);
            ctx.reply("Links to other groups are allowed again.");
        }
    }
}
