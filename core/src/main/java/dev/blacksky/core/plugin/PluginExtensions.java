package dev.blacksky.core.plugin;

import dev.blacksky.api.PluginLifecycle;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandProvider;
import dev.blacksky.api.event.EventListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.ExtensionFactory;
import org.pf4j.ExtensionPoint;

/** A plugin's extensions from its own index only (PF4J's finder rereads every plugin's), each built once. */
record PluginExtensions(List<Command> commands, List<EventListener> listeners, List<PluginLifecycle> lifecycles) {

    static PluginExtensions of(ClassLoader loader, ExtensionFactory factory) throws PluginLoadException {
        List<Command> commands = new ArrayList<>();
        List<EventListener> listeners = new ArrayList<>();
        List<PluginLifecycle> lifecycles = new ArrayList<>();
        // A class that implements two extension points (a command with a start hook) is listed once per point.
        for (String className : new java.util.LinkedHashSet<>(index(loader))) {
            Class<?> type;
            try {
                type = loader.loadClass(className);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new PluginLoadException("its extension " + className + " cannot be loaded (" + e + ")");
            }
            if (!ExtensionPoint.class.isAssignableFrom(type)) {
                continue;
            }
            Object extension = factory.create(type);
            if (extension instanceof Command command) {
                commands.add(command);
            }
            if (extension instanceof CommandProvider provider) {
                commands.addAll(provider.commands());
            }
            if (extension instanceof EventListener listener) {
                listeners.add(listener);
            }
            if (extension instanceof PluginLifecycle lifecycle) {
                lifecycles.add(lifecycle);
            }
        }
        return new PluginExtensions(List.copyOf(commands), List.copyOf(listeners), List.copyOf(lifecycles));
    }

    private static List<String> index(ClassLoader loader) throws PluginLoadException {
        URL url = loader instanceof URLClassLoader own ? own.findResource("META-INF/extensions.idx") : null;
        if (url == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        java.net.URLConnection connection;
        try {
            connection = url.openConnection();
            connection.setUseCaches(false); // a cached JarFile would outlive the class loader and keep the JAR open
        } catch (IOException e) {
            throw new PluginLoadException("its META-INF/extensions.idx cannot be read (" + e.getMessage() + ")");
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                String name = line.trim();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new PluginLoadException("its META-INF/extensions.idx cannot be read (" + e.getMessage() + ")");
        }
        return names;
    }
}
