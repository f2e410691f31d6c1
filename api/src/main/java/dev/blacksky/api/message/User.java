package dev.blacksky.api.message;

import java.util.Objects;

/**
 * A user who sent a message.
 *
 * <pre>{@code
 * ctx.reply("Hi " + ctx.sender().displayName());
 * }</pre>
 *
 * @param id the user's normalised id
 * @param displayName the name the user chose (WhatsApp's push name), or the id when none is known
 */
public record User(UserId id, String displayName) {

    /** Checks the components. */
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
    }
}
