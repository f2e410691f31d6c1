package dev.blacksky.core.plugin;

import com.typesafe.config.Config;
import dev.blacksky.api.ApiVersion;
import dev.blacksky.api.PluginLifecycle;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.core.account.HostedAccount;
import dev.blacksky.core.account.HostedAccounts;
import dev.blacksky.core.dispatch.CommandRegistry;
import dev.blacksky.core.dispatch.DurationText;
import dev.blacksky.core.dispatch.InvalidCommandException;
import dev.blacksky.core.dispatch.PluginCalls;
import dev.blacksky.core.dispatch.PluginScope;
import dev.blacksky.core.dispatch.Route;
import dev.blacksky.core.storage.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts one generation of a plugin, all of it or nothing, and stops it within a deadline. */
final class GenerationStarter {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class); // the plugin host's voice

    private final HostPluginManager manager;
    private final GuiceExtensionFactory extensions;
    private final Path shadows;
    private final Config config;
    private final CommandRegistry registry;
    private final Storage storage;
    private final PluginContexts contexts;
    private final HostedAccounts accounts;
    private final PluginCalls calls;
    private final PluginHostSettings settings;
    private final AtomicLong generations = new AtomicLong();
    private final BreakerTrips trips;

    GenerationStarter(HostPluginManager manager, GuiceExtensionFactory extensions, Path shadows, Config config,
                      CommandRegistry registry, Storage storage, PluginContexts contexts, HostedAccounts accounts,
                      PluginCalls calls, PluginHostSettings settings, BreakerTrips trips) {
        this.trips = trips;
        this.manager = manager;
        this.extensions = extensions;
        this.shadows = shadows;
        this.config = config;
        this.registry = registry;
        this.storage = storage;
        this.contexts = contexts;
        this.accounts = accounts;
        this.calls = calls;
        this.settings = settings;
    }

    /** Empties the folder of private copies: what a previous run left, never the user's JARs. */
    void clearShadows() throws IOException {
        Files.createDirectories(shadows);
        try (var old = Files.list(shadows)) {
            for (Path stale : old.toList()) {
                Files.deleteIfExists(stale);
            }
        }
    }

    /** Starts a generation of the plugin the candidate JAR declares; the plugins it needs must be among {@code live}. */
    PluginGeneration start(PluginHost.Candidate candidate, Map<String, PluginGeneration> live) throws PluginLoadException {
        PluginDescriptor declared = candidate.descriptor();
        String id = declared.getPluginId();
        List<ClassLoader> dependencyLoaders = new ArrayList<>();
        List<String> dependencyIds = new ArrayList<>();
        for (PluginDependency dependency : declared.getDependencies()) {
            PluginGeneration provider = live.get(dependency.getPluginId());
            if (provider == null) {
                if (dependency.isOptional()) {
                    continue;
                }
                throw new PluginLoadException("it needs plugin '" + dependency.getPluginId() + "', which is not loaded", true);
            }
            String wanted = dependency.getPluginVersionSupport();
            if (!"*".equals(wanted) && !manager.getVersionManager().checkVersionConstraint(provider.version(), wanted)) {
                throw new PluginLoadException("it needs plugin '" + dependency.getPluginId() + "' " + wanted
                        + ", but version " + provider.version() + " is loaded", true);
            }
            dependencyLoaders.add(provider.loader());
            dependencyIds.add(provider.pluginId());
        }
        String generationId = id + "@" + generations.incrementAndGet();
        Path shadow = shadows.resolve(generationId.replace('@', '-') + ".jar");
        try {
            Files.copy(candidate.jar(), shadow, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new PluginLoadException("it cannot be copied to " + shadows + " (" + e.getMessage() + ")");
        }
        try {
            manager.loadGeneration(shadow, generationId, dependencyLoaders);
        } catch (PluginRuntimeException e) {
            deleteQuietly(shadow);
            throw new PluginLoadException(e.getMessage());
        }
        HostPluginContext context = null;
        try {
            PluginWrapper plugin = manager.getPlugin(generationId);
            String requires = declared.getRequires();
            if (plugin.getPluginState() == PluginState.DISABLED && plugin.getFailedException() != null) {
                throw new PluginLoadException("it requires blacksky-api " + requires + " but this host provides "
                        + ApiVersion.current() + "; use a version of the plugin built for this api, or upgrade Blacksky");
            }
            if (requires == null || requires.isBlank() || requires.equals("*")) {
                log.warn("Plugin '{}' ({}) declares no Plugin-Requires; add 'Plugin-Requires: >={}' so incompatible"
                        + " hosts refuse it cleanly", id, candidate.jar().getFileName(), ApiVersion.current());
            }
            if (!PluginJarInspector.hasExtensionIndex(shadow)) {
                log.warn("Plugin '{}' ({}) has no META-INF/extensions.idx, so it contributes no commands; build it with"
                        + " PF4J's annotation processor in annotationProcessorPaths", id, candidate.jar().getFileName());
            }
            ClassLoader loader = plugin.getPluginClassLoader();
            context = newContext(id, loader, PluginConfigs.forPlugin(config, id, loader));
            extensions.bind(generationId, context);
            if (PluginScope.run(id, loader, () -> manager.startPlugin(generationId)) != PluginState.STARTED) {
                throw new PluginLoadException("its start() failed: " + describe(plugin.getFailedException()));
            }
            PluginExtensions found = PluginExtensions.of(loader, extensions);
            for (PluginLifecycle lifecycle : found.lifecycles()) {
                HostPluginContext started = context;
                try {
                    PluginScope.run(id, loader, () -> {
                        lifecycle.start(started);
                        return null;
                    });
                } catch (Exception e) {
                    throw new PluginLoadException("its start hook " + lifecycle.getClass().getName() + " failed: " + describe(e));
                }
            }
            PluginSupervision gate = new PluginSupervision(id, loader, settings, contexts.clock(), reason -> paused(id, reason));
            List<Route> routes = registry.prepare(id, found.commands(), gate);
            return new PluginGeneration(id, generationId, declared.getVersion(), candidate.jar(), candidate.checksum(),
                    shadow, loader, context, gate, routes, found.listeners(), found.lifecycles(), dependencyIds);
        } catch (PluginLoadException e) {
            discard(generationId, context, shadow);
            throw e;
        } catch (InvalidCommandException e) {
            discard(generationId, context, shadow);
            throw new PluginLoadException(e.getMessage());
        } catch (Exception | LinkageError e) {
            log.debug("Plugin '{}' failed to start", id, e);
            discard(generationId, context, shadow);
            throw new PluginLoadException(configuration(id, e).orElseGet(() -> describe(e)));
        }
    }

    /** The generation no longer receives calls: lets the ones in progress finish until {@code deadline}, then releases it. */
    void stop(PluginGeneration old, long deadline) {
        old.gate().retire(); // a call that looked up an old route just before the switch is sent to the new one
        if (!old.gate().awaitIdle(deadline)) {
            log.warn("Plugin '{}' {} still had {} calls running when its time to finish them was up; stopping it anyway",
                    old.pluginId(), old.version(), old.gate().inFlight());
        }
        for (PluginLifecycle lifecycle : old.lifecycles()) {
            try {
                PluginScope.run(old.pluginId(), old.loader(), () -> {
                    lifecycle.stop(old.context());
                    return null;
                });
            } catch (Exception | LinkageError e) {
                log.warn("Plugin '{}': its stop hook {} failed: {}", old.pluginId(), lifecycle.getClass().getName(), describe(e));
            }
        }
        try {
            PluginScope.run(old.pluginId(), old.loader(), () -> manager.stopPlugin(old.generationId()));
        } catch (Exception | LinkageError e) {
            log.warn("Plugin '{}' failed to stop cleanly: {}", old.pluginId(), describe(e));
        }
        accounts.all().forEach(account -> account.dispatcher().forget(old.routes()));
        calls.renew(); // no plugin thread keeps a thread-local of the plugin's, or its class loader
        discard(old.generationId(), old.context(), old.shadowJar());
        List<Thread> stubborn = LeftoverThreads.stop(old.loader(), 1000);
        if (!stubborn.isEmpty()) {
            log.warn("Plugin '{}' left threads running that ignore interrupts: {}; they keep its classes in memory",
                    old.pluginId(), stubborn.stream().map(Thread::getName).toList());
        }
    }

    private void discard(String generationId, HostPluginContext context, Path shadow) {
        if (context != null) {
            context.close();
        }
        extensions.forget(generationId);
        try {
            if (manager.getPlugin(generationId) != null) {
                manager.unloadPlugin(generationId); // also closes its class loader
            }
        } catch (RuntimeException e) {
            log.debug("Unloading '{}' failed", generationId, e);
        }
        deleteQuietly(shadow);
    }

    private HostPluginContext newContext(String id, ClassLoader loader, Config pluginConfig) {
        return contexts.create(id, loader, pluginConfig);
    }

    // The breaker opened: the owners hear it in their private chats, with the reason and the way back.
    private void paused(String pluginId, String reason) {
        String text = "⚠️ Plugin '" + pluginId + "' is paused for " + DurationText.of(settings.breakerOpenFor())
                + " because " + reason + ". It resumes by itself after that; '!plugin enable " + pluginId
                + "' resumes it now, '!plugin disable " + pluginId + "' turns it off.";
        log.warn("Plugin '{}' paused: {}", pluginId, reason);
        trips.tripped(pluginId, reason);
        HostedAccount first = accounts.primary(); // owners hear it once, from the first account
        first.dispatcher().accessPolicy().owners().forEach(owner -> first.outbound().send(ChatId.of(owner.value()), text));
    }

    // A setting the plugin reads but does not declare: named by its full path, not through Guice's provision trace.
    private static java.util.Optional<String> configuration(String id, Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof com.typesafe.config.ConfigException config) {
                String message = config.getMessage().replaceAll("key '([^']+)'", "key 'plugins." + id + ".$1'");
                return java.util.Optional.of("its configuration: " + message + "; set it under plugins." + id
                        + " in conf/application.conf, or give it a default in the plugin's reference.conf");
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return java.util.Optional.empty();
    }

    /** The root cause of a failure, in words for an operator. */
    static String describe(Throwable error) {
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

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("Cannot delete {}", file, e);
        }
    }
}
