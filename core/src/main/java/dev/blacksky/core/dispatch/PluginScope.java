package dev.blacksky.core.dispatch;

import org.slf4j.MDC;

/** The one way the host enters plugin code: its class loader as context loader and its id in the logging context. */
public final class PluginScope {

    /** Code run in a plugin's scope. */
    @FunctionalInterface
    public interface Body<T> {
        T run() throws Exception;
    }

    private static final ThreadLocal<String> ACCOUNT = new ThreadLocal<>();

    private PluginScope() {
    }

    /** The account whose command, message or event the current thread runs plugin code for; null elsewhere. */
    public static String account() {
        return ACCOUNT.get();
    }

    /** Runs {@code body} in the scope of plugin {@code pluginId}; a null {@code loader} leaves the context loader alone. */
    public static <T> T run(String pluginId, ClassLoader loader, Body<T> body) throws Exception {
        return run(pluginId, null, loader, body);
    }

    /** {@link #run(String, ClassLoader, Body)} for a call that came through {@code account} (null: none). */
    public static <T> T run(String pluginId, String account, ClassLoader loader, Body<T> body) throws Exception {
        String previousAccount = ACCOUNT.get();
        ACCOUNT.set(account);
        if (account != null) {
            MDC.put("account", account);
        }
        try {
            return inPlugin(pluginId, loader, body);
        } finally {
            if (previousAccount == null) {
                ACCOUNT.remove();
                MDC.remove("account");
            } else {
                ACCOUNT.set(previousAccount);
                MDC.put("account", previousAccount);
            }
        }
    }

    private static <T> T inPlugin(String pluginId, ClassLoader loader, Body<T> body) throws Exception {
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
