package dev.blacksky.core.plugin;

import com.typesafe.config.Config;
import dev.blacksky.api.ApiVersion;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandProvider;
import dev.blacksky.api.event.EventListener;
import dev.blacksky.api.message.Messenger;
import dev.blacksky.core.dispatch.ListenerRegistry;
import dev.blacksky.core.schedule.HostPluginScheduler;
import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.storage.Storage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import dev.blacksky.core.config.HostPaths;
import dev.blacksky.core.dispatch.CommandRegistry;
import dev.blacksky.core.dispatch.Dispatcher;
import dev.blacksky.core.dispatch.InvalidCommandException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads every JAR in the plugins folder, each on its own: a broken JAR is skipped with a warning that
 * names it and says why, while every other plugin loads, starts and serves its commands.
 */
@Singleton
public final class PluginHost {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final HostPaths paths;
    private final Config config;
    private final CommandRegistry registry;
    private final ListenerRegistry listeners;
    private final Storage storage;
    private final TimeSource time;
    private final Messenger messenger;
    private final Dispatcher dispatcher;
    private final Map<String, HostPluginContext> contexts = new ConcurrentHashMap<>();
    private final List<PluginFailure> failures = new CopyOnWriteArrayList<>();
    private final List<String> started = new CopyOnWriteArrayList<>();
    private HostPluginManager manager;
    private GuiceExtensionFactory extensions;

    @Inject
    public PluginHost(HostPaths paths, Config config, CommandRegistry registry, ListenerRegistry listeners,
                      Storage storage, TimeSource time, Messenger messenger, Dispatcher dispatcher) {
        this.paths = paths;
        this.config = config;
        this.registry = registry;
        this.listeners = listeners;
        this.storage = storage;
        this.time = time;
        this.messenger = messenger;
        this.dispatcher = dispatcher;
    }

    public synchronized void start() {
        manager = new HostPluginManager(paths.plugins(), ApiVersion.current(), m -> extensions = new GuiceExtensionFactory(m));
        if (!Files.isDirectory(paths.plugins())) {
            log.warn("Plugin folder {} does not exist; starting without plugins", paths.plugins());
            return;
        }
        List<String> loaded = new ArrayList<>();
        for (Path jar : jarsIn(paths.plugins())) {
            load(jar).ifPresent(loaded::add);
        }
        startPlugins(loaded.stream().sorted().toList());
        log.info("Plugins: {} started {}, {} skipped", started.size(), started, failures.size());
    }

    private Optional<String> load(Path jar) {
        Optional<String> problem = PluginJarInspector.problemWith(jar);
        if (problem.isPresent()) {
            fail(jar, null, problem.get());
            return Optional.empty();
        }
        String id;
        try {
            id = manager.loadPlugin(jar);
        } catch (PluginRuntimeException e) {
            fail(jar, null, e.getMessage());
            return Optional.empty();
        }
        PluginWrapper plugin = manager.getPlugin(id);
        String requires = plugin.getDescriptor().getRequires();
        if (plugin.getPluginState() == PluginState.DISABLED && plugin.getFailedException() != null) {
            unloadQuietly(id);
            fail(jar, id, "it requires blacksky-api " + requires + " but this host provides " + ApiVersion.current()
                    + "; use a version of the plugin built for this api, or upgrade Blacksky");
            return Optional.empty();
        }
        if (requires == null || requires.isBlank() || requires.equals("*")) {
            log.warn("Plugin '{}' ({}) declares no Plugin-Requires; add 'Plugin-Requires: >={}' so incompatible"
                    + " hosts refuse it cleanly", id, jar.getFileName(), ApiVersion.current());
        }
        if (!PluginJarInspector.hasExtensionIndex(jar)) {
            log.warn("Plugin '{}' ({}) has no META-INF/extensions.idx, so it contributes no commands; build it with"
                    + " PF4J's annotation processor in annotationProcessorPaths", id, jar.getFileName());
        }
        return Optional.of(id);
    }

    // Two passes: start every plugin, then read extensions. PF4J drops its extension cache on each state
    // change, so reading extensions right after each start re-reads every index: quadratic in plugins.
    private void startPlugins(List<String> ids) {
        List<String> running = new ArrayList<>();
        for (String id : ids) {
            if (startOne(id)) {
                running.add(id);
            }
        }
        for (String id : running) {
            registerExtensions(id);
        }
    }

