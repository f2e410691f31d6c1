package dev.blacksky.core.alert;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * The {@code blacksky.alerts} section.
 *
 * @param webhook null when no webhook is set
 * @param recoveryMessageAfter zero turns the owners' message off
 */
public record AlertSettings(URI webhook, Duration degradedAfter, int webhookAttempts, Duration recoveryMessageAfter) {

    public static AlertSettings from(Config config) {
        Config c = config.getConfig("blacksky.alerts");
        String url = c.getString("webhook").strip();
        URI webhook = null;
        if (!url.isEmpty()) {
            try {
                webhook = new URI(url);
            } catch (URISyntaxException e) {
                webhook = null;
            }
            if (webhook == null || !("http".equals(webhook.getScheme()) || "https".equals(webhook.getScheme()))
                    || webhook.getHost() == null) {
                throw new ConfigException.BadValue(c.getValue("webhook").origin(), "blacksky.alerts.webhook",
                        "must be an http:// or https:// URL, or empty for none");
            }
        }
        int attempts = c.getInt("webhook-attempts");
        if (attempts < 1) {
            throw new ConfigException.BadValue(c.getValue("webhook-attempts").origin(), "blacksky.alerts.webhook-attempts",
                    "must be at least 1");
        }
        return new AlertSettings(webhook, c.getDuration("degraded-after"), attempts, c.getDuration("recovery-message-after"));
    }
}
