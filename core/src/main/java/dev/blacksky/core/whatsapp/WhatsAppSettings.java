package dev.blacksky.core.whatsapp;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.blacksky.core.config.ConfigRanges;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code blacksky.whatsapp}, read and checked once.
 *
 * @param proxy the HTTP(S) proxy, if any
 * @param ackTimeout how long a send waits for the server's ack
 * @param groupAdminsTtl how long a group's admins are cached
 * @param reactionTargets how many recently received messages can be reacted to
 * @param lidMappingWait how long a message from a LID sender waits for its stanza's phone number
 * @param messageRetention how long Cobalt keeps a message in its store before the bot drops it
 */
public record WhatsAppSettings(Optional<URI> proxy, Duration ackTimeout, Duration groupAdminsTtl, int reactionTargets,
                               Duration lidMappingWait, Duration messageRetention) {

    /** Reads the section; the proxy is empty or an http(s) URI. */
    public static WhatsAppSettings from(Config config) {
        return new WhatsAppSettings(proxy(config), ConfigRanges.positive(config, "blacksky.whatsapp.send-ack-timeout"),
                ConfigRanges.positive(config, "blacksky.whatsapp.group-admins-ttl"),
                ConfigRanges.atLeast(config, "blacksky.whatsapp.reaction-targets", 1),
                ConfigRanges.positive(config, "blacksky.whatsapp.lid-mapping-wait"),
                ConfigRanges.positive(config, "blacksky.whatsapp.message-retention"));
    }

    private static Optional<URI> proxy(Config config) {
        String value = config.getString("blacksky.whatsapp.proxy").strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            // The value is not echoed: it may hold proxy credentials.
            throw new ConfigException.BadValue(config.getValue("blacksky.whatsapp.proxy").origin(), "blacksky.whatsapp.proxy",
                    "must be empty or an http:// or https:// proxy URI such as http://host:3128");
        }
        return Optional.of(uri);
    }
}
