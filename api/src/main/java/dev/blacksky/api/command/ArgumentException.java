package dev.blacksky.api.command;

/**
 * Thrown by an {@link Argument.Parser} when a token is not a valid value. The host answers with the
 * message and the command's usage. Anything else a parser throws counts as a fault in the plugin: the user
 * is told the word could not be read, and the log names the plugin.
 *
 * <pre>{@code
 * Argument<Integer> dice = Argument.custom("dice", "2 to 100", (token, message) -> {
 *     int n;
 *     try {
 *         n = Integer.parseInt(token);
 *     } catch (NumberFormatException e) {
 *         throw new ArgumentException("'" + token + "' is not a number");
 *     }
 *     if (n < 2 || n > 100) throw new ArgumentException("dice must be between 2 and 100");
 *     return n;
 * });
 * }</pre>
 */
public class ArgumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param userMessage what is wrong with the argument, shown to the user
     */
    public ArgumentException(String userMessage) {
        super(userMessage);
    }
}
