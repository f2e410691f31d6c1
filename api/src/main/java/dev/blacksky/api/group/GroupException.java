package dev.blacksky.api.group;

/**
 * A group action could not be done: the chat is not a group, the bot is not an admin there, or the
 * transport refused. The message says which, in words fit for the user who asked.
 *
 * <pre>{@code
 * context.groups().remove(group, user).exceptionally(e -> { ctx.reply(e.getCause().getMessage()); return null; });
 * }</pre>
 */
public class GroupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, for the user
     */
    public GroupException(String message) {
        super(message);
    }
}
