package dev.blacksky.core.plugin;

import dev.blacksky.api.command.Access;
import dev.blacksky.api.command.Argument;
import dev.blacksky.api.command.ArgumentException;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandSpec;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The owners' plugin commands: {@code !plugins}, and {@code !plugin info|enable|disable|reload <id>}. */
final class PluginAdminCommands {

    private static final Set<String> ACTIONS = Set.of("info", "enable", "disable", "reload");
    private static final Argument<String> ACTION = Argument.custom("action", "info, enable, disable or reload", (token, m) -> {
        String action = token.toLowerCase(Locale.ROOT);
        if (!ACTIONS.contains(action)) {
            throw new ArgumentException("'" + token + "' is not an action; use info, enable, disable or reload");
        }
        return action;
    });
    private static final Argument<String> ID = Argument.word("id", "the plugin's id, as !plugins shows it");

    private final PluginHost host;

    PluginAdminCommands(PluginHost host) {
        this.host = host;
    }

    List<Command> commands() {
        return List.of(
                Command.of(CommandSpec.named("plugins").description("Lists the plugins with their state and commands")
                        .category("Admin").access(Access.OWNERS).build(), ctx -> ctx.reply(list())),
                Command.of(CommandSpec.named("plugin").description("Shows, enables, disables or reloads a plugin")
                        .category("Admin").access(Access.OWNERS).argument(ACTION).argument(ID)
                        .example("plugin info notes").example("plugin reload notes").build(), this::act));
    }

    private String list() {
        List<PluginStatus> all = host.status();
        if (all.isEmpty()) {
            return "No plugins. Drop plugin JARs into " + host.folder() + ".";
        }
        StringBuilder text = new StringBuilder("Plugins:");
        for (PluginStatus p : all) {
            text.append("\n• ").append(p.pluginId()).append(p.version().isEmpty() ? "" : " " + p.version())
                    .append(" — ").append(p.state().name().toLowerCase(Locale.ROOT));
            if (!p.commands().isEmpty()) {
                text.append(" — ").append(String.join(", ", p.commands()));
            }
            if (p.failures() > 0) {
                text.append(" — ").append(p.failures()).append(p.failures() == 1 ? " failure" : " failures");
            }
            if (!p.detail().isEmpty()) {
                text.append("\n  ").append(p.detail());
            }
        }
        return text.toString();
    }

    private void act(CommandContext ctx) {
        String id = ctx.args().get(ID);
        String reply = switch (ctx.args().get(ACTION)) {
            case "enable" -> host.enable(id);
            case "disable" -> host.disable(id);
            case "reload" -> host.reload(id);
            default -> info(id);
        };
        ctx.reply(reply);
    }

    private String info(String id) {
        return host.status().stream().filter(p -> p.pluginId().equals(id)).findFirst()
                .map(p -> "Plugin '" + p.pluginId() + "'" + (p.version().isEmpty() ? "" : " " + p.version())
                        + "\nState: " + p.state().name().toLowerCase(Locale.ROOT) + (p.detail().isEmpty() ? "" : " (" + p.detail() + ")")
                        + "\nJAR: " + p.jar().getFileName()
                        + "\nCommands: " + (p.commands().isEmpty() ? "none" : String.join(", ", p.commands()))
                        + "\nListeners: " + p.listeners()
                        + "\nDepends on: " + (p.dependencies().isEmpty() ? "nothing" : String.join(", ", p.dependencies()))
                        + "\nFailures: " + p.failures() + ", calls in progress: " + p.callsInProgress()
                        + "\nSends: " + host.sendsOf(p.pluginId()))
                .orElse("There is no plugin '" + id + "'. '!plugins' lists them.");
    }
}
