package dev.blacksky.api;

import com.typesafe.config.Config;
import dev.blacksky.api.group.Groups;
import dev.blacksky.api.message.MediaDownloader;
import dev.blacksky.api.message.Messenger;
import dev.blacksky.api.schedule.PluginScheduler;
import dev.blacksky.api.storage.KeyValueStore;
import java.time.Clock;
import java.util.List;
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
 *
 * <p><b>Accounts.</b> A host may run several WhatsApp accounts ({@code blacksky.accounts}); the plugin is loaded
 * once and serves those listed in {@link #accounts()}. {@link #messenger()}, {@link #groups()} and {@link #media()}
 * act for the account whose command, message or event the calling thread is handling, so a reply sent from a
 * listener leaves through the account it heard; anywhere else (a scheduled task, a thread of the plugin's own)
 * they act for the first account. {@link #messenger(String)} and {@link #groups(String)} name one:
 *
 * <pre>{@code
 * context.scheduler().every(Duration.ofHours(1), () ->
 *         context.messenger("support").send(ChatId.of("391234567890"), "Still here."));
 * }</pre>
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
     * Returns the messenger, to send messages from listeners and scheduled tasks: through the account the calling
     * thread is handling a command, message or event of, else the first of {@link #accounts()}.
     *
     * @return the messenger
     */
    Messenger messenger();

    /**
     * Returns the messenger of one account, whichever thread calls.
     *
     * <pre>{@code
     * context.messenger("support").send(ChatId.of("391234567890"), "A new ticket came in.");
     * }</pre>
     *
     * @param account an account name from {@link #accounts()}
     * @return the account's messenger
     * @throws IllegalArgumentException if the plugin does not serve that account, naming those it serves
     */
    Messenger messenger(String account);

    /**
     * Returns group information and administration, for the account chosen as in {@link #messenger()}.
     *
     * @return the groups
     */
    Groups groups();

    /**
     * Returns group information and administration of one account, whichever thread calls.
     *
     * @param account an account name from {@link #accounts()}
     * @return the account's groups
     * @throws IllegalArgumentException if the plugin does not serve that account, naming those it serves
     */
    Groups groups(String account);

    /**
     * Returns the accounts this plugin serves, in the order {@code blacksky.accounts} lists them: one, named by
     * {@code blacksky.account} ({@code "default"} unless set), when the host runs a single account.
     *
     * @return the account names; empty only when {@code blacksky.accounts} gives every account a list of plugins
     *         without this one, and then {@link #messenger()} and {@link #groups()} throw {@link IllegalStateException}
     */
    List<String> accounts();

    /**
     * Returns the account the calling thread is handling a command, message or event of, else the first of
     * {@link #accounts()}.
     *
     * @return the account name, for example {@code "default"}
     * @throws IllegalStateException if the plugin serves no account
     */
    String account();

    /**
     * Returns the downloader for media that messages carry, for the account chosen as in {@link #messenger()}.
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
