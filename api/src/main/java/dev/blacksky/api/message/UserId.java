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

    /**
     * Reads a user id as people and WhatsApp write one: a phone number in any common form, a WhatsApp address
     * with or without its device part, a LID, or a mention. Other text (a console user's name) is kept as it is.
     *
     * <pre>{@code
     * UserId.parse("+39 123-456 7890")                 // 391234567890
     * UserId.parse("@391234567890")                    // 391234567890
     * UserId.parse("391234567890:12@s.whatsapp.net")   // 391234567890
     * UserId.parse("123456789:3@lid")                  // 123456789@lid
     * UserId.parse("alice")                            // alice
     * }</pre>
     *
     * @param text what was written
     * @return the normalised id
     * @throws IllegalArgumentException if the text is blank
     */
    public static UserId parse(String text) {
        String written = text.strip();
        String id = written.startsWith("@") ? written.substring(1) : written;
        int at = id.indexOf('@');
        String server = at < 0 ? "" : id.substring(at + 1);
        String user = at < 0 ? id : id.substring(0, at);
        int device = user.indexOf(':');
        String withoutDevice = device < 0 ? user : user.substring(0, device);
        if (server.equals("lid")) {
            return new UserId(withoutDevice + "@lid");
        }
        String digits = withoutDevice.replaceAll("[+\\s\\-().]", "");
        boolean phone = !digits.isEmpty() && digits.chars().allMatch(Character::isDigit)
                && (server.isEmpty() || server.equals("s.whatsapp.net"));
        return new UserId(phone ? digits : written);
    }

    /**
     * Returns how the user is written in a message that mentions them: {@code "@391234567890"}. List the
     * user in {@code OutgoingMessage.mentioning} too, or WhatsApp shows plain text.
     *
     * @return the mention text
     */
    public String mention() {
        int at = value.indexOf('@');
        return "@" + (at < 0 ? value : value.substring(0, at));
    }

    @Override
    public String toString() {
        return value;
    }
}
