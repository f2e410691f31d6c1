package dev.blacksky.core.cluster;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Map;

/** Settings and databases for one node of a test cluster. */
final class ClusterFixture {

    private ClusterFixture() {
    }

    static ClusterSettings settings(String url, String node, Duration ttl, Duration renew, Duration margin) {
        return ClusterSettings.from(ConfigFactory.parseMap(Map.of(
                "blacksky.cluster.url", url, "blacksky.cluster.node-id", node,
                "blacksky.cluster.lease-ttl", ttl.toMillis() + "ms", "blacksky.cluster.renew-every", renew.toMillis() + "ms",
                "blacksky.cluster.fence-margin", margin.toMillis() + "ms", "blacksky.cluster.statement-timeout", "1s"))
                .withFallback(ConfigFactory.defaultReference()));
    }

    static ClusterSettings settings(String url, String node) {
        return settings(url, node, Duration.ofSeconds(15), Duration.ofSeconds(4), Duration.ofSeconds(5));
    }
}
