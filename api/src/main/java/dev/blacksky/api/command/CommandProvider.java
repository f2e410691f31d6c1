package dev.blacksky.api.command;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Contributes several commands from one extension, for commands made from data rather than one class each
 * (canned answers from configuration, commands per configured feed, and so on).
 *
 * <pre>{@code
 * @Extension
 * public final class CannedAnswers implements CommandProvider {
 *     private final Config answers;
 *
 *     @Inject
 *     public CannedAnswers(PluginContext context) {
 *         this.answers = context.config().getConfig("answers"); // plugins.canned.answers { rules = "Be nice" }
 *     }
 *
 *     @Override
 *     public List<Command> commands() {
 *         return answers.root().keySet().stream()
 *                 .map(name -> Command.of(
 *                         CommandSpec.named(name).description("Shows the " + name).build(),
 *                         ctx -> ctx.reply(answers.getString(name))))
 *                 .toList();
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #commands()} is called once, when the plugin starts; the same validation and collision rules
 * apply as for {@link Command} extensions.
 */
public interface CommandProvider extends ExtensionPoint {

    /**
     * Returns the commands to register.
     *
     * @return the commands, each with its own spec
     */
    List<Command> commands();
}
