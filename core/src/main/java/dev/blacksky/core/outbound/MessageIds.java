package dev.blacksky.core.outbound;

import java.security.SecureRandom;
import java.util.HexFormat;

/** New message ids in WhatsApp Web's own form ("3EB0" and 18 hex digits), chosen once per message. */
final class MessageIds {

    private static final SecureRandom random = new SecureRandom();

    private MessageIds() {
    }

    static String next() {
        byte[] bytes = new byte[9];
        random.nextBytes(bytes);
        return "3EB0" + HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
