package dev.blacksky.api.command;

/**
 * Thrown by an {@link Argument.Parser} when a token is not a valid value. The host answers with the
 * message and the command's usage.
 *
 * <pre>{@code
 * Argument<Integer> dice = Argument.custom("dice", "2 to 100", (token, message) -> {
 *     int n = Integer.parseInt(token);
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
