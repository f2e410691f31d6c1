package dev.blacksky.api.storage;

/**
 * A storage operation failed or was refused: a value over the size limit, a store closed because its
 * plugin stopped, or a disk error. Nothing else in the store is affected.
 *
 * <pre>{@code
 * try {
 *     store.put("note:" + id, text);
 * } catch (StorageException e) {
 *     throw new CommandException("That note is too long.");
 * }
 * }</pre>
 */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and what to do
     */
    public StorageException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what failed and what to do
     * @param cause the underlying error
     */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
