package dev.blacksky.core.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.blacksky.core.config.ConfigRanges;
import dev.blacksky.core.session.LockOwner;
import java.time.Duration;
import java.util.regex.Pattern;

/** The {@code blacksky.cluster} section; {@link #enabled()} is false while its url is empty. */
public record ClusterSettings(String url, String user, String password, String nodeId, Duration leaseTtl,
                              Duration renewEvery, Duration fenceMargin, int poolSize, Duration statementTimeout) {

    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public static ClusterSettings from(Config config) {
        String p = "blacksky.cluster.";
        Config c = config.getConfig("blacksky.cluster");
        String url = c.getString("url");
        if (!url.isEmpty() && !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException.BadValue(c.getValue("url").origin(), p + "url",
                    "must be a PostgreSQL JDBC URL such as \"jdbc:postgresql://db.example:5432/blacksky\", got \"" + url + "\"");
        }
        String nodeId = c.getString("node-id");
        if (nodeId.isEmpty()) {
            // only asked of the system when there is a cluster: a host name lookup can be slow
            nodeId = url.isEmpty() ? "" : LockOwner.thisHost().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + ProcessHandle.current().pid();
        } else if (!NODE_ID.matcher(nodeId).matches()) {
            throw new ConfigException.BadValue(c.getValue("node-id").origin(), p + "node-id",
                    "must be 1 to 64 letters, digits, '.', '_' or '-', got \"" + nodeId + "\"");
        }
        Duration ttl = ConfigRanges.positive(config, p + "lease-ttl");
        Duration renew = ConfigRanges.positive(config, p + "renew-every");
        Duration margin = ConfigRanges.positive(config, p + "fence-margin");
        if (renew.plus(margin).compareTo(ttl) >= 0) {
            throw new ConfigException.BadValue(c.getValue("renew-every").origin(), p + "renew-every",
                    "plus fence-margin (" + renew + " + " + margin + ") must be less than lease-ttl (" + ttl + "): the owner"
                    + " would stop its accounts before its first renewal is due");
        }
        return new ClusterSettings(url, c.getString("user"), c.getString("password"), nodeId, ttl, renew, margin,
                ConfigRanges.atLeast(config, p + "pool-size", 1), ConfigRanges.positive(config, p + "statement-timeout"));
    }

    public boolean enabled() {
        return !url.isEmpty();
    }
}
