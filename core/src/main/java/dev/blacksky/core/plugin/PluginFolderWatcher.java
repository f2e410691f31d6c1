package dev.blacksky.core.plugin;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reconciles the plugins folder once it has been quiet for the debounce time, so no JAR loads half-copied. */
@Singleton
public final class PluginFolderWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginFolderWatcher.class);

    private final PluginHost host;
    private final PluginHostSettings settings;
    private ScheduledExecutorService executor;
    private WatchService watcher;
    private ScheduledFuture<?> pending;

    @Inject
    public PluginFolderWatcher(PluginHost host, PluginHostSettings settings) {
        this.host = host;
        this.settings = settings;
    }

    public synchronized void start() {
        if (!settings.watch()) {
            return;
        }
        Path folder = host.folder();
        executor = Executors.newScheduledThreadPool(1, Thread.ofPlatform().name("plugin-watcher").daemon(true).factory());
        try {
            watcher = FileSystems.getDefault().newWatchService();
            folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            Thread.ofPlatform().name("plugin-watch-events").daemon(true).start(this::listen);
        } catch (IOException e) {
            log.warn("Cannot watch {} ({}); relying on the rescan every {}", folder, e.getMessage(), settings.rescanEvery());
        }
        long every = settings.rescanEvery().toMillis();
        executor.scheduleWithFixedDelay(this::reconcile, every, every, TimeUnit.MILLISECONDS);
        log.info("Watching {} for plugin JARs", folder);
    }

    private void listen() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                key.pollEvents();
                changed();
                if (!key.reset()) {
                    log.warn("The plugins folder can no longer be watched; relying on the rescan");
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // stopping
        }
    }

    // Every event pushes the reconcile back by the debounce time: it runs once the folder is quiet.
    private synchronized void changed() {
        if (executor == null) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = executor.schedule(this::reconcile, settings.debounce().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reconcile() {
        try {
            host.reconcile();
        } catch (RuntimeException e) {
            log.error("Reconciling the plugins folder failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                log.debug("Closing the watch service failed", e);
            }
        }
    }
}
