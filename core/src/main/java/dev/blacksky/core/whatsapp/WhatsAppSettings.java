package dev.blacksky.core.whatsapp;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.blacksky.core.config.ConfigRanges;
import it.auties.whatsapp.model.signal.auth.UserAgent;
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
 * @param clientVersion the WhatsApp Web revision to announce, or "latest" to look it up at each start
 * @param platform the platform to announce (WEB, MACOS, WINDOWS)
 */
public record WhatsAppSettings(Optional<URI> proxy, Duration ackTimeout, Duration groupAdminsTtl, int reactionTargets,
                               Duration lidMappingWait, Duration messageRetention, String clientVersion,
                               UserAgent.PlatformType platform) {

    static final String CLIENT_VERSION = "blacksky.whatsapp.client-version";
    private static final java.util.Set<String> PLATFORMS = java.util.Set.of("WEB", "MACOS", "WINDOWS");

    /** Reads the section; the proxy is empty or an http(s) URI. */
    public static WhatsAppSettings from(Config config) {
        return new WhatsAppSettings(proxy(config), ConfigRanges.positive(config, "blacksky.whatsapp.send-ack-timeout"),
                ConfigRanges.positive(config, "blacksky.whatsapp.group-admins-ttl"),
                ConfigRanges.atLeast(config, "blacksky.whatsapp.reaction-targets", 1),
                ConfigRanges.positive(config, "blacksky.whatsapp.lid-mapping-wait"),
                ConfigRanges.positive(config, "blacksky.whatsapp.message-retention"), clientVersion(config),
                platform(config));
    }

    private static String clientVersion(Config config) {
        String value = config.getString(CLIENT_VERSION).strip();
        if (!value.equals("latest") && !value.matches("\\d+(\\.\\d+){1,4}")) {
            throw new ConfigException.BadValue(config.getValue(CLIENT_VERSION).origin(), CLIENT_VERSION,
                    "must be a WhatsApp Web revision such as \"2.3000.1048032155\", or \"latest\"");
        }
        return value;
    }

    private static UserAgent.PlatformType platform(Config config) {
        String key = "blacksky.whatsapp.platform";
        String value = config.getString(key).strip().toUpperCase(java.util.Locale.ROOT);
        if (!PLATFORMS.contains(value)) {
            throw new ConfigException.BadValue(config.getValue(key).origin(), key, "must be one of web, macos, windows");
        }
        return UserAgent.PlatformType.valueOf(value);
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
