package dev.blacksky.core.plugin;

import com.typesafe.config.Config;
import dev.blacksky.api.ApiVersion;
import dev.blacksky.core.account.HostedAccounts;
import dev.blacksky.core.config.HostPaths;
import dev.blacksky.core.dispatch.CommandRegistry;
import dev.blacksky.core.dispatch.InvalidCommandException;
import dev.blacksky.core.dispatch.ListenerRegistry;
import dev.blacksky.core.dispatch.PluginCalls;
import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.storage.Storage;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.pf4j.DefaultVersionManager;
import org.pf4j.DependencyResolver;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the loaded plugins in step with the plugins folder, each JAR on its own: broken ones skipped with a
 * reason, replaced ones reloaded beside the old version and switched atomically, removed ones unloaded.
 */
@Singleton
public final class PluginHost {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);
    private static final String RETRY = ""; // a failure's checksum that never matches: try the JAR again next time

    private final HostPaths paths;
    private final Config config;
    private final CommandRegistry registry;
    private final ListenerRegistry listeners;
    private final Storage storage;
    private final TimeSource time;
    private final HostedAccounts accounts;
    private final PluginHostSettings settings;
    private final PluginCalls calls;
    private final PluginContexts contexts;
    private final Map<String, PluginGeneration> live = new TreeMap<>();
    private final Map<Path, PluginFailure> failed = new TreeMap<>();
    private final Map<String, Path> disabledJars = new TreeMap<>();
    // Held while the folder, the live generations or an admin action change; a reload waits here for calls to drain.
    private final ReentrantLock lock = new ReentrantLock();
    private HostPluginManager manager;
    private GuiceExtensionFactory extensions;
    private GenerationStarter starter;
    private PluginStates states;
    private final BreakerTrips trips;

    @Inject
    public PluginHost(HostPaths paths, Config config, CommandRegistry registry, ListenerRegistry listeners,
                      Storage storage, TimeSource time, HostedAccounts accounts,
                      PluginHostSettings settings, PluginCalls calls,
                      PluginContexts contexts, BreakerTrips trips) {
        this.trips = trips;
        this.paths = paths;
        this.config = config;
        this.registry = registry;
        this.listeners = listeners;
        this.storage = storage;
        this.time = time;
        this.accounts = accounts;
        this.settings = settings;
        this.calls = calls;
        this.contexts = contexts;
    }

    public void start() {
        lock.lock();
        try {
            manager = new HostPluginManager(paths.plugins(), ApiVersion.current(), m -> extensions = new GuiceExtensionFactory(m));
            states = new PluginStates(storage.forPlugin(""));
            Path shadows = paths.data().resolve("plugin-shadows");
            starter = new GenerationStarter(manager, extensions, shadows, config, registry, storage, contexts, accounts,
                    calls, settings, trips);
            try {
                starter.clearShadows();
                registry.addBuiltins(new PluginAdminCommands(this).commands());
            } catch (IOException e) {
                throw new PluginRuntimeException(e, "Cannot prepare the plugin shadow folder {}", shadows);
            } catch (InvalidCommandException e) {
                throw new IllegalStateException(e);
            }
            reconcile();
            log.info("Plugins: {} running {}, {} skipped, {} disabled", live.size(), live.keySet(), failed.size(),
                    disabledJars.size());
        } finally {
            lock.unlock();
        }
    }

    /** Brings the loaded plugins in line with the folder: loads new JARs, reloads changed ones, unloads removed ones. */
    public void reconcile() {
        lock.lock();
        try {
            if (manager == null) {
                return;
            }
            Map<Path, String> present = PluginJarInspector.checksums(paths.plugins());
            for (PluginGeneration generation : new ArrayList<>(live.values())) {
                if (!present.containsKey(generation.sourceJar())) {
                    unload(generation.pluginId(), "its JAR was removed");
                }
            }
            failed.keySet().removeIf(jar -> !present.containsKey(jar));
            disabledJars.values().removeIf(jar -> !present.containsKey(jar));
            List<Candidate> candidates = new ArrayList<>();
            for (Map.Entry<Path, String> entry : present.entrySet()) {
                Path jar = entry.getKey();
                String checksum = entry.getValue();
                Optional<PluginGeneration> loaded = liveFrom(jar);
                PluginFailure failure = failed.get(jar);
                if (loaded.isPresent() && loaded.get().checksum().equals(checksum)
                        || failure != null && failure.checksum().equals(checksum)
                        || disabledJars.containsValue(jar) && loaded.isEmpty() && failure == null) {
                    continue;
                }
                failed.remove(jar);
                candidate(jar, checksum).ifPresent(candidates::add);
            }
            for (Candidate candidate : inDependencyOrder(candidates)) {
                install(candidate);
            }
        } finally {
            lock.unlock();
        }
    }

    private Optional<Candidate> candidate(Path jar, String checksum) {
        Optional<String> problem = PluginJarInspector.problemWith(jar);
        if (problem.isPresent()) {
            fail(jar, null, problem.get(), checksum);
            return Optional.empty();
        }
        try {
            PluginDescriptor descriptor = manager.readDescriptor(jar);
            return Optional.of(new Candidate(jar, checksum, descriptor));
        } catch (PluginRuntimeException e) {
            fail(jar, null, e.getMessage(), checksum);
            return Optional.empty();
        }
    }

    private void install(Candidate candidate) {
        String id = candidate.descriptor().getPluginId();
        liveFrom(candidate.jar()).filter(g -> !g.pluginId().equals(id))
                .ifPresent(g -> unload(g.pluginId(), "its JAR now holds plugin '" + id + "'"));
        PluginGeneration current = live.get(id);
        if (current != null && !current.sourceJar().equals(candidate.jar())) {
            // Not remembered by checksum: once the other JAR goes, this one must load at the next look.
            fail(candidate.jar(), id, "a plugin with the same id (" + id + ") is already loaded from "
                    + current.sourceJar().getFileName() + "; remove one of the two JARs", RETRY);
            return;
        }
        if (current == null && states.isDisabled(id)) {
            disabledJars.put(id, candidate.jar());
            log.info("Plugin '{}' ({}) is disabled; '!plugin enable {}' turns it on", id, candidate.jar().getFileName(), id);
            return;
        }
        try {
            PluginGeneration next = starter.start(candidate, live);
            activate(next);
            if (current != null) {
                // Dependents move to the new version before the old one's class loader closes under them.
                restartDependentsOf(id);
                starter.stop(current, drainDeadline());
                log.info("Plugin '{}' reloaded: {} -> {}", id, current.version(), next.version());
            } else {
                log.info("Plugin '{}' {} started with commands {}", id, next.version(), next.commandNames());
            }
        } catch (PluginLoadException e) {
            // A missing dependency may arrive with the next JAR: such failures are tried again at each look.
            fail(candidate.jar(), id, e.getMessage() + (current != null ? "; the running version " + current.version()
                    + " keeps serving" : ""), e.dependsOnOthers() ? RETRY : candidate.checksum());
        }
    }

    // Routing and listeners switch to the new generation in one step each: every message sees old or new.
    private void activate(PluginGeneration generation) {
        registry.activate(generation.pluginId(), generation.routes());
        listeners.register(generation.pluginId(), generation.listeners(), generation.gate());
        live.put(generation.pluginId(), generation);
        disabledJars.remove(generation.pluginId());
    }

    private long drainDeadline() {
        return System.nanoTime() + settings.drainTimeout().toNanos();
    }

    private void unload(String pluginId, String why) {
        unload(pluginId, why, drainDeadline());
    }

    // Calls in progress get until the deadline (System.nanoTime) to finish, shared by every plugin a stop unloads.
    private void unload(String pluginId, String why, long deadline) {
        for (String dependent : dependentsOf(pluginId)) {
            unload(dependent, "it depends on '" + pluginId + "', which is unloading", deadline);
        }
        PluginGeneration generation = live.remove(pluginId);
        if (generation == null) {
            return;
        }
        registry.unregister(pluginId);
        listeners.unregister(pluginId);
        starter.stop(generation, deadline);
        log.info("Plugin '{}' unloaded: {}", pluginId, why);
    }

    // A dependent that cannot move to the new version is unloaded: left running, it would serve classes
    // from the old version's closed class loader.
    private void restartDependentsOf(String pluginId) {
        for (String dependent : dependentsOf(pluginId)) {
            PluginGeneration old = live.get(dependent);
            Optional<Candidate> again = candidate(old.sourceJar(), old.checksum());
            if (again.isPresent()) {
                failed.remove(old.sourceJar());
                install(again.get());
            }
            if (live.get(dependent) == old) {
                unload(dependent, "it could not be restarted against the new version of '" + pluginId + "'");
            }
        }
    }

    private List<String> dependentsOf(String pluginId) {
        return live.values().stream().filter(g -> g.dependencies().contains(pluginId)).map(PluginGeneration::pluginId).toList();
    }

    private Optional<PluginGeneration> liveFrom(Path jar) {
        return live.values().stream().filter(g -> g.sourceJar().equals(jar)).findFirst();
    }

    private void fail(Path jar, String pluginId, String reason, String checksum) {
        PluginFailure failure = new PluginFailure(jar, pluginId, reason, checksum);
        PluginFailure before = failed.put(jar, failure);
        if (before == null || !before.reason().equals(reason)) { // retried failures would repeat every rescan
            log.warn("{}. The other plugins keep running.", failure.describe());
        }
    }

    // --- operator actions

    /** Reloads a plugin from its JAR now; the running version keeps serving if the new one fails. */
    public String reload(String pluginId) {
        lock.lock();
        try {
            PluginGeneration current = live.get(pluginId);
            if (current == null) {
                return "There is no running plugin '" + pluginId + "'.";
            }
            Optional<Candidate> candidate = candidate(current.sourceJar(), PluginJarInspector.checksum(current.sourceJar()));
            if (candidate.isEmpty()) {
                return "Reloading '" + pluginId + "' failed: " + failed.get(current.sourceJar()).reason()
                        + ". Version " + current.version() + " keeps serving.";
            }
            install(candidate.get());
            PluginGeneration now = live.get(pluginId);
            return now != null && now != current ? "Reloaded '" + pluginId + "' (" + now.version() + ")."
                    : "Reloading '" + pluginId + "' failed: " + failed.get(current.sourceJar()).reason() + ".";
        } finally {
            lock.unlock();
        }
    }

    /** Turns a plugin on (and keeps it on across restarts); also resumes one its breaker paused. */
    public String enable(String pluginId) {
        lock.lock();
        try {
            PluginGeneration running = live.get(pluginId);
            if (running != null) {
                running.gate().reset();
                return "Plugin '" + pluginId + "' is running" + (running.gate().failures() > 0 ? "; its failures are forgotten." : ".");
            }
            Path jar = disabledJars.get(pluginId);
            if (jar == null && !states.isDisabled(pluginId)) {
                return "There is no plugin '" + pluginId + "'. '!plugins' lists them.";
            }
            states.setDisabled(pluginId, false);
            disabledJars.remove(pluginId);
            if (jar != null) {
                candidate(jar, PluginJarInspector.checksum(jar)).ifPresent(this::install);
            }
            return live.containsKey(pluginId) ? "Enabled '" + pluginId + "'." : "Enabled '" + pluginId + "', but it did not start: "
                    + (jar == null ? "its JAR is not in the plugins folder" : failed.get(jar).reason()) + ".";
        } finally {
            lock.unlock();
        }
    }

    /** Turns a plugin off and keeps it off across restarts. */
    public String disable(String pluginId) {
        lock.lock();
        try {
            PluginGeneration running = live.get(pluginId);
            if (running == null) {
                return states.isDisabled(pluginId) ? "Plugin '" + pluginId + "' is already disabled."
                        : "There is no running plugin '" + pluginId + "'.";
            }
            states.setDisabled(pluginId, true);
            unload(pluginId, "an owner disabled it");
            disabledJars.put(pluginId, running.sourceJar());
            return "Disabled '" + pluginId + "'. '!plugin enable " + pluginId + "' turns it back on.";
        } finally {
            lock.unlock();
        }
    }

    public List<PluginStatus> status() {
        lock.lock();
        try {
            List<PluginStatus> all = new ArrayList<>();
            live.values().forEach(g -> all.add(status(g)));
            disabledJars.forEach((id, jar) -> all.add(new PluginStatus(id, "", PluginStatus.State.DISABLED,
                    "disabled by an owner", jar, List.of(), 0, List.of(), 0, 0)));
            failed.values().forEach(f -> all.add(new PluginStatus(f.pluginId() != null ? f.pluginId() : f.jar().getFileName().toString(),
                    "", PluginStatus.State.FAILED, f.reason(), f.jar(), List.of(), 0, List.of(), 0, 0)));
            return all;
        } finally {
            lock.unlock();
        }
    }

    private static PluginStatus status(PluginGeneration g) {
        boolean paused = g.gate().breakerState() != PluginSupervision.BreakerState.CLOSED;
        return new PluginStatus(g.pluginId(), g.version(), paused ? PluginStatus.State.PAUSED : PluginStatus.State.RUNNING,
                paused ? "paused: " + g.gate().openReason() : "", g.sourceJar(), g.commandNames(), g.listeners().size(),
                g.dependencies(), g.gate().failures(), g.gate().inFlight());
    }

    public List<PluginFailure> failures() {
        lock.lock();
        try {
            return List.copyOf(failed.values());
        } finally {
            lock.unlock();
        }
    }

    public List<String> startedPlugins() {
        lock.lock();
        try {
            return List.copyOf(live.keySet());
        } finally {
            lock.unlock();
        }
    }

    /** The class loader of a plugin's running version, for diagnostics and leak checks. */
    public Optional<ClassLoader> loaderOf(String pluginId) {
        lock.lock();
        try {
            return Optional.ofNullable(live.get(pluginId)).map(PluginGeneration::loader);
        } finally {
            lock.unlock();
        }
    }

    /** What the plugin sent on its own and has queued, for owners judging its share of the sending budget. */
    public String sendsOf(String pluginId) {
        if (accounts.all().size() == 1) {
            return accounts.primary().outbound().usage(pluginId);
        }
        return String.join("; ", accounts.all().stream().map(a -> a.name() + ": " + a.outbound().usage(pluginId)).toList());
    }

    public Path folder() {
        return paths.plugins();
    }

    /**
     * Stops and unloads every plugin, dependents first; one plugin's failure does not stop the others. Calls still
     * in progress get until {@code deadline} (System.nanoTime), all plugins together.
     */
    public void stop(long deadline) {
        lock.lock();
        try {
            if (manager == null) {
                return;
            }
            List<String> ids = new ArrayList<>(live.keySet());
            java.util.Collections.reverse(ids);
            for (String id : ids) {
                unload(id, "the bot is stopping", deadline);
            }
        } finally {
            lock.unlock();
        }
    }

    // A plugin after the plugins it needs, by PF4J's resolver; in file order when it finds a cycle (the
    // dependency check then reports each plugin that cannot start).
    private static List<Candidate> inDependencyOrder(List<Candidate> candidates) {
        Map<String, Candidate> byId = new LinkedHashMap<>();
        candidates.forEach(c -> byId.putIfAbsent(c.descriptor().getPluginId(), c));
        DependencyResolver.Result order = new DependencyResolver(new DefaultVersionManager())
                .resolve(candidates.stream().map(Candidate::descriptor).toList());
        if (order.hasCyclicDependency()) {
            return candidates;
        }
        List<Candidate> sorted = new ArrayList<>(order.getSortedPlugins().stream().map(byId::get)
                .filter(java.util.Objects::nonNull).toList());
        candidates.stream().filter(c -> !sorted.contains(c)).forEach(sorted::add);
        return sorted;
    }

    /** A JAR about to be installed, with its declared descriptor. */
    record Candidate(Path jar, String checksum, PluginDescriptor descriptor) {
    }

}
