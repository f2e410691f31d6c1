package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.blacksky.core.cluster.ClusterDatabase;
import dev.blacksky.core.cluster.FencedStore;
import dev.blacksky.core.cluster.LeaseRow;
import dev.blacksky.core.cluster.LeaseStore;
import dev.blacksky.core.cluster.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged nodes sharing one account through a real PostgreSQL: one runs it, the other stands by; the one
 * paused past its TTL finds the account taken on resuming, stops it without reconnecting, and its write is refused.
 */
class ClusterNodesIT {

    private static final Duration TTL = Duration.ofSeconds(3);
    private static final Duration RENEW = Duration.ofMillis(500);

    private static String url;

    @TempDir
    Path tmp;

    @BeforeAll
    static void server() throws Exception {
        url = PostgresServer.shared().newDatabase();
    }

    private Process node(String id) throws IOException {
        return node(id, "simulated");
    }

    private Process node(String id, String transport) throws IOException {
        return ClusterNode.start(tmp.resolve(id), id, transport, url, TTL, RENEW);
    }

    private String log(String id) throws IOException {
        Path file = tmp.resolve(id).resolve("logs/blacksky.log");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static LeaseRow lease(LeaseStore observer) throws Exception {
        return ClusterNode.lease(observer);
    }

    private static void signal(Process p, String signal) throws Exception {
        ClusterNode.signal(p, signal);
    }

    private String status(String id) throws IOException {
        return ClusterNode.status(tmp.resolve(id));
    }

    @Test
    void a_node_paused_past_its_ttl_finds_its_account_taken_stops_it_and_is_refused_the_write() throws Exception {
        try (ClusterDatabase observerDb = PostgresServer.node(url, "observer")) {
            LeaseStore observer = new LeaseStore(observerDb);
            Process a = node("node-a");
            Process b = null;
            try {
                await("node-a runs the account").atMost(Duration.ofSeconds(60)).until(() -> {
                    LeaseRow r = lease(observer);
                    return r != null && r.live() && "node-a".equals(r.owner());
                });
                long firstEpoch = lease(observer).epoch();
                await("node-a connected").atMost(Duration.ofSeconds(60))
                        .until(() -> status("node-a").contains("\"CONNECTED\""));

                RunningBot standby = RunningBot.start(tmp.resolve("node-b"),
                        ClusterNode.config("node-b", "simulated", url, TTL, RENEW, ""), Map.of());
                b = standby.process();
                await("node-b standing by").atMost(Duration.ofSeconds(60))
                        .until(() -> log("node-b").contains("Standing by: account 'default' is run by node node-a"));
                assertThat(Files.exists(tmp.resolve("node-b/data/accounts/default/status.json")))
                        .as("a standby opens no session and no connection").isFalse();
                // what a load balancer or an operator sees of a standby
                assertThat(standby.get("/health/live").statusCode()).isEqualTo(200);
                await("node-b's readiness names the owner").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    var ready = standby.get("/health/ready", standby.bearer());
                    assertThat(ready.statusCode()).isEqualTo(503);
                    assertThat(ready.body()).contains("standby: account 'default' is run by node node-a (epoch " + firstEpoch);
                });
                Launch.Result status = Launch.of(RunningBot.DIST.resolve("bin/blacksky"), "status", "--config",
                        tmp.resolve("node-b/bot.conf").toString(), "--data", tmp.resolve("node-b/data").toString())
                        .env("JAVA_HOME", System.getProperty("java.home")).run();
                assertThat(status.stdout()).as(status.toString())
                        .contains("Cluster: account 'default' is run by node node-a (epoch " + firstEpoch)
                        .containsPattern("2 live nodes \\(node-[ab], node-[ab]\\)");
                var overview = standby.get("/api/overview", standby.bearer());
                assertThat(overview.statusCode()).isEqualTo(503);
                assertThat(overview.body()).contains("standing by: account 'default' is run by node node-a");

                signal(a, "STOP"); // past the TTL: node-b must take over
                await("node-b takes over").atMost(Duration.ofSeconds(20)).until(() -> {
                    LeaseRow r = lease(observer);
                    return r != null && r.live() && "node-b".equals(r.owner());
                });
                assertThat(lease(observer).epoch()).isGreaterThan(firstEpoch);
                await("node-b connected").atMost(Duration.ofSeconds(60))
                        .until(() -> status("node-b").contains("\"CONNECTED\""));

                signal(a, "CONT");
                assertThat(a.waitFor(30, TimeUnit.SECONDS)).as("node-a stops after resuming").isTrue();
                assertThat(a.exitValue()).as("exit code: lease lost").isEqualTo(6);
                String logA = log("node-a");
                assertThat(logA).contains("Stopping account 'default'")
                        .contains("refused by the database: stale epoch " + firstEpoch);
                assertThat(status("node-a")).doesNotContain("\"CONNECTED\"");
                assertThat(lease(observer).owner()).isEqualTo("node-b");

                b.destroy(); // SIGTERM: a graceful stop hands the lease over at once
                assertThat(b.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(b.exitValue()).isZero();
                assertThat(lease(observer).live()).as("released, not left to expire").isFalse();
            } finally {
                for (Process p : new Process[] {a, b}) {
                    if (p != null && p.isAlive()) {
                        signal(p, "CONT");
                        p.destroyForcibly().waitFor();
                    }
                }
            }
        }
    }

    @Test
    void the_node_taking_over_a_whatsapp_account_continues_its_session_instead_of_pairing_anew() throws Exception {
        try (ClusterDatabase observerDb = PostgresServer.node(url, "observer")) {
            LeaseStore observer = new LeaseStore(observerDb);
            FencedStore data = new FencedStore(observerDb);
            Process a = node("wa-a", "whatsapp"); // no network here: it makes its keys, then keeps retrying
            Process b = null;
            try {
                await("wa-a's session copied to the cluster").atMost(Duration.ofSeconds(60))
                        .until(() -> data.get("default", "session").isPresent());
                Path webA = tmp.resolve("wa-a/data/accounts/default/cobalt/web");
                List<Path> sessionsA = list(webA);
                assertThat(sessionsA).hasSize(1);
                Path sessionA = sessionsA.getFirst();

                a.destroy(); // SIGTERM: the lease is handed over at once, the last copy uploaded first
                assertThat(a.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(a.exitValue()).isZero();
                assertThat(lease(observer).live()).isFalse();

                b = node("wa-b", "whatsapp");
                await("wa-b runs the account").atMost(Duration.ofSeconds(60)).until(() -> {
                    LeaseRow r = lease(observer);
                    return r != null && r.live() && "wa-b".equals(r.owner());
                });
                await("wa-b took the session").atMost(Duration.ofSeconds(60))
                        .until(() -> log("wa-b").contains("Session: the session was taken from the cluster"));
                Path webB = tmp.resolve("wa-b/data/accounts/default/cobalt/web");
                await("wa-b's session in use").atMost(Duration.ofSeconds(60))
                        .until(() -> status("wa-b").contains("RECONNECTING"));
                assertThat(list(webB)).as("the same identity, no new one").extracting(Path::getFileName)
                        .containsExactly(sessionA.getFileName());
                assertThat(Files.readAllBytes(webB.resolve(sessionA.getFileName()).resolve("keys.proto")))
                        .isEqualTo(Files.readAllBytes(sessionA.resolve("keys.proto")));
            } finally {
                for (Process p : new Process[] {a, b}) {
                    if (p != null && p.isAlive()) {
                        p.destroy();
                        p.waitFor(60, TimeUnit.SECONDS);
                    }
                }
            }
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }
}
