package dev.blacksky.api.message;

import java.util.Objects;

/**
 * Identifies a user across chats.
 *
 * <p>For WhatsApp users the value is the phone number's digits ({@code "391234567890"}); a user the host
 * can only name by a WhatsApp LID keeps the LID form ({@code "123456789@lid"}). The console transport
 * uses the names typed after {@code :as}.
 *
 * <pre>{@code
 * if (ctx.sender().id().equals(UserId.of("391234567890"))) { ... }
 * }</pre>
 *
 * @param value the normalised id, never blank
 */
public record UserId(String value) {

    /**
     * Checks the value.
     *
     * @throws IllegalArgumentException if the value is blank
     */
    public UserId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a user id cannot be blank");
        }
    }

    /**
     * Creates a user id.
     *
     * @param value the normalised id
     * @return the id
     */
    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
