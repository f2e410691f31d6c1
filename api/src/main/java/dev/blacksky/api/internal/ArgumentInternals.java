package dev.blacksky.api.internal;

import dev.blacksky.api.command.Argument;
import dev.blacksky.api.message.Message;

/** How the host binds arguments: an argument's kind and its parser, which plugins neither see nor call. */
public final class ArgumentInternals {

    /** How an argument consumes its input. */
    public enum Kind {
        /** One token. */
        TOKEN,
        /** The rest of the line, as typed. */
        REST,
        /** Every remaining token, each parsed. */
        LIST,
        /** No token: the message the user replied to. */
        REPLIED_TO
    }

    /** What {@link Argument} hands the host; installed by Argument itself. */
    public interface Bridge {
        Kind kind(Argument<?> argument);

        <T> T parse(Argument<T> argument, String token, Message message);
    }

    private static volatile Bridge bridge;

    private ArgumentInternals() {
    }

    /** Called once, by Argument's static initialiser. */
    public static void install(Bridge installed) {
        if (bridge == null) {
            bridge = installed;
        }
    }

    public static Kind kind(Argument<?> argument) {
        return bridge.kind(argument);
    }

    public static <T> T parse(Argument<T> argument, String token, Message message) {
        return bridge.parse(argument, token, message);
    }
}
