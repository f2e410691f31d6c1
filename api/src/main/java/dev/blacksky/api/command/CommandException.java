package dev.blacksky.api.command;

/**
 * A failure to show to the user as it is, instead of the host's generic apology. It is not logged as an
 * error and does not count against the plugin's health.
 *
 * <pre>{@code
 * if (notes.isEmpty()) {
 *     throw new CommandException("You have no notes yet. Add one with !note add <text>.");
 * }
 * }</pre>
 */
public class CommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param userMessage the text the user sees
     */
    public CommandException(String userMessage) {
        super(userMessage);
    }
}
