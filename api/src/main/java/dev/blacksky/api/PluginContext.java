package dev.blacksky.api;

import com.typesafe.config.Config;
import dev.blacksky.api.group.Groups;
import dev.blacksky.api.message.MediaDownloader;
import dev.blacksky.api.message.Messenger;
import dev.blacksky.api.schedule.PluginScheduler;
import dev.blacksky.api.storage.KeyValueStore;
import java.time.Clock;
import org.slf4j.Logger;

/**
 * A plugin's narrow window on the host, injected into its extensions.
 *
 * <pre>{@code
 * @Extension
 * public final class Greet implements Command {
 *     private final PluginContext context;
 *
 *     @Inject
 *     public Greet(PluginContext context) {
 *         this.context = context;
 *     }
 *
 *     @Override
 *     public void execute(CommandContext ctx) {
 *         String greeting = context.config().getString("greeting");      // plugins.greeter.greeting
 *         context.storage().update("count", n -> String.valueOf(Long.parseLong(n.orElse("0")) + 1));
 *         ctx.reply(greeting);
 *     }
 *     ...
 * }
 * }</pre>
 *
 * <p>Everything reached through the context is owned by the host and released when the plugin stops:
 * scheduled tasks are cancelled and the store is closed. The context is safe to use from any thread.
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
     * Returns the plugin's persistent store, a namespace of its own in the bot's database.
     *
     * @return the store
     */
    KeyValueStore storage();

    /**
     * Returns the plugin's scheduler; its tasks are cancelled when the plugin stops.
     *
     * @return the scheduler
     */
    PluginScheduler scheduler();

    /**
     * Returns the messenger, to send messages from listeners and scheduled tasks.
     *
     * @return the messenger
     */
    Messenger messenger();

    /**
     * Returns group information and administration.
     *
     * @return the groups
     */
    Groups groups();

    /**
     * Returns the downloader for media that messages carry.
     *
     * @return the downloader
     */
    MediaDownloader media();

    /**
     * Returns the prefix commands start with here (the first of {@code blacksky.dispatch.prefixes}), for texts
     * written outside a command: a welcome or a reminder that names a command.
     *
     * <pre>{@code
     * context.messenger().send(group, "Welcome! Send " + context.commandPrefix() + "help to see what I can do.");
     * }</pre>
     *
     * @return the prefix, such as {@code "!"}
     */
    String commandPrefix();

    /**
     * Returns the host's clock. Use it instead of {@code Instant.now()} so that tests can control time.
     *
     * @return the clock
     */
    Clock clock();

    /**
     * Returns a logger named after the plugin, so that log lines say which plugin wrote them.
     *
     * @return the plugin's logger
     */
    Logger logger();
}