    private boolean startOne(String id) {
        PluginWrapper plugin = manager.getPlugin(id);
        try {
            Config pluginConfig = PluginConfigs.forPlugin(config, id, plugin.getPluginClassLoader());
            HostPluginContext context = newContext(id, pluginConfig);
            contexts.put(id, context);
            extensions.bind(id, context);
            PluginState state = manager.startPlugin(id);
            if (state != PluginState.STARTED) {
                throw new PluginLoadException("its start() failed: " + describe(plugin.getFailedException()));
            }
            return true;
        } catch (PluginLoadException e) {
            abandon(plugin, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            log.debug("Plugin '{}' failed to start", id, e);
            abandon(plugin, describe(e));
        }
        return false;
    }

    private void registerExtensions(String id) {
        PluginWrapper plugin = manager.getPlugin(id);
        try {
            List<Command> commands = new ArrayList<>(manager.getExtensions(Command.class, id));
            for (CommandProvider provider : manager.getExtensions(CommandProvider.class, id)) {
                commands.addAll(provider.commands());
            }
            registry.register(id, commands);
            listeners.register(id, manager.getExtensions(EventListener.class, id));
            started.add(id);
            log.info("Plugin '{}' {} started with commands {}", id, plugin.getDescriptor().getVersion(),
                    commands.stream().map(c -> c.spec().name()).toList());
        } catch (InvalidCommandException e) {
            abandon(plugin, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            log.debug("Plugin '{}' failed to start", id, e);
            abandon(plugin, describe(e));
        }
    }

    private HostPluginContext newContext(String id, Config pluginConfig) {
        Logger logger = LoggerFactory.getLogger("plugin." + id);
        return new HostPluginContext(id, pluginConfig, storage.forPlugin(id), new HostPluginScheduler(id, time, logger),
                messenger, time.clock(), logger);
    }

    private void abandon(PluginWrapper plugin, String reason) {
        String id = plugin.getPluginId();
        release(id);
        unloadQuietly(id);
        fail(plugin.getPluginPath(), id, reason);
    }

    // Everything the host handed the plugin: routes, listeners, cooldown windows, tasks, store.
    private void release(String id) {
        withdraw(id);
        closeContext(id);
    }

    // No new calls reach the plugin once this returns.
    private void withdraw(String id) {
        registry.unregister(id);
        listeners.unregister(id);
        dispatcher.forget(id);
    }

    private void closeContext(String id) {
        HostPluginContext context = contexts.remove(id);
        if (context != null) {
            context.close();
        }
    }

    private void unloadQuietly(String id) {
        try {
            if (extensions != null) {
                extensions.forget(id);
            }
            manager.unloadPlugin(id);
        } catch (RuntimeException e) {
            log.debug("Unloading plugin '{}' failed", id, e);
        }
    }

    private void fail(Path jar, String pluginId, String reason) {
        PluginFailure failure = new PluginFailure(jar, pluginId, reason);
        failures.add(failure);
        log.warn("{}. The other plugins keep running.", failure.describe());
    }

    private static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return root == error ? message : error.getClass().getSimpleName() + " caused by " + root.getClass().getSimpleName()
                + ": " + message;
    }

    private static List<Path> jarsIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            log.warn("Cannot list plugin folder {}: {}", folder, e.toString());
            return List.of();
        }
    }

    public List<PluginFailure> failures() {
        return List.copyOf(failures);
    }

    public List<String> startedPlugins() {
        return List.copyOf(started);
    }

    /** Stops and unloads every plugin, dependents first; one plugin's failure does not stop the others. */
    public synchronized void stop() {
        if (manager == null) {
            return;
        }
        List<String> reverse = new ArrayList<>(started);
        java.util.Collections.reverse(reverse);
        for (String id : reverse) {
            withdraw(id);
            try {
                manager.stopPlugin(id);
            } catch (RuntimeException | LinkageError e) {
                log.warn("Plugin '{}' failed to stop cleanly: {}", id, describe(e));
            }
            closeContext(id);
            unloadQuietly(id);
        }
        started.clear();
    }
}
