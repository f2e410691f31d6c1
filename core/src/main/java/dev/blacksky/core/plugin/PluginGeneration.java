package dev.blacksky.core.plugin;

import dev.blacksky.api.PluginLifecycle;
import dev.blacksky.api.event.EventListener;
import dev.blacksky.core.dispatch.Route;
import java.nio.file.Path;
import java.util.List;

/**
 * One loaded version of a plugin: its PF4J id ({@code notes@3}), the JAR it came from and the shadow copy
 * actually loaded, its context, gate, routes, listeners and lifecycle hooks. A reload builds a new generation beside this one.
 */
record PluginGeneration(
        String pluginId,
        String generationId,
        String version,
        Path sourceJar,
        String checksum,
        Path shadowJar,
        ClassLoader loader,
        HostPluginContext context,
        PluginSupervision gate,
        List<Route> routes,
        List<EventListener> listeners,
        List<PluginLifecycle> lifecycles,
        List<String> dependencies) {

    List<String> commandNames() {
        return routes.stream().map(r -> r.spec().name()).toList();
    }
}
