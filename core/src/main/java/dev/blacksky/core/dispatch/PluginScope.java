package dev.blacksky.core.dispatch;

import org.slf4j.MDC;

/** The one way the host enters plugin code: its class loader as context loader and its id in the logging context. */
public final class PluginScope {

    /** Code run in a plugin's scope. */
    @FunctionalInterface
    public interface Body<T> {
        T run() throws Exception;
    }

    private PluginScope() {
    }

    /** Runs {@code body} in the scope of plugin {@code pluginId}; a null {@code loader} leaves the context loader alone. */
    public static <T> T run(String pluginId, ClassLoader loader, Body<T> body) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        String previousPlugin = MDC.get("plugin");
        if (loader != null) {
            thread.setContextClassLoader(loader);
        }
        MDC.put("plugin", pluginId);
        try {
            return body.run();
        } finally {
            thread.setContextClassLoader(previous);
            if (previousPlugin == null) {
                MDC.remove("plugin");
            } else {
                MDC.put("plugin", previousPlugin);
            }
        }
    }
}
