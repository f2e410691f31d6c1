package dev.blacksky.core.outbound;

import dev.blacksky.core.storage.WriteLedger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
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

    /**
     * The id of a message about to be sent: within a journaled command, derived from the command's run and the
     * send's place in it, so that the command run again (after a crash, or on the node taking the account over)
     * sends the same message instead of a second answer; elsewhere a new one.
     */
    static String forSend() {
        String key = WriteLedger.nextSendKey();
        if (key == null) {
            return next();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "3EB0" + HexFormat.of().withUpperCase().formatHex(Arrays.copyOf(digest, 9));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
