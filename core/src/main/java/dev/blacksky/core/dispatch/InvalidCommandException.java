package dev.blacksky.core.dispatch;

/** A plugin declared a command the host cannot accept; the plugin fails, the host carries on. */
public final class InvalidCommandException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
