package dev.blacksky.api;

import org.pf4j.ExtensionPoint;

/**
 * Runs when the plugin starts and stops: the place to re-arm timers from storage or open a resource, instead
 * of a constructor. Each start and stop of the plugin, also a reload, calls it once.
 *
 * <pre>{@code
 * @Extension
 * public final class Reminders implements PluginLifecycle {
 *     @Override
 *     public void start(PluginContext context) {
 *         context.storage().entries("reminder:").forEach((key, value) -> rearm(context, value));
 *     }
 * }
 * }</pre>
 *
 * <p>{@code start} runs after the plugin's extensions are built and before its commands take calls; an
 * exception fails the plugin's start, as a broken JAR does, and the others run on. {@code stop} runs before
 * the plugin's scheduled tasks are cancelled and its store closed; an exception is logged.
 */
public interface PluginLifecycle extends ExtensionPoint {

    /**
     * The plugin starts.
     *
     * @param context the plugin's context
     * @throws Exception to fail the start; the message is reported with the plugin's id
     */
    void start(PluginContext context) throws Exception;

    /**
     * The plugin stops (the bot stops, or the plugin is disabled, reloaded or removed).
     *
     * @param context the plugin's context
     * @throws Exception on failure; logged with the plugin's id
     */
    default void stop(PluginContext context) throws Exception {
    }
}
