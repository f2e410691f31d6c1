package dev.blacksky.core.dispatch;

import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandSpec;
import java.util.Map;

/**
 * A command as dispatch runs it: its plugin, spec, argument plan and gate; {@code title} is how users call it
 * ({@code poll create} for a sub-command), {@code subroutes} its sub-commands by name and alias.
 */
public record Route(String pluginId, Command command, CommandSpec spec, ArgumentBinder.Plan arguments, PluginGate gate,
                    String title, Map<String, Route> subroutes) {

    /** A command and its sub-commands, which share its plugin and gate. */
    static Route of(String pluginId, Command command, CommandSpec spec, PluginGate gate) {
        Map<String, Route> subs = new java.util.LinkedHashMap<>();
        for (Command sub : spec.subcommands()) {
            CommandSpec subSpec = sub.spec();
            Route route = new Route(pluginId, sub, subSpec, ArgumentBinder.Plan.of(subSpec), gate,
                    spec.name() + " " + subSpec.name(), Map.of());
            subs.put(subSpec.name(), route);
            subSpec.aliases().forEach(alias -> subs.put(alias, route));
        }
        return new Route(pluginId, command, spec, ArgumentBinder.Plan.of(spec), gate, spec.name(), Map.copyOf(subs));
    }
}
