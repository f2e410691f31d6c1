package dev.blacksky.core.dispatch;

import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All commands by name, alias and {@code <plugin>:<name>}. Lookup is one hash probe on an immutable
 * snapshot, so its cost does not grow with the number of commands and changes switch atomically.
 */
public final class CommandRegistry {

    private static final Logger log = LoggerFactory.getLogger(CommandRegistry.class);

    /** The plugin id of the host's own commands, such as help; they win every collision. */
    public static final String BUILTIN = "blacksky";

    // Sorted, host first: the winner of a collision never depends on load order.
    private final Map<String, List<Route>> byPlugin = new TreeMap<>(
            java.util.Comparator.comparing((String id) -> !id.equals(BUILTIN)).thenComparing(id -> id));
    private final Set<String> reportedCollisions = new HashSet<>();
    private volatile Map<String, Route> index = Map.of();

    /** Validates and adds all of a plugin's commands, or none of them; replaces what the plugin had. */
    public synchronized void register(String pluginId, List<? extends Command> commands) throws InvalidCommandException {
        register(pluginId, commands, PluginGate.HOST);
    }

    /** Validates and adds all of a plugin's commands behind {@code gate}, replacing what it had, atomically. */
    public synchronized void register(String pluginId, List<? extends Command> commands, PluginGate gate)
            throws InvalidCommandException {
        activate(pluginId, prepare(pluginId, commands, gate));
    }

    /** Validates a plugin's commands without registering them: the first half of a reload. */
    public List<Route> prepare(String pluginId, List<? extends Command> commands, PluginGate gate)
            throws InvalidCommandException {
        List<Route> routes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Command command : commands) {
            CommandSpec spec;
            try {
                spec = command.spec();
            } catch (RuntimeException | LinkageError e) {
                throw new InvalidCommandException("plugin '" + pluginId + "': " + command.getClass().getName()
                        + ".spec() failed: " + e.getMessage(), e);
            }
            if (spec == null) {
                throw new InvalidCommandException("plugin '" + pluginId + "': " + command.getClass().getName()
                        + ".spec() returned null", null);
            }
            for (String name : namesOf(spec)) {
                if (!names.add(name)) {
                    throw new InvalidCommandException("plugin '" + pluginId + "' declares the command name or alias '"
                            + name + "' twice", null);
                }
            }
            routes.add(Route.of(pluginId, command, spec, gate));
        }
        return List.copyOf(routes);
    }

    /** Makes prepared routes the plugin's routes, in one atomic switch: each message sees old or new, never none. */
    public synchronized void activate(String pluginId, List<Route> routes) {
        byPlugin.put(pluginId, routes);
        rebuild();
    }

    /** Adds host commands beside the ones already registered as {@link #BUILTIN}. */
    public synchronized void addBuiltins(List<? extends Command> commands) throws InvalidCommandException {
        List<Route> routes = new ArrayList<>(byPlugin.getOrDefault(BUILTIN, List.of()));
        routes.addAll(prepare(BUILTIN, commands, PluginGate.HOST));
        byPlugin.put(BUILTIN, List.copyOf(routes));
        rebuild();
    }

    public synchronized void unregister(String pluginId) {
        if (byPlugin.remove(pluginId) != null) {
            rebuild();
        }
    }

    /** Finds a command by what the user typed after the prefix, in any case. */
    public Optional<Route> find(String word) {
        return Optional.ofNullable(lookup(word));
    }

    /** {@link #find} without the Optional, for the message path: null when there is no such command. */
    Route lookup(String word) {
        Route route = index.get(word);
        if (route == null) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (!lower.equals(word)) {
                route = index.get(lower);
            }
        }
        return route;
    }

    /** Every registered command, by plugin id then declaration order. */
    public synchronized List<Route> all() {
        return byPlugin.values().stream().flatMap(List::stream).toList();
    }

    /** The name a user types to reach this route: its plain name, or {@code plugin:name} if it lost a collision. */
    public String reachableName(Route route) {
        String name = route.spec().name();
        return index.get(name) == route ? name : route.pluginId() + ":" + name;
    }

    private void rebuild() {
        Map<String, Route> next = new HashMap<>();
        Map<String, Route> names = new HashMap<>();
        for (List<Route> routes : byPlugin.values()) {
            for (Route route : routes) {
                claim(names, route.spec().name(), route);
            }
        }
        next.putAll(names);
        for (List<Route> routes : byPlugin.values()) {
            for (Route route : routes) {
                for (String alias : route.spec().aliases()) {
                    if (!names.containsKey(alias)) {
                        claim(next, alias, route);
                    } else if (names.get(alias) != route) {
                        reportCollision(alias, names.get(alias), route);
                    }
                }
                next.put(route.pluginId() + ":" + route.spec().name(), route);
                for (String alias : route.spec().aliases()) {
                    next.put(route.pluginId() + ":" + alias, route);
                }
            }
        }
        index = Collections.unmodifiableMap(next); // a fresh HashMap, never changed again; fewer probes than Map.copyOf's
    }

    private void claim(Map<String, Route> table, String name, Route route) {
        Route existing = table.putIfAbsent(name, route);
        if (existing != null && existing != route) {
            reportCollision(name, existing, route);
        }
    }

    private void reportCollision(String name, Route winner, Route loser) {
        String key = name + '\u0000' + winner.pluginId() + '\u0000' + loser.pluginId();
        if (reportedCollisions.add(key)) {
            log.warn("Command '{}' is declared by plugins '{}' and '{}'; '{}' wins (names beat aliases, then the"
                            + " plugin id that sorts first). The other stays reachable as {}:{}",
                    name, winner.pluginId(), loser.pluginId(), winner.pluginId(), loser.pluginId(), loser.spec().name());
        }
    }

    private static List<String> namesOf(CommandSpec spec) {
        List<String> names = new ArrayList<>(spec.aliases());
        names.add(0, spec.name());
        return names;
    }
}
