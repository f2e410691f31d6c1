package dev.blacksky.api;

import com.typesafe.config.Config;
import org.slf4j.Logger;

/**
 * A plugin's narrow window on the host, injected into its extensions.
 *
 * <pre>{@code
 * @Extension
 * public final class Greet implements Command {
 *     private final String greeting;
 *
 *     @Inject
 *     public Greet(PluginContext context) {
 *         this.greeting = context.config().getString("greeting"); // plugins.greeter.greeting
 *     }
 *     ...
 * }
 * }</pre>
 *
 * <p>Everything reached through the context is owned by the host and released when the plugin stops.
 * The context is safe to use from any thread.
 */
public interface PluginContext {

    /**
     * Returns the plugin's id, as declared in its {@code Plugin-Id} descriptor entry.
     *
     * @return the plugin id, for example {@code "basics"}
     */
    String pluginId();

    /**
     * Returns the plugin's configuration: the {@code plugins.<id>} subtree of the host configuration,
     * with the defaults from the {@code reference.conf} inside the plugin's own jar.
     *
     * <p>A plugin's {@code reference.conf} must only define {@code plugins.<id> { ... }}.
     *
     * @return the plugin's configuration subtree, possibly empty
     */
    Config config();

    /**
     * Returns a logger named after the plugin, so that log lines say which plugin wrote them.
     *
     * @return the plugin's logger
     */
    Logger logger();
}
